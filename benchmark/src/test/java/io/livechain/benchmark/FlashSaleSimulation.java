package io.livechain.benchmark;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * A flash sale on one SKU: an open workload of {@code rate} order requests per second for {@code seconds} seconds,
 * each virtual user one buyer request ({@code POST /api/v1/orders}, one unit), the buyer drawn uniformly from
 * {@code buyers} buyers, so that each buyer sends {@code rate * seconds / buyers} requests on average.
 *
 * <p>Open model: users are injected on Gatling's schedule whatever the server does, so a slow server cannot slow
 * the load down (no coordinated omission); every user has its own request and the connections are shared (an idle
 * one is reused, else a new one opened), so no request waits for another's answer. Latency is measured from each
 * request's <em>intended</em> send time, recomputed here from the injection profile (the same millisecond schedule
 * Gatling's injector uses), to the moment the user has the answer: any delay of the load generator itself (a late
 * start on a starved machine, a busy event loop) counts as latency instead of hiding it. Gatling's own response
 * time (from the moment its HTTP client took the request) and the generator's lag are written as well.
 *
 * <p>Warm-up: with {@code warmupLiveStreamId}, the same requests first go to that (separate) live stream at {@code
 * warmupRate} per second for {@code warmupSeconds}, then nothing for {@code warmupPause} seconds (the app's
 * asynchronous projections catch up), then the measured sale starts: the app's JIT and this Gatling JVM's JIT are
 * both warm, and only the measured sale is recorded. The CPU window opens one second before the measured sale
 * starts and closes when its last user is done.
 *
 * <p>Outputs (in {@code resultsDir}): {@code responses.csv} (one line a request), {@code accepted-ids.txt} (the
 * order ids acknowledged with 201) and {@code summary.json} (counts, rates, per-outcome percentiles, CPU seconds of
 * the app, PostgreSQL and this Gatling JVM over the run).
 *
 * <p>System properties: {@code baseUrl} (http://localhost:8080), {@code merchantKey}, {@code liveStreamId},
 * {@code sku} (HOT), {@code buyers} (20000), {@code rate} (2500 orders/s), {@code seconds} (10), {@code perBuyer}
 * (2, the offer's per-buyer limit, only reported), {@code warmupLiveStreamId} (none: no warm-up), {@code
 * warmupRate} (1000), {@code warmupSeconds} (10), {@code warmupPause} (10), {@code resultsDir} (target/flash-sale),
 * {@code appPid} and {@code pgPid} (the app JVM and the PostgreSQL postmaster, optional: for the CPU figures), {@code clkTck} (100).
 */
public class FlashSaleSimulation extends Simulation {

    private static final String BASE_URL = System.getProperty("baseUrl", "http://localhost:8080");
    private static final String MERCHANT_KEY = required("merchantKey");
    private static final String LIVE_STREAM_ID = required("liveStreamId");
    private static final String SKU = System.getProperty("sku", "HOT");
    private static final int BUYERS = Integer.getInteger("buyers", 20_000);
    private static final int RATE = Integer.getInteger("rate", 2_500);
    private static final int SECONDS = Integer.getInteger("seconds", 10);
    private static final int PER_BUYER = Integer.getInteger("perBuyer", 2);
    private static final String WARMUP_LIVE_STREAM_ID = System.getProperty("warmupLiveStreamId", "");
    private static final int WARMUP_RATE = Integer.getInteger("warmupRate", 1_000);
    private static final int WARMUP_SECONDS = Integer.getInteger("warmupSeconds", 10);
    private static final int WARMUP_PAUSE = Math.max(2, Integer.getInteger("warmupPause", 10));
    private static final Path RESULTS = Path.of(System.getProperty("resultsDir", "target/flash-sale"));
    private static final long APP_PID = Long.getLong("appPid", -1);
    private static final long PG_PID = Long.getLong("pgPid", -1);
    private static final int CLK_TCK = Integer.getInteger("clkTck", 100);

    /** One answered (or failed) request. */
    private record Result(
            long userId,
            int buyer,
            long sentAtMs,
            long endAtMs,
            int gatlingMs,
            int status,
            String problem,
            String id) {}

    private static final Queue<Result> RESULTS_QUEUE = new ConcurrentLinkedQueue<>();

    private static long[] cpuBefore;
    private static Map<String, Long> netBefore;
    private static long wallBeforeMs;

    private final HttpProtocolBuilder protocol = http.baseUrl(BASE_URL)
            // one pool for all virtual users (a new connection only when all are busy), as a fleet of app servers
            // or a gateway would hold; without it each of the thousands of one-request users opens its own
            .shareConnections()
            .disableWarmUp()
            .disableCaching()
            .acceptHeader("application/json")
            .contentTypeHeader("application/json")
            .header("Authorization", "Bearer " + MERCHANT_KEY);

    private final ScenarioBuilder sale = scenario("flash sale")
            .exec(placeOrder("place order", LIVE_STREAM_ID))
            .exec(FlashSaleSimulation::record);

    {
        boolean warmUp = !WARMUP_LIVE_STREAM_ID.isBlank();
        int pause = warmUp ? WARMUP_PAUSE : 2;
        List<PopulationBuilder> measured = List.of(
                scenario("cpu window opens")
                        .exec(session -> {
                            openCpuWindow();
                            return session;
                        })
                        .injectOpen(nothingFor(Duration.ofSeconds(pause - 1)), atOnceUsers(1)),
                sale.injectOpen(
                        nothingFor(Duration.ofSeconds(pause)),
                        constantUsersPerSec(RATE).during(SECONDS)));
        if (warmUp) {
            setUp(scenario("warm-up")
                            .exec(placeOrder("warm-up order", WARMUP_LIVE_STREAM_ID))
                            .injectOpen(constantUsersPerSec(WARMUP_RATE).during(WARMUP_SECONDS))
                            .andThen(measured))
                    .protocols(protocol);
        } else {
            setUp(measured).protocols(protocol);
        }
    }

    /** One buyer's order request: one unit of the SKU, a random buyer, a fresh Idempotency-Key. */
    private static ChainBuilder placeOrder(String requestName, String liveStreamId) {
        return exec(session -> session.set("buyer", ThreadLocalRandom.current().nextInt(BUYERS))
                        .set("key", UUID.randomUUID().toString())
                        .set("sentAt", System.currentTimeMillis()))
                .exec(http(requestName)
                        .post("/api/v1/orders")
                        .header("Idempotency-Key", "#{key}")
                        .body(StringBody(session -> """
                                {"liveStreamId":"%s","buyerId":"buyer-%d","lines":[{"sku":"%s","quantity":1}],\
                                "shippingAddress":{"zone":"north","line1":"1 Main St","city":"Springfield",\
                                "recipient":"Buyer"}}""".formatted(liveStreamId, session.getInt("buyer"), SKU)))
                        .check(
                                // every check runs even when an earlier one fails: the saves come first
                                status().saveAs("status"),
                                responseTimeInMillis().saveAs("gatlingMs"),
                                regex("\"id\":\"([0-9a-f-]{36})\"").optional().saveAs("orderId"),
                                regex("\"type\":\"https://livechain\\.io/problems/([a-z0-9-]+)\"")
                                        .optional()
                                        .saveAs("problem"),
                                status().in(201, 409)));
    }

    private static Session record(Session session) {
        long end = System.currentTimeMillis();
        Integer status = session.getIntegerWrapper("status");
        Integer gatlingMs = session.getIntegerWrapper("gatlingMs");
        RESULTS_QUEUE.add(new Result(
                session.userId(),
                session.getInt("buyer"),
                session.getLong("sentAt"),
                end,
                gatlingMs == null ? -1 : gatlingMs,
                status == null ? 0 : status,
                session.getString("problem"),
                session.getString("orderId")));
        return session;
    }

    private static synchronized void openCpuWindow() {
        wallBeforeMs = System.currentTimeMillis();
        cpuBefore = cpuTicks();
        netBefore = netCounters();
    }

    @Override
    public void after() {
        long[] cpuAfter = cpuTicks();
        Map<String, Long> netAfter = netCounters();
        if (cpuBefore == null) {
            openCpuWindow(); // never opened (the run was cut short)
        }
        long wallMs = System.currentTimeMillis() - wallBeforeMs;
        try {
            report(cpuAfter, netAfter, wallMs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    private void report(long[] cpuAfter, Map<String, Long> netAfter, long wallMs) throws IOException {
        Files.createDirectories(RESULTS);
        List<Result> results = new ArrayList<>(RESULTS_QUEUE);
        results.sort(Comparator.comparingLong(Result::userId));
        long[] offsets = intendedOffsetsMs(RATE, SECONDS);
        // user ids count on from the warm-up's and the marker's users: the sale's users are the last, in order
        long firstUser = results.isEmpty() ? 1 : results.getFirst().userId();

        // The injector's start instant is not exposed; a user never starts before its intended time, so the
        // earliest (sentAt - intended offset) over all users is the start instant (to within the least lag).
        long start = Long.MAX_VALUE;
        for (Result r : results) {
            start = Math.min(start, r.sentAtMs() - offset(offsets, r.userId() - firstUser));
        }

        Map<String, List<int[]>> byOutcome = new LinkedHashMap<>(); // outcome -> [fromIntended, gatling, lag]
        Map<String, long[]> window = new HashMap<>(); // outcome -> [first intended send, last end]
        Map<Integer, Integer> acceptedPerBuyer = new HashMap<>();
        List<String> acceptedIds = new ArrayList<>();
        int[] lags = new int[results.size()];
        long lastEnd = 0;
        Path csv = RESULTS.resolve("responses.csv");
        try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write(
                    "user_id,buyer,intended_ms,sent_ms,end_ms,status,outcome,lag_ms,gatling_ms,latency_ms,order_id\n");
            int i = 0;
            for (Result r : results) {
                long intended = start + offset(offsets, r.userId() - firstUser);
                int lag = (int) (r.sentAtMs() - intended);
                // from the intended send to the moment the user had the answer: the generator's own delays (late
                // start, waiting for a socket, a busy event loop) count, whatever Gatling's timer started on
                int latency = (int) (r.endAtMs() - intended);
                String outcome = outcome(r);
                lags[i++] = lag;
                lastEnd = Math.max(lastEnd, r.endAtMs());
                byOutcome.computeIfAbsent(outcome, k -> new ArrayList<>()).add(new int[] {latency, r.gatlingMs(), lag});
                window.merge(outcome, new long[] {intended, r.endAtMs()}, (a, b) ->
                        new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
                if (r.status() == 201 && r.id() != null) {
                    acceptedIds.add(r.id());
                    acceptedPerBuyer.merge(r.buyer(), 1, Integer::sum);
                }
                out.write("%d,%d,%d,%d,%d,%d,%s,%d,%d,%d,%s\n"
                        .formatted(
                                r.userId(),
                                r.buyer(),
                                intended,
                                r.sentAtMs(),
                                r.endAtMs(),
                                r.status(),
                                outcome,
                                lag,
                                r.gatlingMs(),
                                latency,
                                r.id() == null ? "" : r.id()));
            }
        }
        Files.write(RESULTS.resolve("accepted-ids.txt"), acceptedIds, StandardCharsets.UTF_8);

        StringBuilder json = new StringBuilder("{\n");
        field(json, "baseUrl", quote(BASE_URL));
        field(json, "liveStreamId", quote(LIVE_STREAM_ID));
        field(json, "sku", quote(SKU));
        field(json, "rate", RATE);
        field(json, "seconds", SECONDS);
        field(json, "buyers", BUYERS);
        field(json, "perBuyer", PER_BUYER);
        field(json, "scheduled", offsets.length);
        field(json, "recorded", results.size());
        field(json, "runMs", lastEnd - start);
        field(
                json,
                "acceptedIdsWithoutBody",
                results.stream()
                        .filter(r -> r.status() == 201 && r.id() == null)
                        .count());
        field(
                json,
                "buyersOverLimit",
                acceptedPerBuyer.values().stream().filter(n -> n > PER_BUYER).count());
        int[] sortedLags = lags.clone();
        Arrays.sort(sortedLags);
        json.append("  \"generatorLagMs\": ").append(percentiles(sortedLags)).append(",\n");
        json.append("  \"outcomes\": {\n");
        List<String> names = new ArrayList<>(byOutcome.keySet());
        names.sort(Comparator.naturalOrder());
        for (int n = 0; n < names.size(); n++) {
            String name = names.get(n);
            List<int[]> rows = byOutcome.get(name);
            int[] fromIntended = rows.stream().mapToInt(a -> a[0]).sorted().toArray();
            int[] gatling = rows.stream()
                    .mapToInt(a -> a[1])
                    .filter(v -> v >= 0)
                    .sorted()
                    .toArray();
            long[] w = window.get(name);
            json.append("    ").append(quote(name)).append(": {\"count\": ").append(rows.size());
            json.append(", \"firstIntendedMs\": ").append(w[0] - start);
            json.append(", \"lastEndMs\": ").append(w[1] - start);
            json.append(", \"latencyMs\": ").append(percentiles(fromIntended));
            json.append(", \"gatlingResponseTimeMs\": ").append(percentiles(gatling));
            json.append("}").append(n < names.size() - 1 ? ",\n" : "\n");
        }
        json.append("  },\n");
        json.append("  \"cpu\": {\"wallMs\": ").append(wallMs);
        json.append(", \"cores\": ").append(Runtime.getRuntime().availableProcessors());
        String[] who = {"app", "postgres", "gatling", "machine", "interrupts"};
        for (int k = 0; k < who.length; k++) {
            boolean known = cpuBefore[k] >= 0 && cpuAfter[k] >= 0;
            json.append(", \"")
                    .append(who[k])
                    .append("Seconds\": ")
                    .append(
                            known
                                    ? String.format(
                                            Locale.ROOT, "%.2f", (cpuAfter[k] - cpuBefore[k]) / (double) CLK_TCK)
                                    : "null");
        }
        json.append("},\n");
        // machine-wide TCP counters over the same window (this machine's other users count too)
        json.append("  \"tcp\": {");
        int t = 0;
        for (String counter : NET_COUNTERS) {
            Long before = netBefore.get(counter);
            Long after = netAfter.get(counter);
            json.append(t++ == 0 ? "" : ", ")
                    .append(quote(counter))
                    .append(": ")
                    .append(before == null || after == null ? "null" : Long.toString(after - before));
        }
        json.append("}\n}\n");
        Files.writeString(RESULTS.resolve("summary.json"), json.toString());
    }

    /** accepted: a 201; otherwise the problem type of the answer, or the bare status, or "no-response". */
    private static String outcome(Result r) {
        if (r.status() == 201) {
            return "accepted";
        }
        if (r.status() == 0) {
            return "no-response";
        }
        return r.problem() != null ? r.problem() : "http-" + r.status();
    }

    /**
     * The offset (ms from the start) at which Gatling intends to start each user of {@code
     * constantUsersPerSec(rate).during(seconds)}: users are spread over each second's 1000 milliseconds exactly as
     * {@code io.gatling.core.util.Shard} does (cumulative ceil(total / buckets * (i + 1)), the last bucket exact).
     * Users get their ids in injection order.
     */
    static long[] intendedOffsetsMs(int rate, int seconds) {
        long users = Math.round((double) seconds * rate);
        long[] offsets = new long[(int) users];
        int u = 0;
        for (int s = 0; s < seconds; s++) {
            long thisSecond = sumFromZero(users, seconds, s) - sumFromZero(users, seconds, s - 1);
            long previous = 0;
            for (int ms = 0; ms < 1000; ms++) {
                long cumulative = sumFromZero(thisSecond, 1000, ms);
                for (long k = previous; k < cumulative; k++) {
                    offsets[u++] = s * 1000L + ms;
                }
                previous = cumulative;
            }
        }
        return offsets;
    }

    private static long sumFromZero(long total, int buckets, int bucket) {
        if (bucket == -1) {
            return 0;
        }
        if (bucket == buckets - 1) {
            return total;
        }
        return (long) Math.ceil((double) total / buckets * (bucket + 1));
    }

    private static long offset(long[] offsets, long index) {
        return index < offsets.length ? offsets[(int) index] : offsets[offsets.length - 1];
    }

    private static String percentiles(int[] sorted) {
        if (sorted.length == 0) {
            return "null";
        }
        return String.format(
                Locale.ROOT,
                "{\"p50\": %d, \"p90\": %d, \"p99\": %d, \"p999\": %d, \"max\": %d, \"mean\": %.1f}",
                rank(sorted, 0.50),
                rank(sorted, 0.90),
                rank(sorted, 0.99),
                rank(sorted, 0.999),
                sorted[sorted.length - 1],
                Arrays.stream(sorted).average().orElse(0));
    }

    /** Nearest-rank percentile. */
    private static int rank(int[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static void field(StringBuilder json, String name, Object value) {
        json.append("  ").append(quote(name)).append(": ").append(value).append(",\n");
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    // CPU: utime + stime from /proc/<pid>/stat, in clock ticks ------------------------------------------------------

    /** [app, postgres, this JVM, the whole machine (busy), its interrupt work]; -1 where unknown. */
    private static long[] cpuTicks() {
        return new long[] {
            APP_PID > 0 ? processTicks(APP_PID, false) : -1,
            PG_PID > 0 ? postgresTicks(PG_PID) : -1,
            processTicks(ProcessHandle.current().pid(), false),
            machineTicks(false),
            machineTicks(true)
        };
    }

    private static final List<String> NET_COUNTERS =
            List.of("ActiveOpens", "ListenOverflows", "ListenDrops", "SyncookiesSent", "RetransSegs");

    /**
     * TCP counters from /proc/net/snmp and /proc/net/netstat: connections opened, SYNs dropped because a listen
     * (accept) queue was full, SYN cookies sent, segments retransmitted.
     */
    private static Map<String, Long> netCounters() {
        Map<String, Long> counters = new HashMap<>();
        for (String file : List.of("/proc/net/snmp", "/proc/net/netstat")) {
            try {
                List<String> lines = Files.readAllLines(Path.of(file));
                for (int i = 0; i + 1 < lines.size(); i++) {
                    String[] names = lines.get(i).split("\\s+");
                    String[] values = lines.get(i + 1).split("\\s+");
                    if (names[0].equals(values[0]) && names.length == values.length && !names[1].matches("-?\\d+")) {
                        for (int k = 1; k < names.length; k++) {
                            if (NET_COUNTERS.contains(names[k])) {
                                counters.put(names[k], Long.parseLong(values[k]));
                            }
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                // no /proc: no counters
            }
        }
        return counters;
    }

    /**
     * All CPUs' busy time from /proc/stat: user, nice, system, irq, softirq, steal (not idle, not iowait); or only
     * irq + softirq (the kernel's interrupt work, packets included, which no process is charged with).
     */
    private static long machineTicks(boolean interruptsOnly) {
        try {
            String[] f =
                    Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            // cpu user nice system idle iowait irq softirq steal ...
            long interrupts = Long.parseLong(f[6]) + Long.parseLong(f[7]);
            return interruptsOnly
                    ? interrupts
                    : Long.parseLong(f[1])
                            + Long.parseLong(f[2])
                            + Long.parseLong(f[3])
                            + interrupts
                            + Long.parseLong(f[8]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * The postmaster with its reaped children (cutime + cstime: backends that ended) and its live children (the
     * backends, checkpointer, WAL writer, ...).
     */
    private static long postgresTicks(long postmaster) {
        long total = processTicks(postmaster, true);
        if (total < 0) {
            return -1;
        }
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.toList()) {
                String name = proc.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                String[] f = statFields(Long.parseLong(name));
                if (f != null && Long.parseLong(f[1]) == postmaster) {
                    total += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return total;
    }

    private static long processTicks(long pid, boolean withReapedChildren) {
        String[] f = statFields(pid);
        if (f == null) {
            return -1;
        }
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        if (withReapedChildren) {
            ticks += Long.parseLong(f[13]) + Long.parseLong(f[14]);
        }
        return ticks;
    }

    /** The fields of /proc/pid/stat after "(comm)": [0] state, [1] ppid, ... [11] utime, [12] stime, [13..14] c*. */
    private static String[] statFields(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null; // gone, or no /proc
        }
    }

    private static String required(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("system property " + name + " is required (-D" + name + "=...)");
        }
        return value;
    }
}
