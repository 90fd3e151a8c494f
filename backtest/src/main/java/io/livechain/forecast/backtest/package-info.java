/** Synthetic demand histories and a rolling-origin backtest of the forecast against seasonal-naive. */
package io.livechain.forecast.backtest;
