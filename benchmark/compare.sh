#!/usr/bin/env bash
# Closed-loop and overload flash-sale benchmark, LiveChain side by side with a naive baseline (benchmark/baseline:
# one transaction per order, SELECT ... FOR UPDATE on the offer row), same machine, same kind of database server
# (embedded PostgreSQL 18, fsync on), same load (wrk + benchmark/wrk/orders.lua). Each system in turn: start it on a
# fresh database, set up a sale, warm up, measure (a) capacity, (b) sold-out rejections, (c) overload, verify, stop.
# Then the table: benchmark/target/compare/summary.{md,json}. See benchmark/README.md.
#
#   benchmark/compare.sh                                   # LiveChain (web/target/livechain.jar) vs the baseline
#   BEFORE_JAR=/tmp/old.jar benchmark/compare.sh           # also an older LiveChain build, in the same run
#   SYSTEMS=baseline DURATION=30 benchmark/compare.sh      # every setting is an environment variable
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$ROOT/benchmark"
OUT="${OUT:-$BENCH/target/compare}"

export PORT="${PORT:-18080}"                     # the port of the system under test (one at a time)
export THREADS="${THREADS:-2}"                   # wrk threads
export CONNECTIONS="${CONNECTIONS:-64}"          # (a) and (b): closed-loop connections
export DURATION="${DURATION:-20}"                # (a) seconds
export WARMUP="${WARMUP:-60}"                    # warm-up seconds (0: none), on its own live stream
export WARMUP_CONNECTIONS="${WARMUP_CONNECTIONS:-$CONNECTIONS}"
export SOLDOUT_UNITS="${SOLDOUT_UNITS:-200}"     # (b) the small offer, sold out first (PRESALE_* seconds/connections)
export SOLDOUT_DURATION="${SOLDOUT_DURATION:-10}"
export PRESALE_DURATION="${PRESALE_DURATION:-8}"  # the rest of the presale warms the rejection path up
export PRESALE_CONNECTIONS="${PRESALE_CONNECTIONS:-16}"
export OVERLOAD_CONNECTIONS="${OVERLOAD_CONNECTIONS:-2000}"  # (c)
export OVERLOAD_DURATION="${OVERLOAD_DURATION:-10}"
export OVERLOAD_TIMEOUT="${OVERLOAD_TIMEOUT:-2s}"
export BIG_UNITS="${BIG_UNITS:-1000000}"         # the offers of warm-up, (a) and (c): never sold out
export PER_BUYER="${PER_BUYER:-1}"
export STOCK="${STOCK:-5000000}"                 # LiveChain: units received into the warehouse
export SKU="${SKU:-HOT}"
export SETTLE="${SETTLE:-30}"                    # after each phase: wait at most this long for the app to be quiet
export QUIET_PCT="${QUIET_PCT:-5}"               # quiet = app + database CPU within this % of a core of idle
export OPEN_MODEL="${OPEN_MODEL:-true}"          # (d) Gatling's FlashSaleSimulation at RATE/s on LiveChain (false: skip)
export RATE="${RATE:-2000}"
export OPEN_SECONDS="${OPEN_SECONDS:-10}"
export RUN_ID="${RUN_ID:-$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')}"  # prefix of buyers and keys
APP_JAR="${APP_JAR:-$ROOT/web/target/livechain.jar}"
BEFORE_JAR="${BEFORE_JAR:-}"
BASELINE_JAR="${BASELINE_JAR:-}"                  # default: benchmark/baseline/target/baseline.jar, built if stale
APP_JAVA_OPTS="${APP_JAVA_OPTS:-}"
BASELINE_JAVA_OPTS="${BASELINE_JAVA_OPTS:-$APP_JAVA_OPTS}"
export BASELINE_POOL_SIZE="${BASELINE_POOL_SIZE:-10}"
export BASELINE_MERCHANT_KEY="${BASELINE_MERCHANT_KEY:-bench-merchant-key}"
BASELINE_DATASOURCE_URL="${BASELINE_DATASOURCE_URL:-}"  # default: the baseline starts its own embedded PostgreSQL
# which systems, in this order: livechain, livechain-before (only with BEFORE_JAR), baseline
SYSTEMS="${SYSTEMS:-livechain livechain-before baseline}"

if [[ -z "${JAVA_HOME:-}" && -d /usr/lib/jvm/temurin-25-jdk-amd64 ]]; then
    export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
