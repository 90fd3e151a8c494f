/** Demand forecasting: hourly and daily demand with intervals, lifted by scheduled live streams. Pure functions. */
package io.livechain.forecast;
