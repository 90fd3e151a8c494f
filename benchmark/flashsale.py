#!/usr/bin/env python3
"""Helper of benchmark/run.sh: sets up a flash sale over the LiveChain API, then verifies and summarises it.

    flashsale.py setup   -> prints shell assignments (MERCHANT_KEY=..., LIVE_STREAM_ID=..., ...)
    flashsale.py verify  -> reads the Gatling results, checks the app's state, prints the summary table

Standard library only. Settings come from the environment (run.sh exports them).
"""

import json
import os
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections import Counter

BASE = os.environ.get("BASE_URL", "http://127.0.0.1:18080").rstrip("/")
ADMIN_KEY = os.environ.get("ADMIN_KEY", "bench-operator-key")
SKU = os.environ.get("SKU", "HOT")


def env_int(name, default):
    return int(os.environ.get(name, default))


def call(method, path, key, body=None, expect=(200,)):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(BASE + path, data=data, method=method)
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
        sys.exit(f"{method} {path}: HTTP {status} (expected {expect}): {payload.decode(errors='replace')}")
    return json.loads(payload) if payload else None


def live_stream(merchant_key, title, units, per_buyer):
    created = call("POST", "/api/v1/live-streams", merchant_key, {
        "title": title,
        "startsAt": "2026-01-01T00:00:00Z",
        "endsAt": "2036-01-01T00:00:00Z",
        "paymentWindowMinutes": 30,
        "offers": [{"sku": SKU, "price": 9.99, "quantity": units, "perBuyerLimit": per_buyer,
                    "allowBackorder": False}],
    }, expect=(201,))
    call("POST", f"/api/v1/live-streams/{created['id']}/start", merchant_key, {}, expect=(200,))
    return created["id"]


def setup():
    units, stock, per_buyer = env_int("UNITS", 5000), env_int("STOCK", 100000), env_int("PER_BUYER", 2)
    warmup_units = env_int("WARMUP_UNITS", 2000)
    merchant = call("POST", "/api/v1/admin/merchants", ADMIN_KEY, {"name": "Bench"}, expect=(201,))
    factory = call("POST", "/api/v1/admin/factories", ADMIN_KEY, {"name": "F"}, expect=(201,))
    warehouse = call("POST", "/api/v1/admin/warehouses", ADMIN_KEY, {"name": "W", "zone": "north"}, expect=(201,))
    # 404: a build from before warehouse-merchant links, where every warehouse serves every merchant
    call("PUT", f"/api/v1/admin/warehouses/{warehouse['id']}/merchants/{merchant['id']}", ADMIN_KEY, expect=(200, 404))
    call("POST", "/api/v1/products", merchant["apiKey"], {
        "sku": SKU, "name": "Hot", "factoryId": factory["id"], "batchSize": 100, "leadTimeHours": 24,
    }, expect=(201,))
    call("POST", "/api/v1/warehouse/receipts", warehouse["apiKey"], {
        "merchantId": merchant["id"], "sku": SKU, "quantity": stock,
    }, expect=(201,))
    sale = live_stream(merchant["apiKey"], "Bench", units, per_buyer)
    warmup = live_stream(merchant["apiKey"], "Bench warm-up", warmup_units, per_buyer) if warmup_units > 0 else ""
    print(f"MERCHANT_ID={merchant['id']}")
    print(f"MERCHANT_KEY={merchant['apiKey']}")
    print(f"LIVE_STREAM_ID={sale}")
    print(f"WARMUP_LIVE_STREAM_ID={warmup}")


def list_orders(merchant_key, stream_id):
    """Every order of the live stream, all pages."""
    orders, cursor = {}, None
    while True:
        query = {"liveStreamId": stream_id, "limit": 200}
        if cursor:
            query["cursor"] = cursor
        page = call("GET", "/api/v1/orders?" + urllib.parse.urlencode(query), merchant_key)
        for item in page["items"]:
            orders[item["id"]] = item
        cursor = page.get("nextCursor")
        if not cursor:
            return orders


def offer_of(merchant_key, stream_id):
    view = call("GET", f"/api/v1/live-streams/{stream_id}", merchant_key)
    return next(offer for offer in view["offers"] if offer["sku"] == SKU)