[[ -n "${JAVA_HOME:-}" ]] && export PATH="$JAVA_HOME/bin:$PATH"
if ! command -v wrk >/dev/null && command -v apt-get >/dev/null && [[ "$(id -u)" -eq 0 ]]; then
    echo "compare.sh: installing wrk (apt-get install wrk)" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null || true
fi
for tool in java curl python3 wrk; do
    command -v "$tool" >/dev/null || { echo "compare.sh: $tool is required (wrk: apt-get install wrk)" >&2; exit 2; }
done
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
if (( $(ulimit -n) < OVERLOAD_CONNECTIONS + 500 )); then
    echo "compare.sh: WARNING: only $(ulimit -n) file descriptors for $OVERLOAD_CONNECTIONS connections" >&2
fi

log() { printf '\n== %s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

# --- the current system: stopped on exit, whatever happens -------------------------------------------------------
APP_PID=""
PY_PID=""
DATA_DIR=""
stop_system() {
    if [[ -n "$PY_PID" ]] && kill -0 "$PY_PID" 2>/dev/null; then
        kill -TERM "$PY_PID" 2>/dev/null || true
        wait "$PY_PID" 2>/dev/null || true
    fi
    PY_PID=""
    if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
        log "stopping pid $APP_PID"
        kill -TERM "$APP_PID" 2>/dev/null || true
        for _ in $(seq 1 60); do
            kill -0 "$APP_PID" 2>/dev/null || break
            sleep 0.5
        done
        kill -KILL "$APP_PID" 2>/dev/null || true
        wait "$APP_PID" 2>/dev/null || true
    fi
    APP_PID=""
    # an embedded PostgreSQL normally stops with its JVM; if the JVM had to be killed, stop it by its pid
    if [[ -n "$DATA_DIR" && -f "$DATA_DIR/postgres/postmaster.pid" ]]; then
        local pg
        pg="$(head -n 1 "$DATA_DIR/postgres/postmaster.pid" 2>/dev/null || true)"
        if [[ -n "$pg" ]] && kill -0 "$pg" 2>/dev/null \
            && tr '\0' ' ' <"/proc/$pg/cmdline" 2>/dev/null | grep -qF -- "$DATA_DIR/postgres"; then
            log "stopping the embedded PostgreSQL left behind (pid $pg)"
            kill -INT "$pg" 2>/dev/null || true
            for _ in $(seq 1 20); do
                kill -0 "$pg" 2>/dev/null || break
                sleep 0.5
            done
            kill -KILL "$pg" 2>/dev/null || true
        fi
    fi
    DATA_DIR=""
}
trap stop_system EXIT
trap 'exit 130' INT TERM

# --- jars --------------------------------------------------------------------------------------------------------
mkdir -p "$OUT"
[[ -f "$APP_JAR" ]] || { echo "compare.sh: no app jar at $APP_JAR (build it, or set APP_JAR)" >&2; exit 2; }
if [[ -z "$BASELINE_JAR" ]]; then
    BASELINE_JAR="$BENCH/baseline/target/baseline.jar"
    if [[ " $SYSTEMS " == *" baseline "* ]] && { [[ ! -f "$BASELINE_JAR" ]] \
        || [[ -n "$(find "$BENCH/baseline/pom.xml" "$BENCH/baseline/src" -newer "$BASELINE_JAR" -type f | head -n 1)" ]]; }; then
        log "building the baseline ($BENCH/baseline)"
        "$ROOT/mvnw" -B -q -f "$BENCH/baseline/pom.xml" -DskipTests package
    fi
fi

if curl -s -o /dev/null "http://127.0.0.1:$PORT/"; then
    echo "compare.sh: something already listens on port $PORT; choose another with PORT=..." >&2
    exit 2
fi

pg_pid_of_url() { # the postmaster listening on a JDBC URL's port (for an external database), or PG_PID
    if [[ -n "${PG_PID:-}" ]]; then echo "$PG_PID"; return; fi
    local port
    port="$(sed -nE 's#^jdbc:postgresql://[^/:]+:([0-9]+)/.*#\1#p' <<<"$1")"
    (ss -ltnpH "sport = :${port:-5432}" 2>/dev/null || true) | grep -o 'postgres",pid=[0-9]*' | head -n 1 | grep -o '[0-9]*$' || true
}

# run_system LABEL KIND JAR
run_system() {
    local label="$1" kind="$2" jar="$3" dir="$OUT/$1" health pg_pid=""
    rm -rf "$dir"
    mkdir -p "$dir"
    cp "$jar" "$dir/app.jar" # a copy: a rebuild during the run cannot pull the jar from under the running app
    DATA_DIR="$dir/data"
    log "$label: starting $jar on port $PORT (log: $dir/app.log)"
    if [[ "$kind" == livechain ]]; then
        health="/actuator/health"
        # shellcheck disable=SC2086 # APP_JAVA_OPTS is a list of options
        SERVER_PORT="$PORT" LIVECHAIN_DATA_DIR="$DATA_DIR" LIVECHAIN_ADMIN_API_KEY=bench-operator-key LIVECHAIN_LOCAL_DEVELOPMENT=true \
            LIVECHAIN_LOG_FORMAT= java $APP_JAVA_OPTS -jar "$dir/app.jar" >"$dir/app.log" 2>&1 &
        APP_PID=$!
    else
        health="/api/v1/health"
        # shellcheck disable=SC2086
        env -u SPRING_DATASOURCE_URL -u SPRING_DATASOURCE_USERNAME -u SPRING_DATASOURCE_PASSWORD \
            ${BASELINE_DATASOURCE_URL:+SPRING_DATASOURCE_URL=$BASELINE_DATASOURCE_URL} \
            SERVER_PORT="$PORT" BASELINE_DATA_DIR="$DATA_DIR" \
            java $BASELINE_JAVA_OPTS -jar "$dir/app.jar" >"$dir/app.log" 2>&1 &
        APP_PID=$!
    fi
    for i in $(seq 1 240); do
        curl -sf "http://127.0.0.1:$PORT$health" 2>/dev/null | grep -q '"status":"UP"' && break
        if ! kill -0 "$APP_PID" 2>/dev/null; then
            echo "compare.sh: $label exited; the end of $dir/app.log:" >&2
            tail -n 40 "$dir/app.log" >&2
            exit 1
        fi
        if [[ "$i" == 240 ]]; then
            echo "compare.sh: $label did not report UP within 120 s" >&2
            exit 1
        fi
        sleep 0.5
    done
    if [[ -f "$DATA_DIR/postgres/postmaster.pid" ]]; then
        pg_pid="$(head -n 1 "$DATA_DIR/postgres/postmaster.pid")"
    elif [[ "$kind" == livechain && -n "${SPRING_DATASOURCE_URL:-}" ]]; then
        pg_pid="$(pg_pid_of_url "$SPRING_DATASOURCE_URL")"
    elif [[ "$kind" == baseline && -n "$BASELINE_DATASOURCE_URL" ]]; then
        pg_pid="$(pg_pid_of_url "$BASELINE_DATASOURCE_URL")"
    fi
    [[ -n "$pg_pid" ]] || echo "compare.sh: $label: PostgreSQL's postmaster not found: no database CPU figures" >&2
    log "$label: UP (pid $APP_PID, PostgreSQL ${pg_pid:-?})"

    local status=0
    python3 "$BENCH/compare.py" run --kind "$kind" --label "$label" --base-url "http://127.0.0.1:$PORT" \
        --app-pid "$APP_PID" --pg-pid "${pg_pid:-0}" --jar "$jar" --out "$dir" &
    PY_PID=$!
    wait "$PY_PID" || status=$?
    PY_PID=""
    stop_system
    if (( status != 0 )); then
        echo "compare.sh: $label: the run failed or was not correct (exit $status)" >&2
        [[ -f "$dir/result.json" ]] || exit 1
        FAILED=1
    fi
}

FAILED=0
rm -f "$OUT/summary.md" "$OUT/summary.json"
LABELS=()
for system in $SYSTEMS; do
    case "$system" in
        livechain) run_system livechain livechain "$APP_JAR"; LABELS+=(livechain) ;;
        livechain-before)
            if [[ -n "$BEFORE_JAR" ]]; then run_system livechain-before livechain "$BEFORE_JAR"; LABELS+=(livechain-before); fi ;;
        baseline) run_system baseline baseline "$BASELINE_JAR"; LABELS+=(baseline) ;;
        *) echo "compare.sh: unknown system $system (livechain, livechain-before, baseline)" >&2; exit 2 ;;
    esac
done

python3 "$BENCH/compare.py" summary "$OUT" "${LABELS[@]}" || FAILED=1
echo "results: $OUT (summary.md, summary.json; per system: result.json, wrk-*.txt, app.log)"
exit "$FAILED"
