#!/usr/bin/env bash
# The flash-sale benchmark: starts the app, sets up a live stream with one hot offer, runs the Gatling simulation
# (open workload: a warm-up sale on a separate live stream, then the measured sale), verifies that nothing was
# oversold or lost, prints the summary and stops the app. See docs/benchmark.md.
#
#   benchmark/run.sh                     # defaults below; every one can be overridden from the environment
#   RATE=1500 SECONDS=20 benchmark/run.sh   # (or DURATION=20)
#
# With SPRING_DATASOURCE_URL (and _USERNAME/_PASSWORD) set, the app uses that database instead of a fresh embedded
# PostgreSQL; PG_PID then names its postmaster for the CPU figures (else the one listening on the URL's port).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$ROOT/benchmark"
TARGET="$BENCH/target"

PORT="${PORT:-18080}"
BUYERS="${BUYERS:-20000}"
UNITS="${UNITS:-5000}"
STOCK="${STOCK:-100000}"
PER_BUYER="${PER_BUYER:-2}"
RATE="${RATE:-2500}"
# SECONDS is also bash's own uptime counter: take it from the environment only, or use DURATION
DURATION="${DURATION:-$(printenv SECONDS || echo 10)}"
SKU="${SKU:-HOT}"
WARMUP_RATE="${WARMUP_RATE:-800}"
WARMUP_SECONDS="${WARMUP_SECONDS:-40}"
WARMUP_UNITS="${WARMUP_UNITS:-40000}"
WARMUP_PAUSE="${WARMUP_PAUSE:-10}"
SETTLE_SECONDS="${SETTLE_SECONDS:-60}"
APP_JAVA_OPTS="${APP_JAVA_OPTS:-}"
REBUILD="${REBUILD:-false}" # true: rebuild the app jar even if it exists

if [[ -z "${JAVA_HOME:-}" && -d /usr/lib/jvm/temurin-25-jdk-amd64 ]]; then
    export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
if [[ -n "${JAVA_HOME:-}" ]]; then
    export PATH="$JAVA_HOME/bin:$PATH"
fi
for tool in java curl python3; do
    command -v "$tool" >/dev/null || { echo "run.sh: $tool is required" >&2; exit 2; }
done

# thousands of sockets under overload: as many file descriptors as allowed (the app and Gatling inherit it)
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

log() { printf '\n== %s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

# --- (a) the app jar --------------------------------------------------------------------------------------------
JAR="${APP_JAR:-$ROOT/web/target/livechain.jar}" # APP_JAR: measure another build (never rebuilt here)
if [[ -z "${APP_JAR:-}" && ( "$REBUILD" == true || ! -f "$JAR" ) ]]; then
    log "building the app jar"
    (cd "$ROOT" && ./mvnw -B -q -DskipTests -Dspotless.check.skip=true install)
fi

mkdir -p "$TARGET"
DATA_DIR="$TARGET/data"
RESULTS_DIR="$TARGET/flash-sale"
APP_LOG="$TARGET/app.log"
rm -rf "$RESULTS_DIR"
# a copy, so that a rebuild of web/target during the run cannot pull the jar from under the running app
cp "$JAR" "$TARGET/livechain.jar"

if curl -s -o /dev/null "http://127.0.0.1:$PORT/actuator/health"; then
    echo "run.sh: something already listens on port $PORT; choose another with PORT=..." >&2
    exit 2
fi

# --- (b) start the app ------------------------------------------------------------------------------------------
APP_PID=""
PG_PID=""
EMBEDDED=true
[[ -n "${SPRING_DATASOURCE_URL:-}" ]] && EMBEDDED=false

stop_app() {
    if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
        log "stopping the app (pid $APP_PID)"
        kill -TERM "$APP_PID" 2>/dev/null || true
        for _ in $(seq 1 60); do
            kill -0 "$APP_PID" 2>/dev/null || break
            sleep 0.5
        done
        kill -KILL "$APP_PID" 2>/dev/null || true
    fi
    # the embedded PostgreSQL normally stops with the app; if the app had to be killed, stop ours (by its pid)
    if [[ "$EMBEDDED" == true && -f "$DATA_DIR/postgres/postmaster.pid" ]]; then
        local pg
        pg="$(head -n 1 "$DATA_DIR/postgres/postmaster.pid" 2>/dev/null || true)"
        if [[ -n "$pg" ]] && kill -0 "$pg" 2>/dev/null \
            && tr '\0' ' ' <"/proc/$pg/cmdline" 2>/dev/null | grep -qF -- "$DATA_DIR/postgres"; then
            sleep 2
            kill -0 "$pg" 2>/dev/null && kill -INT "$pg" 2>/dev/null || true
        fi
    fi
    APP_PID=""
}
trap stop_app EXIT
trap 'exit 130' INT TERM

rm -rf "$DATA_DIR"
export LIVECHAIN_DATA_DIR="$DATA_DIR" # the embedded PostgreSQL's home (and anything else the app keeps on disk)
log "starting the app on port $PORT ($([[ "$EMBEDDED" == true ]] && echo "embedded PostgreSQL in $DATA_DIR" || echo "$SPRING_DATASOURCE_URL")); log: $APP_LOG"
# shellcheck disable=SC2086 # APP_JAVA_OPTS is a list of options
SERVER_PORT="$PORT" LIVECHAIN_ADMIN_API_KEY=bench-operator-key LIVECHAIN_LOCAL_DEVELOPMENT=true LIVECHAIN_LOG_FORMAT= \
    java $APP_JAVA_OPTS -jar "$TARGET/livechain.jar" >"$APP_LOG" 2>&1 &
APP_PID=$!

BASE_URL="http://127.0.0.1:$PORT"
for i in $(seq 1 240); do
    if curl -sf "$BASE_URL/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; then
        break
    fi
    if ! kill -0 "$APP_PID" 2>/dev/null; then
        echo "run.sh: the app exited; the end of $APP_LOG:" >&2
        tail -n 40 "$APP_LOG" >&2
        exit 1
    fi
    if [[ "$i" == 240 ]]; then
        echo "run.sh: the app did not report UP within 120 s" >&2
        exit 1
    fi
    sleep 0.5
done
log "the app is UP (pid $APP_PID)"

# the PostgreSQL postmaster, for the CPU figures
if [[ "$EMBEDDED" == true ]]; then
    PG_PID="$(head -n 1 "$DATA_DIR/postgres/postmaster.pid" 2>/dev/null || true)"
elif [[ -n "${PG_PID:-}" ]]; then
    :
else
    pg_port="$(sed -nE 's#^jdbc:postgresql://[^/:]+:([0-9]+)/.*#\1#p' <<<"$SPRING_DATASOURCE_URL")"
    pg_port="${pg_port:-5432}"
    PG_PID="$( (ss -ltnpH "sport = :$pg_port" 2>/dev/null || true) | grep -o 'postgres",pid=[0-9]*' | head -n 1 | grep -o '[0-9]*$' || true)"
fi
[[ -n "$PG_PID" ]] || echo "run.sh: PostgreSQL's postmaster not found: no PostgreSQL CPU figure" >&2

# --- (c) set up the sale over the API ----------------------------------------------------------------------------
log "setting up merchant, factory, warehouse, product, stock ($STOCK) and live streams ($UNITS units, $PER_BUYER per buyer)"
export BASE_URL SKU UNITS STOCK PER_BUYER WARMUP_UNITS SETTLE_SECONDS RESULTS_DIR
SETUP="$(python3 "$BENCH/flashsale.py" setup)"
eval "$SETUP"
echo "$SETUP" | grep -v KEY >&2
export MERCHANT_KEY LIVE_STREAM_ID

# how busy the machine is before the load (it is shared: another build or app running skews every figure)
busy_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9 }' /proc/stat; }
app_ticks() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$APP_PID/stat"; }
read -r b0 t0 <<<"$(busy_ticks)"; a0="$(app_ticks)"; sleep 3; read -r b1 t1 <<<"$(busy_ticks)"; a1="$(app_ticks)"
IDLE_BUSY=$(( (b1 - b0) * 100 / ((t1 - t0) > 0 ? (t1 - t0) : 1) ))
APP_IDLE=$(( (a1 - a0) * 100 / ((t1 - t0) > 0 ? (t1 - t0) : 1) ))
log "in the 3 s before the load the machine was ${IDLE_BUSY}% busy, the idle app ${APP_IDLE}% (of all cores)"
if (( IDLE_BUSY > 25 )); then
    echo "run.sh: WARNING: the machine is busy with something else; the figures will be skewed" >&2