def fmt(value, digits=0):
    if value is None:
        return "n/a"
    return f"{value:,.{digits}f}"


def verify():
    merchant_key, stream_id = os.environ["MERCHANT_KEY"], os.environ["LIVE_STREAM_ID"]
    results = os.environ["RESULTS_DIR"]
    units, per_buyer = env_int("UNITS", 5000), env_int("PER_BUYER", 2)
    settle_seconds = env_int("SETTLE_SECONDS", 60)
    with open(os.path.join(results, "summary.json")) as f:
        summary = json.load(f)
    with open(os.path.join(results, "accepted-ids.txt")) as f:
        acknowledged = {line.strip() for line in f if line.strip()}

    # the read model is eventually consistent: poll until nothing changes any more (or everything acknowledged
    # is there and two reads agree), at most settle_seconds
    deadline = time.monotonic() + settle_seconds
    previous = None
    while True:
        orders = list_orders(merchant_key, stream_id)
        offer = offer_of(merchant_key, stream_id)
        state = (len(orders), offer["admitted"], offer["reserved"])
        if state == previous and (acknowledged <= orders.keys() or time.monotonic() > deadline - 10):
            break
        if time.monotonic() > deadline:
            break
        previous = state
        time.sleep(2)

    listed_units = sum(line["quantity"] for order in orders.values() for line in order["lines"]
                       if line["sku"] == SKU and order["status"] not in ("CANCELLED", "EXPIRED"))
    acknowledged_units = len(acknowledged)  # one unit a request
    oversold = max(0, offer["admitted"] - units, listed_units - units, acknowledged_units - units)
    missing = sorted(acknowledged - orders.keys())
    unacknowledged = sorted(orders.keys() - acknowledged)
    per_buyer_counts = Counter(order["buyerId"] for order in orders.values())
    over_limit = sum(1 for n in per_buyer_counts.values() if n > per_buyer)

    outcomes = summary["outcomes"]
    accepted = outcomes.get("accepted", {"count": 0})
    sold_out = outcomes.get("sold-out", {"count": 0})
    limit = outcomes.get("purchase-limit-exceeded", {"count": 0})
    others = {k: v["count"] for k, v in outcomes.items()
              if k not in ("accepted", "sold-out", "purchase-limit-exceeded")}

    def per_second(outcome):
        if not outcome.get("count"):
            return None
        span_ms = outcome["lastEndMs"] - outcome["firstIntendedMs"]
        return outcome["count"] * 1000.0 / max(span_ms, 1)

    def lat(outcome, key):
        latency = outcome.get("latencyMs")
        return None if not latency else latency[key]

    cpu = summary["cpu"]
    capacity = cpu["wallMs"] / 1000.0 * cpu["cores"]

    def cpu_cell(name):
        seconds = cpu.get(name + "Seconds")
        if seconds is None:
            return "n/a"
        return f"{seconds:,.1f} s ({100.0 * seconds / capacity:.0f}% of {cpu['cores']} cores)"

    def others_cell():
        parts = [cpu.get(name + "Seconds") for name in ("machine", "app", "postgres", "gatling", "interrupts")]
        if any(part is None for part in parts):
            return "n/a"
        seconds = max(0.0, parts[0] - sum(parts[1:]))
        return f"{seconds:,.1f} s ({100.0 * seconds / capacity:.0f}% of {cpu['cores']} cores: other processes)"

    def tcp_cell(name):
        value = summary.get("tcp", {}).get(name)
        return "n/a" if value is None else f"{value:,}"

    acc_rate, sold_rate = per_second(accepted), per_second(sold_out)
    answered = sum(v["count"] for k, v in outcomes.items() if k != "no-response")
    acc_p99, sold_p99 = lat(accepted, "p99"), lat(sold_out, "p99")
    rows = [
        ("offered load", f"{summary['rate']:,} orders/s for {summary['seconds']} s "
                         f"({summary['scheduled']:,} requests, {summary['buyers']:,} buyers, "
                         f"{units:,} units, {per_buyer} per buyer)"),
        ("run (first intended send -> last answer)", f"{summary['runMs'] / 1000.0:.2f} s"),
        ("answered (any HTTP status)", f"{answered:,}  = {fmt(answered * 1000.0 / max(summary['runMs'], 1))} /s "
                                       "over the run"),
        ("accepted (201)", f"{accepted['count']:,}  = {fmt(acc_rate)} /s "
                           "(first intended send -> last 201 answer)"),
        ("sold-out rejections (409)", f"{sold_out['count']:,}  = {fmt(sold_rate)} /s"),
        ("purchase-limit rejections (409)", f"{limit['count']:,}"),
        ("other outcomes", ", ".join(f"{k}: {v:,}" for k, v in sorted(others.items())) or "none"),
        ("latency accepted p50/p99/p99.9/max", "/".join(fmt(lat(accepted, k)) for k in
                                                        ("p50", "p99", "p999", "max")) + " ms"),
        ("latency sold-out p50/p99/p99.9/max", "/".join(fmt(lat(sold_out, k)) for k in
                                                        ("p50", "p99", "p999", "max")) + " ms"),
        ("generator lag p50/p99/max", "/".join(fmt(summary["generatorLagMs"][k]) for k in ("p50", "p99", "max"))
         + " ms (included in the latencies)" if summary.get("generatorLagMs") else "n/a"),
        ("CPU window", f"{cpu['wallMs'] / 1000.0:.1f} s"),
        ("CPU app JVM", cpu_cell("app")),
        ("CPU PostgreSQL", cpu_cell("postgres")),
        ("CPU Gatling JVM", cpu_cell("gatling")),
        ("CPU whole machine (busy)", cpu_cell("machine")),
        ("CPU kernel interrupts (irq+softirq)", cpu_cell("interrupts")),
        ("CPU anything else (machine - above)", others_cell()),
        ("TCP connections opened (machine)", tcp_cell("ActiveOpens")),
        ("SYNs dropped, accept queue full", tcp_cell("ListenOverflows") + " (machine-wide; > 0: the app's accept "
                                                                       "queue overflowed, clients retry in 1, 3, 7 s)"),
        ("live stream (read model)", f"admitted {offer['admitted']:,}, reserved {offer['reserved']:,}, "
                                     f"remaining {offer['remaining']:,} of {offer['quantity']:,}"),
        ("orders listed (read model)", f"{len(orders):,} ({listed_units:,} units; "
                                       f"{len(unacknowledged):,} without a 201 seen by the client)"),
        ("buyers over the per-buyer limit", f"{over_limit:,}"),
        ("OVERSOLD", f"{oversold:,}  (must be 0)"),
        ("MISSING acknowledged orders", f"{len(missing):,}  (must be 0)"),
    ]
    width = max(len(name) for name, _ in rows)
    lines = ["", "flash-sale benchmark: " + summary["baseUrl"], "-" * (width + 60)]
    lines += [f"{name.ljust(width)}  {value}" for name, value in rows]
    lines.append("-" * (width + 60))
    targets = [
        ("accepted >= 2,000 orders/s", acc_rate is not None and acc_rate >= 2000),
        ("accepted p99 <= 200 ms", acc_p99 is not None and acc_p99 <= 200),
        ("sold-out p99 <= 20 ms", sold_p99 is not None and sold_p99 <= 20),
    ]
    lines += [f"target {name.ljust(width - 7)}  {'met' if ok else 'NOT met'}" for name, ok in targets]
    correct = oversold == 0 and not missing and over_limit == 0
    lines.append(f"{'correctness'.ljust(width)}  {'ok' if correct else 'FAILED'}")
    if missing:
        lines.append("missing ids (first 10): " + ", ".join(missing[:10]))
    text = "\n".join(lines) + "\n"
    print(text)
    with open(os.path.join(results, "summary.txt"), "w") as f:
        f.write(text)
    with open(os.path.join(results, "verification.json"), "w") as f:
        json.dump({"oversold": oversold, "missing": missing, "unacknowledged": unacknowledged,
                   "buyersOverLimit": over_limit, "offer": offer, "listedOrders": len(orders),
                   "listedUnits": listed_units, "acknowledged": len(acknowledged)}, f, indent=2)
    return 0 if correct else 1


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "setup":
        setup()
    elif command == "verify":
        sys.exit(verify())
    else:
        sys.exit("usage: flashsale.py setup|verify")
