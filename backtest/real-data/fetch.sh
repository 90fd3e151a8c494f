#!/bin/sh
# Real public demand for the backtest, obtained from Debian's package registry, never committed:
#   taylor - half-hourly electricity demand of England and Wales, Monday 5 June 2000 to Sunday 27 August 2000
#            (12 weeks), as R's forecast package ships it (Debian package r-cran-forecast, GPL-3; data from
#            J.W. Taylor (2003), "Short-term electricity demand forecasting using double seasonal exponential
#            smoothing", Journal of the Operational Research Society 54, 799-805).
# Writes target/real-data/taylor-hourly.csv (one hourly total a line, the two half-hours summed), which the
# backtest reads when it is there. Needs root for apt-get the first time.
set -eu
cd "$(dirname "$0")/.."
if ! Rscript -e 'library(forecast)' >/dev/null 2>&1; then
    apt-get install -y -q --no-install-recommends r-cran-forecast
fi
mkdir -p target/real-data
Rscript -e '
  suppressMessages(library(forecast))
  x <- as.numeric(taylor)
  hourly <- x[seq(1, length(x), 2)] + x[seq(2, length(x), 2)]
  writeLines(c("# taylor (R package forecast, GPL-3): England and Wales electricity demand, hourly totals (MW) from 2000-06-05T00:00 UTC", format(hourly, scientific = FALSE, trim = TRUE)), "target/real-data/taylor-hourly.csv")
'
echo "wrote $(pwd)/target/real-data/taylor-hourly.csv"