fi

# --- (d) the load: warm-up sale, pause, measured sale (one Gatling run) -------------------------------------------
log "Gatling: warm-up $WARMUP_RATE/s for ${WARMUP_SECONDS}s, pause ${WARMUP_PAUSE}s, then $RATE orders/s for ${DURATION}s"
GATLING_OK=true
"$ROOT/mvnw" -B -f "$BENCH/pom.xml" gatling:test \
    -DbaseUrl="$BASE_URL" \
    -DmerchantKey="$MERCHANT_KEY" \
    -DliveStreamId="$LIVE_STREAM_ID" \
    -DwarmupLiveStreamId="$WARMUP_LIVE_STREAM_ID" \
    -DwarmupRate="$WARMUP_RATE" \
    -DwarmupSeconds="$WARMUP_SECONDS" \
    -DwarmupPause="$WARMUP_PAUSE" \
    -Dsku="$SKU" \
    -Dbuyers="$BUYERS" \
    -Drate="$RATE" \
    -Dseconds="$DURATION" \
    -DperBuyer="$PER_BUYER" \
    -DresultsDir="$RESULTS_DIR" \
    -DappPid="$APP_PID" \
    -DpgPid="${PG_PID:--1}" \
    -DclkTck="$(getconf CLK_TCK)" \
    >"$TARGET/gatling.log" 2>&1 || GATLING_OK=false
grep -E 'Please open the following file|Reports generated' "$TARGET/gatling.log" >&2 || true
# Gatling's own error summary (connect timeouts, request timeouts...), if any, from its final statistics
awk '/---- Global Information/ { last = NR } { line[NR] = $0 } END {
        if (last) for (i = last; i <= NR; i++) { if (line[i] ~ /^---- Errors/) e = 1; if (line[i] ~ /^====/) e = 0; if (e) print line[i] } }' \
    "$TARGET/gatling.log" >&2 || true
if [[ "$GATLING_OK" != true || ! -f "$RESULTS_DIR/summary.json" ]]; then
    echo "run.sh: the Gatling run failed; the end of $TARGET/gatling.log:" >&2
    tail -n 40 "$TARGET/gatling.log" >&2
    exit 1
fi

# --- (e) + (f) verify and summarise --------------------------------------------------------------------------------
log "verifying (the read model is eventually consistent: polling up to ${SETTLE_SECONDS}s)"
STATUS=0
python3 "$BENCH/flashsale.py" verify || STATUS=$?
echo "results: $RESULTS_DIR (summary.txt, summary.json, responses.csv, accepted-ids.txt); Gatling report: $TARGET/gatling"

# --- (g) stop the app (the EXIT trap) ------------------------------------------------------------------------------
exit "$STATUS"
