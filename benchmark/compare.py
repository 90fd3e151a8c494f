#!/usr/bin/env python3
"""Helper of benchmark/compare.sh: drives one system through the closed-loop and overload phases, then summarises.

    compare.py run --kind livechain|baseline --label NAME --base-url URL --app-pid PID [--pg-pid PID] --out DIR
        sets the sale up over the API, warms the system up, measures capacity, sold-out rejections, overload (and,
        with OPEN_MODEL=true, the open model through Gatling), verifies, writes DIR/result.json
    compare.py summary DIR [labels...]
        reads DIR/<label>/result.json, prints the table, writes DIR/summary.md and DIR/summary.json

Standard library only; the load comes from wrk (benchmark/wrk/orders.lua). Settings come from the environment
(compare.sh exports them): see benchmark/README.md.
"""

import argparse
import datetime
import json
import os
import re
import resource
import secrets
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid

BENCH = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, BENCH)
import flashsale  # noqa: E402  (LiveChain's setup calls, shared with run.sh)

CLK_TCK = os.sysconf("SC_CLK_TCK")
CORES = os.cpu_count() or 1


def env(name, default):
    return os.environ.get(name, str(default))


def env_int(name, default):
    return int(env(name, default))


def env_float(name, default):
    return float(env(name, default))


def log(message):
    print(f"== {datetime.datetime.now(datetime.UTC):%H:%M:%S} {message}", file=sys.stderr, flush=True)


# --- /proc ----------------------------------------------------------------------------------------------------------

