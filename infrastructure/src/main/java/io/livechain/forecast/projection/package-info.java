/** What the forecasts are computed from (demand, the streams featuring each SKU), and when they are refreshed. */
package io.livechain.forecast.projection;
