# R's forecast package on the backtest's protocol, for comparison (not part of the build):
#   Rscript backtest/real-data/r-baselines.R        (after backtest/real-data/fetch.sh)
# 28 daily origins, the last one 14 days before the end; each forecasts 24 hours (and 14 days) from all history
# before it. MASE: absolute errors over the in-sample MAE of the lag-24 h (lag-7 d) naive, averaged over points.
suppressMessages(library(forecast))
y <- as.numeric(readLines("backtest/target/real-data/taylor-hourly.csv")[-1])
days <- length(y) %/% 24
origins <- (days - 14 - 28 + 1):(days - 14)
score <- function(name, fc) {
  hours <- c(); cover <- c(); dayErr <- c(); dayCover <- c()
  for (d in origins) {
    at <- d * 24
    train <- y[1:at]
    scale <- mean(abs(train[25:at] - train[1:(at - 24)]))
    f <- fc(train)
    actual <- y[(at + 1):(at + 24)]
    hours <- c(hours, abs(actual - f$mean[1:24]) / scale)
    cover <- c(cover, actual >= f$lower[1:24] & actual <= f$upper[1:24])
    daily <- colSums(matrix(y[1:(at + 14 * 24)], nrow = 24))
    dscale <- mean(abs(daily[8:d] - daily[1:(d - 7)]))
    fd <- colSums(matrix(f$mean[1:(14 * 24)], nrow = 24))
    dayErr <- c(dayErr, abs(daily[(d + 1):(d + 14)] - fd) / dscale)
  }
  cat(sprintf("%-34s hours MASE %.3f  80%% cover %.2f   days MASE %.3f\n", name, mean(hours), mean(cover), mean(dayErr)))
}
naive <- function(lag) function(train) {
  n <- length(train); h <- 14 * 24
  m <- train[n - lag + ((0:(h - 1)) %% lag) + 1]
  list(mean = m, lower = rep(-Inf, h), upper = rep(Inf, h))
}
score("same hour yesterday", naive(24))
score("same hour last week", naive(168))
score("stlf (mstl 24 + 168, ets)", function(train) stlf(msts(train, seasonal.periods = c(24, 168)), h = 336, level = 80))