def stat_fields(pid):
    """The fields of /proc/<pid>/stat after the command name (index 0 = state); None if the process is gone."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            text = f.read()
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        return None
    return text[text.rindex(")") + 2:].split()


def process_ticks(pid):
    """utime + stime of the process (all its threads), in clock ticks."""
    fields = stat_fields(pid)
    return 0 if fields is None else int(fields[11]) + int(fields[12])


def tree_ticks(pid):
    """A PostgreSQL postmaster: its own time, its ended (reaped) children's, and all its live children's."""
    if not pid:
        return None
    fields = stat_fields(pid)
    if fields is None:
        return None
    total = sum(int(fields[i]) for i in (11, 12, 13, 14))
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            child = stat_fields(entry)
            if child is not None and child[1] == str(pid):
                total += int(child[11]) + int(child[12])
    return total


def machine_ticks():
    """(busy, total) clock ticks of all cores: busy = user+nice+system+irq+softirq+steal."""
    with open("/proc/stat") as f:
        values = [int(v) for v in f.readline().split()[1:]]
    user, nice, system, idle, iowait, irq, softirq, steal = (values + [0] * 8)[:8]
    busy = user + nice + system + irq + softirq + steal
    return busy, busy + idle + iowait


def tcp_counters():
    """Machine-wide TCP counters: ListenOverflows/ListenDrops (TcpExt), ActiveOpens/AttemptFails/EstabResets (Tcp)."""
    wanted = {"TcpExt": ("ListenOverflows", "ListenDrops", "TCPTimeouts"),
              "Tcp": ("ActiveOpens", "AttemptFails", "EstabResets")}
    counters = {}
    for path in ("/proc/net/netstat", "/proc/net/snmp"):
        try:
            with open(path) as f:
                lines = f.read().splitlines()
        except OSError:
            continue
        for header, values in zip(lines[::2], lines[1::2]):
            prefix = header.split(":")[0]
            names, numbers = header.split()[1:], values.split()[1:]
            for name, number in zip(names, numbers):
                if name in wanted.get(prefix, ()):
                    counters[name] = int(number)
    return counters


def thread_times(pid):
    """{thread id: (name, CPU seconds)} of every live thread of the process, from schedstat (nanoseconds: the
    per-thread utime/stime of /proc/<pid>/task/*/stat under-count young threads and do not add up to the process's)."""
    threads = {}
    try:
        tids = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return threads
    for tid in tids:
        try:
            with open(f"/proc/{pid}/task/{tid}/comm") as f:
                name = f.read().strip()
            with open(f"/proc/{pid}/task/{tid}/schedstat") as f:
                runtime_ns = int(f.read().split()[0])
        except (OSError, ValueError, IndexError):
            continue
        threads[tid] = (name, runtime_ns / 1e9)
    return threads


def thread_group(name):
    """A thread's name without its number: 'C2 CompilerThre', 'GC Thread', 'http-nio-18080-exec'..."""
    return re.sub(r"[-#_ ]*\d+$", "", name) or name


class Sample:
    def __init__(self, app_pid, pg_pid, threads=False):
        self.at = time.monotonic()
        self.threads = thread_times(app_pid) if threads else None
        self.app = process_ticks(app_pid)
        self.pg = tree_ticks(pg_pid)
        self.busy, self.total = machine_ticks()
        self.tcp = tcp_counters()
        self.children = resource.getrusage(resource.RUSAGE_CHILDREN)


def cpu_between(a, b):
    wall = b.at - a.at
    cpu = {
        "windowS": round(wall, 3),
        "appS": (b.app - a.app) / CLK_TCK,
        "pgS": None if a.pg is None or b.pg is None else (b.pg - a.pg) / CLK_TCK,
        "loadGeneratorS": round((b.children.ru_utime + b.children.ru_stime)
                                - (a.children.ru_utime + a.children.ru_stime), 3),
        "machineBusyPct": round(100.0 * (b.busy - a.busy) / max(1, b.total - a.total), 1),
    }
    cpu["appPctOfCores"] = round(100.0 * cpu["appS"] / max(wall * CORES, 1e-9), 1)
    cpu["pgPctOfCores"] = None if cpu["pgS"] is None else round(100.0 * cpu["pgS"] / max(wall * CORES, 1e-9), 1)
    cpu["loadGeneratorPctOfCores"] = round(100.0 * cpu["loadGeneratorS"] / max(wall * CORES, 1e-9), 1)
    # everything else: other people's processes on this shared machine, the kernel's interrupts
    cpu["othersPctOfCores"] = round(max(0.0, cpu["machineBusyPct"] - cpu["appPctOfCores"] - (cpu["pgPctOfCores"] or 0)
                                        - cpu["loadGeneratorPctOfCores"]), 1)
    return cpu


def threads_between(a, b, top=10):
    """The app's CPU seconds in the window by thread group, largest first; '(threads ended meanwhile)' is the rest
    of the process's time (threads that no longer exist at the end)."""
    groups = {}
    for tid, (name, seconds) in b.threads.items():
        group = thread_group(name)
        groups[group] = groups.get(group, 0.0) + seconds - a.threads.get(tid, (name, 0.0))[1]
    groups["(threads ended meanwhile)"] = max(0.0, (b.app - a.app) / CLK_TCK - sum(groups.values()))
    ranked = sorted(((g, t) for g, t in groups.items() if t >= 0.005), key=lambda item: -item[1])
    head = {g: round(t, 2) for g, t in ranked[:top]}
    rest = sum(t for _, t in ranked[top:])
    if rest:
        head["(others)"] = round(rest, 2)
    return head


def tcp_between(a, b):
    return {name: b.tcp[name] - a.tcp.get(name, 0) for name in b.tcp}


# --- HTTP -----------------------------------------------------------------------------------------------------------

def http(method, url, key, body=None, expect=(200,)):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method)
    request.add_header("Authorization", "Bearer " + key)
    request.add_header("Accept", "application/json")
    if data is not None:
        request.add_header("Content-Type", "application/json")
        request.add_header("Idempotency-Key", str(uuid.uuid4()))
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            status, payload = response.status, response.read()
    except urllib.error.HTTPError as e:
        status, payload = e.code, e.read()
    if status not in expect:
        raise RuntimeError(f"{method} {url}: HTTP {status}: {payload[:500].decode(errors='replace')}")
    return json.loads(payload) if payload else None


class LiveChain:
    """Setup through LiveChain's API, as flashsale.py does for run.sh."""

    def __init__(self, base_url):
        self.base = base_url
        flashsale.BASE = base_url
        self.key = None

    def setup(self, stock):
        merchant = flashsale.call("POST", "/api/v1/admin/merchants", flashsale.ADMIN_KEY, {"name": "Bench"},
                                  expect=(201,))
        factory = flashsale.call("POST", "/api/v1/admin/factories", flashsale.ADMIN_KEY, {"name": "F"},
                                 expect=(201,))
        warehouse = flashsale.call("POST", "/api/v1/admin/warehouses", flashsale.ADMIN_KEY,
                                   {"name": "W", "zone": "north"}, expect=(201,))
        # 404: a build from before warehouse-merchant links, where every warehouse serves every merchant
        flashsale.call("PUT", f"/api/v1/admin/warehouses/{warehouse['id']}/merchants/{merchant['id']}",
                       flashsale.ADMIN_KEY, expect=(200, 404))
        flashsale.call("POST", "/api/v1/products", merchant["apiKey"], {
            "sku": flashsale.SKU, "name": "Hot", "factoryId": factory["id"], "batchSize": 100,
            "leadTimeHours": 24}, expect=(201,))
        flashsale.call("POST", "/api/v1/warehouse/receipts", warehouse["apiKey"], {
            "merchantId": merchant["id"], "sku": flashsale.SKU, "quantity": stock}, expect=(201,))
        self.key = merchant["apiKey"]

    def stream(self, title, units, per_buyer):
        return flashsale.live_stream(self.key, title, units, per_buyer)

    def offer(self, stream_id):
        return flashsale.offer_of(self.key, stream_id)


class Baseline:
    def __init__(self, base_url):
        self.base = base_url
        self.key = env("BASELINE_MERCHANT_KEY", "bench-merchant-key")

    def setup(self, stock):
        health = http("GET", self.base + "/api/v1/health", self.key)
        if health.get("fsync") != "on" or health.get("synchronous_commit") != "on":
            log(f"WARNING: the baseline's database is not durable: {health}")

    def stream(self, title, units, per_buyer):
        created = http("POST", self.base + "/api/v1/bench/live-streams", self.key,
                       {"sku": flashsale.SKU, "quantity": units, "perBuyerLimit": per_buyer}, expect=(201,))
        return created["id"]

    def offer(self, stream_id):
        view = http("GET", f"{self.base}/api/v1/live-streams/{stream_id}", self.key)
        return next(o for o in view["offers"] if o["sku"] == flashsale.SKU)


# --- load -----------------------------------------------------------------------------------------------------------

_running = None


def _terminate(signum, frame):
    if _running is not None and _running.poll() is None:
        _running.kill()
    sys.exit(128 + signum)


def wrk(system, stream_id, name, connections, seconds, out_dir, timeout=None, threads=None):
    """One wrk run; returns its results (from the Lua script) with the CPU and TCP figures of its window."""
    global _running
    threads = threads or env_int("THREADS", 2)
    result_file = os.path.join(out_dir, f"wrk-{name}.json")
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency",
               "-s", os.path.join(BENCH, "wrk", "orders.lua")]
    if timeout:
        command += ["--timeout", timeout]
    command.append(system.base)
    wrk_env = dict(os.environ, LC_STREAM=stream_id, LC_SKU=flashsale.SKU, LC_KEY=system.key,
                   LC_PREFIX=f"{RUN_ID}-{name}", LC_OUT=result_file)
    with open(os.path.join(out_dir, f"wrk-{name}.txt"), "w") as text:
        before = Sample(APP_PID, PG_PID, threads=True)
        _running = subprocess.Popen(command, env=wrk_env, stdout=text, stderr=subprocess.STDOUT)
        _running.wait()
        after = Sample(APP_PID, PG_PID, threads=True)
        code, _running = _running.returncode, None
    if code != 0 or not os.path.exists(result_file):
        raise RuntimeError(f"wrk {name} failed (exit {code}); see {out_dir}/wrk-{name}.txt")
    with open(result_file) as f:
        result = json.load(f)
    duration = result["durationUs"] / 1e6
    counts = result["counts"]
    result["durationS"] = round(duration, 3)
    result["latencyMs"] = {k: round(v / 1000.0, 2) for k, v in result.pop("latencyUs").items()}
    result["accepted"] = counts.get("201", 0)
    result["soldOut"] = counts.get("409 sold-out", 0)
    result["answered"] = sum(counts.values())
    result["acceptedPerS"] = round(result["accepted"] / duration, 1)
    result["soldOutPerS"] = round(result["soldOut"] / duration, 1)
    result["answeredPerS"] = round(result["answered"] / duration, 1)
    result["cpu"] = cpu_between(before, after)
    result["tcp"] = tcp_between(before, after)
    result["appThreadsS"] = threads_between(before, after)
    result["cpu"]["appJitS"] = round(sum(
        seconds - before.threads.get(tid, (name, 0.0))[1]
        for tid, (name, seconds) in after.threads.items() if "CompilerThre" in name), 3)
    result["connections"], result["threads"] = connections, threads
    result["_after"] = after
    return result


def settle(phase, label):
    """After a phase: wait until the app and the database are quiet again (LiveChain's projections catch up after
    the load), at most SETTLE seconds; the CPU they spend meanwhile is the phase's catch-up cost."""
    start = phase.pop("_after")
    deadline = start.at + env_float("SETTLE", 30)
    quiet_pct = IDLE_APP_PCT + env_float("QUIET_PCT", 5)  # % of one core, above the idle app's own
    previous = start
    while True:
        time.sleep(1)
        now = Sample(APP_PID, PG_PID)
        busy = 100.0 * ((now.app - previous.app) + ((now.pg or 0) - (previous.pg or 0))) / CLK_TCK / (now.at - previous.at)
        previous = now
        if busy <= quiet_pct or now.at >= deadline:
            break
    catchup = cpu_between(start, now)
    phase["catchup"] = {"seconds": round(now.at - start.at, 1), "appS": catchup["appS"], "pgS": catchup["pgS"],
                        "quiet": busy <= quiet_pct}
    log(f"{label}: quiet again after {now.at - start.at:.1f} s (app {catchup['appS']:.2f} s, "
        f"PostgreSQL {catchup['pgS'] or 0:.2f} s of CPU meanwhile)")


def wait_for_quiet_machine(label, phase):
    """The machine is shared: before a measured phase, wait (at most QUIET_WAIT seconds) until the processes other than
    the app and its database use less than QUIET_MACHINE_PCT % of the cores. Returns the seconds waited."""
    started = time.monotonic()
    limit, deadline = env_float("QUIET_MACHINE_PCT", 20), started + env_float("QUIET_WAIT", 60)
    warned = False
    while True:
        a = Sample(APP_PID, PG_PID)
        time.sleep(1)
        cpu = cpu_between(a, Sample(APP_PID, PG_PID))
        if cpu["othersPctOfCores"] < limit:
            break
        if time.monotonic() > deadline:
            log(f"{label}: WARNING: other processes still use {cpu['othersPctOfCores']}% of the cores; measuring {phase} anyway")
            break
        if not warned:
            log(f"{label}: other processes use {cpu['othersPctOfCores']}% of the cores; waiting (up to "
                f"{env('QUIET_WAIT', 60)} s) before {phase}")
            warned = True
    return round(time.monotonic() - started - 1, 1)


def per_unit_costs(phase, count):
    """µs of CPU per unit of work (an accepted order, a rejection), in the window and with the catch-up after."""
    cpu, catchup = phase["cpu"], phase.get("catchup", {})
    if not count:
        return {}
    costs = {"appUs": round(cpu["appS"] * 1e6 / count), "loadGeneratorUs": round(cpu["loadGeneratorS"] * 1e6 / count)}
    costs["appWithCatchupUs"] = round((cpu["appS"] + catchup.get("appS", 0)) * 1e6 / count)
    costs["appWithoutJitUs"] = round((cpu["appS"] - cpu.get("appJitS", 0)) * 1e6 / count)
    if cpu["pgS"] is not None:
        costs["pgUs"] = round(cpu["pgS"] * 1e6 / count)
        costs["pgWithCatchupUs"] = round((cpu["pgS"] + (catchup.get("pgS") or 0)) * 1e6 / count)
    return costs


def wait_admitted(system, stream_id, at_least, seconds):
    """The offer once its admitted count has reached what the client saw accepted (LiveChain's read model lags)."""
    deadline = time.monotonic() + seconds
    while True:
        offer = system.offer(stream_id)
        if offer["admitted"] >= at_least or time.monotonic() > deadline:
            return offer
        time.sleep(1)


def check(system, stream_id, units, accepted, name):
    offer = wait_admitted(system, stream_id, accepted, env_float("SETTLE", 30))
    ok = offer["admitted"] <= units and accepted <= units and offer["admitted"] >= accepted
    verdict = {"quantity": units, "admitted": offer["admitted"], "accepted201": accepted, "ok": ok}
    if "orderedUnits" in offer:
        verdict["orderedUnits"] = offer["orderedUnits"]
        verdict["ok"] = ok and offer["orderedUnits"] == offer["admitted"]
    log(f"verify {name}: admitted {offer['admitted']:,} of {units:,}, 201s seen {accepted:,}: "
        f"{'ok' if verdict['ok'] else 'FAILED'}")
    return verdict


def open_model(system, kind, label, out_dir):
    """The open model: benchmark/run.sh's Gatling simulation (latency from the intended send time), no warm-up of
    its own: this system is warm already."""
    rate, seconds = env_int("RATE", 2000), env_int("OPEN_SECONDS", 10)
    units = env_int("OPEN_UNITS", rate * seconds)
    stream_id = system.stream("Open model", units, 2)
    results = os.path.join(out_dir, "open-model")
    log(f"{label}: open model, Gatling at {rate}/s for {seconds} s ({units:,} units)")
    command = [os.path.join(os.path.dirname(BENCH), "mvnw"), "-B", "-f", os.path.join(BENCH, "pom.xml"),
               "gatling:test", f"-DbaseUrl={system.base}", f"-DmerchantKey={system.key}",
               f"-DliveStreamId={stream_id}", f"-Dsku={flashsale.SKU}", f"-Dbuyers={env_int('OPEN_BUYERS', 200000)}",
               f"-Drate={rate}", f"-Dseconds={seconds}", "-DperBuyer=2", f"-DresultsDir={results}",
               f"-DappPid={APP_PID}", f"-DpgPid={PG_PID or -1}", f"-DclkTck={CLK_TCK}"]
    with open(os.path.join(out_dir, "gatling.log"), "w") as logfile:
        code = subprocess.call(command, stdout=logfile, stderr=subprocess.STDOUT)
    summary_file = os.path.join(results, "summary.json")
    if code != 0 or not os.path.exists(summary_file):
        log(f"{label}: the Gatling run failed (exit {code}); see {out_dir}/gatling.log")
        return {"failed": True}
    with open(summary_file) as f:
        summary = json.load(f)
    outcomes = summary["outcomes"]
    accepted = outcomes.get("accepted", {"count": 0})
    span = (accepted.get("lastEndMs", 0) - accepted.get("firstIntendedMs", 0)) if accepted.get("count") else 0
    return {
        "rate": rate, "seconds": seconds, "units": units, "scheduled": summary.get("scheduled"),
        "accepted": accepted["count"],
        "acceptedPerS": round(accepted["count"] * 1000.0 / span, 1) if span > 0 else None,
        "acceptedLatencyMs": accepted.get("latencyMs"),
        "outcomes": {k: v["count"] for k, v in outcomes.items()},
        "generatorLagMs": summary.get("generatorLagMs"),
        "cpu": summary.get("cpu"),
    }


def run(args):
    global APP_PID, PG_PID, IDLE_APP_PCT, RUN_ID
    signal.signal(signal.SIGTERM, _terminate)
    APP_PID, PG_PID = args.app_pid, args.pg_pid or None
    RUN_ID = env("RUN_ID", secrets.token_hex(4))
    os.makedirs(args.out, exist_ok=True)
    system = LiveChain(args.base_url) if args.kind == "livechain" else Baseline(args.base_url)
    result = {"label": args.label, "kind": args.kind, "jar": args.jar, "baseUrl": args.base_url,
              "appPid": APP_PID, "pgPid": PG_PID, "cores": CORES, "runId": RUN_ID,
              "startedAt": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")}

    connections, duration = env_int("CONNECTIONS", 64), env_int("DURATION", 20)
    big, per_buyer = env_int("BIG_UNITS", 1_000_000), env_int("PER_BUYER", 1)
    sold_out_units = env_int("SOLDOUT_UNITS", 200)

    log(f"{args.label}: setting up")
    system.setup(env_int("STOCK", 5_000_000))
    streams = {
        "warmup": system.stream("Bench warm-up", big, per_buyer),
        "capacity": system.stream("Bench capacity", big, per_buyer),
        "soldout": system.stream("Bench sold-out", sold_out_units, per_buyer),
        "overload": system.stream("Bench overload", big, per_buyer),
    }
    result["streams"] = streams

    # how busy the machine is before the load, and what the idle app costs
    IDLE_APP_PCT = 0.0
    waited = {"idle": wait_for_quiet_machine(args.label, "the idle measurement")}
    result["waitedForQuietS"] = waited
    a = Sample(APP_PID, PG_PID)
    time.sleep(3)
    idle = cpu_between(a, Sample(APP_PID, PG_PID))
    IDLE_APP_PCT = 100.0 * (idle["appS"] + (idle["pgS"] or 0)) / idle["windowS"]
    result["idle"] = idle
    log(f"{args.label}: before the load the machine was {idle['machineBusyPct']}% busy; the idle app "
        f"{idle['appPctOfCores']}% and its database {idle['pgPctOfCores']}% of {CORES} cores")
    if idle["machineBusyPct"] > 25:
        log("WARNING: the machine is busy with something else; the figures will be skewed")

    warmup_seconds = env_int("WARMUP", 60)
    if warmup_seconds > 0:
        log(f"{args.label}: warm-up, wrk -c{env_int('WARMUP_CONNECTIONS', connections)} for {warmup_seconds} s")
        warm = wrk(system, streams["warmup"], "warmup", env_int("WARMUP_CONNECTIONS", connections),
                   warmup_seconds, args.out)
        settle(warm, "warm-up")
        result["warmup"] = {k: warm[k] for k in ("acceptedPerS", "counts", "latencyMs", "cpu", "catchup")}
        log(f"{args.label}: warm-up: {warm['acceptedPerS']:,} accepted/s, p99 {warm['latencyMs']['p99']} ms")

    # (a) capacity, closed loop
    waited["capacity"] = wait_for_quiet_machine(args.label, "capacity")
    log(f"{args.label}: (a) capacity, wrk -c{connections} for {duration} s")
    cap = wrk(system, streams["capacity"], "capacity", connections, duration, args.out)
    settle(cap, "capacity")
    cap["perAccepted"] = per_unit_costs(cap, cap["accepted"])
    cap["verification"] = check(system, streams["capacity"], big, cap["accepted"], "capacity")
    result["capacity"] = cap
    log(f"{args.label}: capacity {cap['acceptedPerS']:,} accepted/s, p50 {cap['latencyMs']['p50']} ms, "
        f"p99 {cap['latencyMs']['p99']} ms, app {cap['perAccepted'].get('appUs')} µs/order")

    # (b) sold-out rejections: sell the small offer out first, then measure
    log(f"{args.label}: (b) selling out {sold_out_units} units, then wrk -c{connections} for "
        f"{env_int('SOLDOUT_DURATION', 10)} s against the sold-out offer")
    presale = wrk(system, streams["soldout"], "presale", env_int("PRESALE_CONNECTIONS", 16),
                  env_int("PRESALE_DURATION", 8), args.out)
    settle(presale, "sell-out")
    presale_check = check(system, streams["soldout"], sold_out_units, presale["accepted"], "sell-out")
    waited["soldout"] = wait_for_quiet_machine(args.label, "sold-out")
    rej = wrk(system, streams["soldout"], "soldout", connections, env_int("SOLDOUT_DURATION", 10), args.out)
    settle(rej, "sold-out")
    rej["perRejection"] = per_unit_costs(rej, rej["soldOut"])
    rej["presale"] = {"accepted": presale["accepted"], "counts": presale["counts"], "verification": presale_check}
    rej["verification"] = check(system, streams["soldout"], sold_out_units,
                                presale["accepted"] + rej["accepted"], "sold-out")
    result["soldout"] = rej
    log(f"{args.label}: sold-out {rej['soldOutPerS']:,} rejections/s, p99 {rej['latencyMs']['p99']} ms, "
        f"app {rej['perRejection'].get('appUs')} µs/rejection")

    # (c) overload: thousands of connections at once
    overload_connections = env_int("OVERLOAD_CONNECTIONS", 2000)
    log(f"{args.label}: (c) overload, wrk -c{overload_connections} --timeout {env('OVERLOAD_TIMEOUT', '2s')} "
        f"for {env_int('OVERLOAD_DURATION', 10)} s")
    waited["overload"] = wait_for_quiet_machine(args.label, "overload")
    over = wrk(system, streams["overload"], "overload", overload_connections, env_int("OVERLOAD_DURATION", 10),
               args.out, timeout=env("OVERLOAD_TIMEOUT", "2s"))
    settle(over, "overload")
    over["perAccepted"] = per_unit_costs(over, over["accepted"])
    over["verification"] = check(system, streams["overload"], big, over["accepted"], "overload")
    # under overload many requests are admitted but their answer is never seen (cut off or timed out on the client)
    over["perAdmitted"] = per_unit_costs(over, over["verification"]["admitted"])
    over["ratioToCapacity"] = round(over["acceptedPerS"] / cap["acceptedPerS"], 2) if cap["acceptedPerS"] else None
    result["overload"] = over
    log(f"{args.label}: overload {over['acceptedPerS']:,} accepted/s ({over['ratioToCapacity']} of capacity), "
        f"errors {over['errors']}, SYNs dropped {over['tcp'].get('ListenOverflows')}")

    # (d) open model (Gatling), optional
    if env("OPEN_MODEL", "false") == "true" and (args.kind == "livechain" or env("OPEN_MODEL_ALL", "false") == "true"):
        waited["openModel"] = wait_for_quiet_machine(args.label, "the open model")
        result["openModel"] = open_model(system, args.kind, args.label, args.out)

    result["correct"] = all(result[p]["verification"]["ok"] for p in ("capacity", "soldout", "overload")) \
        and presale_check["ok"]
    result["finishedAt"] = datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")
    with open(os.path.join(args.out, "result.json"), "w") as f:
        json.dump(result, f, indent=2)
    return 0 if result["correct"] else 1


# --- summary --------------------------------------------------------------------------------------------------------

def fmt(value, digits=0, suffix=""):
    if value is None:
        return "n/a"
    if isinstance(value, (int, float)):
        return f"{value:,.{digits}f}{suffix}"
    return str(value)


def ratio(a, b):
    if a is None or b is None or not b:
        return None
    return a / b


def summary(args):
    labels = args.labels or sorted(d for d in os.listdir(args.dir) if os.path.exists(
        os.path.join(args.dir, d, "result.json")))
    results = []
    for label in labels:
        path = os.path.join(args.dir, label, "result.json")
        if os.path.exists(path):
            with open(path) as f:
                results.append(json.load(f))
    if not results:
        print("compare: no results", file=sys.stderr)
        return 1
    baseline = next((r for r in results if r["kind"] == "baseline"), None)
    livechains = [r for r in results if r["kind"] == "livechain"]

    def g(r, *path):
        value = r
        for key in path:
            if value is None or key not in value:
                return None
            value = value[key]
        return value

    def statuses(counts):
        return ", ".join(f"{k}: {v:,}" for k, v in sorted(counts.items())) or "none"

    def errors(e):
        return f"connect {e['connect']:,}, read {e['read']:,}, write {e['write']:,}, timeout {e['timeout']:,}"

    # (name, function of a result -> text, number for the ratio or None, lower is better?)
    def threads_text(groups):
        if not groups:
            return "n/a"
        total = sum(groups.values()) or 1
        return ", ".join(f"{name} {100 * t / total:.0f}" for name, t in list(groups.items())[:8])

    def others(phase):
        return lambda r: fmt(g(r, phase, "cpu", "othersPctOfCores"), 0, " %")

    rows = [
        ("measured (UTC)", lambda r: f"{r['startedAt'][11:19]} -> {r.get('finishedAt', '')[11:19]}", None),
        ("waited for a quiet machine, s", lambda r: ", ".join(
            f"{k} {v:g}" for k, v in (r.get("waitedForQuietS") or {}).items()), None),
        ("machine busy before the load (app idle)", lambda r: fmt(g(r, "idle", "machineBusyPct"), 0, " %"), None),
        ("idle app + its database, % of the cores",
         lambda r: f"{fmt(g(r, 'idle', 'appPctOfCores'), 1)} + {fmt(g(r, 'idle', 'pgPctOfCores'), 1)} %", None),
        ("warm-up: accepted/s (p99)",
         lambda r: f"{fmt(g(r, 'warmup', 'acceptedPerS'))} ({fmt(g(r, 'warmup', 'latencyMs', 'p99'))} ms)", None),
        ("(a) CAPACITY, closed loop", None, None),
        ("  accepted orders/s", lambda r: fmt(g(r, "capacity", "acceptedPerS")), lambda r: g(r, "capacity", "acceptedPerS")),
        ("  latency p50 ms", lambda r: fmt(g(r, "capacity", "latencyMs", "p50"), 1), lambda r: g(r, "capacity", "latencyMs", "p50")),
        ("  latency p99 ms", lambda r: fmt(g(r, "capacity", "latencyMs", "p99"), 1), lambda r: g(r, "capacity", "latencyMs", "p99")),
        ("  latency max ms", lambda r: fmt(g(r, "capacity", "latencyMs", "max"), 1), None),
        ("  statuses", lambda r: statuses(g(r, "capacity", "counts")), None),
        ("  socket errors", lambda r: errors(g(r, "capacity", "errors")), None),
        ("  app CPU µs per accepted order", lambda r: fmt(g(r, "capacity", "perAccepted", "appUs")),
         lambda r: g(r, "capacity", "perAccepted", "appUs")),
        ("  app CPU µs/order incl. catch-up after", lambda r: fmt(g(r, "capacity", "perAccepted", "appWithCatchupUs")),
         lambda r: g(r, "capacity", "perAccepted", "appWithCatchupUs")),
        ("  app CPU µs/order without the JIT compiler", lambda r: fmt(g(r, "capacity", "perAccepted", "appWithoutJitUs")),
         lambda r: g(r, "capacity", "perAccepted", "appWithoutJitUs")),
        ("  database CPU µs per accepted order", lambda r: fmt(g(r, "capacity", "perAccepted", "pgUs")),
         lambda r: g(r, "capacity", "perAccepted", "pgUs")),
        ("  database CPU µs/order incl. catch-up", lambda r: fmt(g(r, "capacity", "perAccepted", "pgWithCatchupUs")),
         lambda r: g(r, "capacity", "perAccepted", "pgWithCatchupUs")),
        ("  wrk CPU µs per request", lambda r: fmt(
            1e6 * g(r, "capacity", "cpu", "loadGeneratorS") / max(1, g(r, "capacity", "answered"))), None),
        ("  app / database CPU, % of the cores",
         lambda r: f"{fmt(g(r, 'capacity', 'cpu', 'appPctOfCores'))} / {fmt(g(r, 'capacity', 'cpu', 'pgPctOfCores'))} %", None),
        ("  machine busy", lambda r: fmt(g(r, "capacity", "cpu", "machineBusyPct"), 0, " %"), None),
        ("  ... of which other processes", others("capacity"), None),
        ("  catch-up after the window",
         lambda r: f"{fmt(g(r, 'capacity', 'catchup', 'seconds'), 1)} s: app {fmt(g(r, 'capacity', 'catchup', 'appS'), 2)} s, "
                   f"db {fmt(g(r, 'capacity', 'catchup', 'pgS'), 2)} s CPU", None),
        ("  verified: admitted / quantity (201s)",
         lambda r: f"{fmt(g(r, 'capacity', 'verification', 'admitted'))} / {fmt(g(r, 'capacity', 'verification', 'quantity'))} "
                   f"({fmt(g(r, 'capacity', 'verification', 'accepted201'))}) "
                   f"{'ok' if g(r, 'capacity', 'verification', 'ok') else 'FAILED'}", None),
        ("(b) SOLD-OUT rejections", None, None),
        ("  rejections/s", lambda r: fmt(g(r, "soldout", "soldOutPerS")), lambda r: g(r, "soldout", "soldOutPerS")),
        ("  latency p50 / p99 / max ms",
         lambda r: "/".join(fmt(g(r, "soldout", "latencyMs", k), 1) for k in ("p50", "p99", "max")), None),
        ("  latency p99 ms", lambda r: fmt(g(r, "soldout", "latencyMs", "p99"), 1), lambda r: g(r, "soldout", "latencyMs", "p99")),
        ("  statuses", lambda r: statuses(g(r, "soldout", "counts")), None),
        ("  app CPU µs per rejection", lambda r: fmt(g(r, "soldout", "perRejection", "appUs")),
         lambda r: g(r, "soldout", "perRejection", "appUs")),
        ("  app CPU µs/rejection without the JIT compiler", lambda r: fmt(g(r, "soldout", "perRejection", "appWithoutJitUs")),
         lambda r: g(r, "soldout", "perRejection", "appWithoutJitUs")),
        ("  database CPU µs per rejection", lambda r: fmt(g(r, "soldout", "perRejection", "pgUs")),
         lambda r: g(r, "soldout", "perRejection", "pgUs")),
        ("  machine busy", lambda r: fmt(g(r, "soldout", "cpu", "machineBusyPct"), 0, " %"), None),
        ("  ... of which other processes", others("soldout"), None),
        ("  verified: sold out exactly (admitted / quantity)",
         lambda r: f"{fmt(g(r, 'soldout', 'verification', 'admitted'))} / {fmt(g(r, 'soldout', 'verification', 'quantity'))} "
                   f"{'ok' if g(r, 'soldout', 'verification', 'ok') else 'FAILED'}", None),
        ("(c) OVERLOAD", None, None),
        ("  connections / timeout", lambda r: f"{fmt(g(r, 'overload', 'connections'))} / {env('OVERLOAD_TIMEOUT', '2s')}", None),
        ("  accepted orders/s", lambda r: fmt(g(r, "overload", "acceptedPerS")), lambda r: g(r, "overload", "acceptedPerS")),
        ("  ... of capacity (a)", lambda r: fmt(g(r, "overload", "ratioToCapacity"), 2), None),
        ("  answered/s (any status)", lambda r: fmt(g(r, "overload", "answeredPerS")), None),
        ("  statuses", lambda r: statuses(g(r, "overload", "counts")), None),
        ("  socket errors", lambda r: errors(g(r, "overload", "errors")), None),
        ("  SYNs dropped (ListenOverflows / ListenDrops)",
         lambda r: f"{fmt(g(r, 'overload', 'tcp', 'ListenOverflows'))} / {fmt(g(r, 'overload', 'tcp', 'ListenDrops'))}", None),
        ("  latency p50 / p99 / max ms (answered)",
         lambda r: "/".join(fmt(g(r, "overload", "latencyMs", k)) for k in ("p50", "p99", "max")), None),
        ("  app CPU µs per admitted order, incl. catch-up (**)",
         lambda r: fmt(g(r, "overload", "perAdmitted", "appWithCatchupUs")), None),
        ("  machine busy", lambda r: fmt(g(r, "overload", "cpu", "machineBusyPct"), 0, " %"), None),
        ("  ... of which other processes", others("overload"), None),
        ("  verified: admitted / 201s seen (*)",
         lambda r: f"{fmt(g(r, 'overload', 'verification', 'admitted'))} / {fmt(g(r, 'overload', 'verification', 'accepted201'))} "
                   f"{'ok' if g(r, 'overload', 'verification', 'ok') else 'FAILED'}", None),
        ("(d) OPEN MODEL (Gatling)", None, None),
        ("  offered", lambda r: (f"{fmt(g(r, 'openModel', 'rate'))}/s for {fmt(g(r, 'openModel', 'seconds'))} s"
                                 if g(r, "openModel", "rate") else "not run"), None),
        ("  accepted orders/s", lambda r: fmt(g(r, "openModel", "acceptedPerS")), None),
        ("  accepted p50 / p99 / max ms (from intended send)",
         lambda r: "/".join(fmt(g(r, "openModel", "acceptedLatencyMs", k)) for k in ("p50", "p99", "max")), None),
        ("  outcomes", lambda r: statuses(g(r, "openModel", "outcomes") or {}), None),
        ("CORRECT (nothing oversold)", lambda r: "yes" if r.get("correct") else "NO", None),
    ]

    names = {"livechain": "LiveChain", "livechain-before": "LiveChain before", "baseline": "baseline"}
    columns = [names.get(r["label"], r["label"]) for r in results]
    ratio_columns = []
    if baseline:
        ratio_columns += [(f"{names.get(r['label'], r['label'])} / baseline", r, baseline) for r in livechains]
    after = next((r for r in livechains if r["label"] == "livechain"), None)
    before = next((r for r in livechains if r["label"] == "livechain-before"), None)
    if after and before:
        ratio_columns.append(("after / before", after, before))

    table = []
    ratio_values = {c: {} for c, _, _ in ratio_columns}
    for name, text, number in rows:
        if text is None:
            table.append([name] + [""] * (len(columns) + len(ratio_columns)))
            continue
        cells = [name]
        for r in results:
            try:
                cells.append(text(r))
            except (TypeError, KeyError, ZeroDivisionError):
                cells.append("n/a")
        for column, a, b in ratio_columns:
            value = None
            if number is not None:
                try:
                    value = ratio(number(a), number(b))
                except (TypeError, KeyError):
                    value = None
            cells.append("" if number is None else fmt(value, 2, "x"))
            if value is not None:
                ratio_values[column][name.strip()] = round(value, 3)
        table.append(cells)

    header = ["figure"] + columns + [c for c, _, _ in ratio_columns]
    started = min(r["startedAt"] for r in results)
    finished = max(r.get("finishedAt", r["startedAt"]) for r in results)
    intro = [
        f"flash-sale comparison, {started} -> {finished} (UTC), {CORES} cores, load generator wrk on the same machine",
        f"closed loop: wrk -t{env_int('THREADS', 2)} -c{env_int('CONNECTIONS', 64)} -d{env_int('DURATION', 20)}s, every "
        f"request a new buyer and Idempotency-Key; warm-up {env_int('WARMUP', 60)} s; sold-out offer "
        f"{env_int('SOLDOUT_UNITS', 200)} units; overload -c{env_int('OVERLOAD_CONNECTIONS', 2000)} "
        f"-d{env_int('OVERLOAD_DURATION', 10)}s --timeout {env('OVERLOAD_TIMEOUT', '2s')}",
        "latency: wrk's, over every answer of the phase (in (a) all are 201, in (b) all 409); CPU from /proc over the wrk "
        "window; 'catch-up' = CPU spent after the window until the app and its database are quiet again",
        "ratios: LiveChain ÷ baseline; above 1 is better for orders/s and rejections/s, worse for latency and CPU",
        "(*) admitted beyond the 201s seen: requests still in flight when wrk stopped (one per connection at most) or "
        "answered after the client's timeout",
        "(**) CPU of the window and the catch-up after it, over every order the offer admitted (answer seen or not)",
        "wrk 4: 'timeout' counts answers slower than --timeout (left out of the latency figures, so max <= timeout); "
        "latency starts when the request is written, after the connection is up (a dropped SYN's 1-3 s are not in it)",
    ]
    if not any(g(r, "openModel", "rate") for r in results):
        intro.append("open model: not run here (OPEN_MODEL=true runs Gatling's FlashSaleSimulation on LiveChain after "
                     "the phases; or RATE=2000 benchmark/run.sh)")
    jars = [f"{names.get(r['label'], r['label'])}: {r.get('jar')}" for r in results]
    intro.append("jars: " + "; ".join(jars))

    widths = [max(len(row[i]) for row in table + [header]) for i in range(len(header))]
    text_lines = intro + [""]
    text_lines.append("  ".join(h.ljust(w) for h, w in zip(header, widths)))
    text_lines.append("  ".join("-" * w for w in widths))
    for row in table:
        text_lines.append("  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip())
    threads = ["", "app CPU by thread group in the window, % of the app's CPU (top 8):"]
    for r in results:
        for phase, title in (("capacity", "(a) capacity"), ("soldout", "(b) sold-out"), ("overload", "(c) overload")):
            threads.append(f"  {names.get(r['label'], r['label'])} {title}: {threads_text(g(r, phase, 'appThreadsS'))}")
    text_lines += threads
    text = "\n".join(text_lines) + "\n"
    print(text)

    md = ["# Flash-sale comparison", ""] + [f"- {line}" for line in intro] + [""]
    md.append("| " + " | ".join(header) + " |")
    md.append("|" + "|".join(" --- " for _ in header) + "|")
    for row in table:
        if all(c == "" for c in row[1:]):
            md.append(f"| **{row[0].strip()}** |" + " |" * (len(header) - 1))
        else:
            md.append("| " + " | ".join(c.strip().replace("|", "\\|") for c in row) + " |")
    md += [""] + [line if not line.startswith("  ") else "- " + line.strip() for line in threads[1:]]
    with open(os.path.join(args.dir, "summary.md"), "w") as f:
        f.write("\n".join(md) + "\n")
    with open(os.path.join(args.dir, "summary.json"), "w") as f:
        json.dump({"started": started, "finished": finished, "cores": CORES,
                   "systems": {r["label"]: r for r in results},
                   "ratios": ratio_values},
                  f, indent=2)
    return 0 if all(r.get("correct") for r in results) else 1


def main():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", required=True)
    r = sub.add_parser("run")
    r.add_argument("--kind", choices=("livechain", "baseline"), required=True)
    r.add_argument("--label", required=True)
    r.add_argument("--base-url", required=True)
    r.add_argument("--app-pid", type=int, required=True)
    r.add_argument("--pg-pid", type=int, default=0)
    r.add_argument("--jar", default="")
    r.add_argument("--out", required=True)
    s = sub.add_parser("summary")
    s.add_argument("dir")
    s.add_argument("labels", nargs="*")
    args = parser.parse_args()
    sys.exit(run(args) if args.command == "run" else summary(args))


if __name__ == "__main__":
    main()
