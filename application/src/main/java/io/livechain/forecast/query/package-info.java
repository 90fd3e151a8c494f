/** Questions about demand forecasts. */
package io.livechain.forecast.query;
