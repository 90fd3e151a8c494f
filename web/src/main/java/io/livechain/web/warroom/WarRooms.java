package io.livechain.web.warroom;

import io.livechain.access.Caller;
import io.livechain.order.query.CountStreamOrders;
import io.livechain.order.query.StreamOrderCounts;
import io.livechain.participant.ParticipantId;
import io.livechain.production.BatchStatus;
import io.livechain.production.query.ListProductionRequests;
import io.livechain.production.query.ProductionRequestView;
import io.livechain.sales.query.FindLiveStream;
import io.livechain.sales.query.FindSellOuts;
import io.livechain.sales.query.LiveStreamView;
import io.livechain.sales.query.SellOuts;
import io.livechain.shared.LiveStreamId;
import io.livechain.web.stream.EventStreams;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The war rooms being watched, one per live stream. Once a {@linkplain WarRoomProperties#refresh() refresh} (a
 * second), one thread samples each watched stream's order intake, computes its figures from the read models, the
 * stream's own events and the intake's answer times, and pushes them to every viewer: one computation per stream
 * per second, however many people watch, and none on the order path. A viewer too slow to take a second's figures
 * skips to the next second's.
 *
 * <p>A stream is watched from the first time its merchant asks for its figures until no viewer has been left for
 * {@linkplain WarRoomProperties#idle() a while}. Another merchant's stream is answered as unknown, without computing
 * anything.
 */
public class WarRooms implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WarRooms.class);
    private static final Set<String> OPEN_BATCH = Set.of(
            BatchStatus.REQUESTED.name(),
            BatchStatus.ACCEPTED.name(),
            BatchStatus.STARTED.name(),
            BatchStatus.COMPLETED.name(),
            BatchStatus.SHIPPED.name());

    private final QueryGateway queries;
    private final IntakeWatch intake;
    private final EventStreams streams;
    private final JsonMapper json;
    private final Clock clock;
    private final WarRoomProperties settings;
    private final Map<UUID, Room> rooms = new ConcurrentHashMap<>();
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    private @Nullable ScheduledExecutorService ticker;

    WarRooms(
            QueryGateway queries,
            IntakeWatch intake,
            EventStreams streams,
            JsonMapper json,
            Clock clock,
            WarRoomProperties settings) {
        this.queries = queries;
        this.intake = intake;
        this.streams = streams;
        this.json = json;
        this.clock = clock;
        this.settings = settings;
    }

    /** A merchant's stream's figures, at most a refresh old; empty for an unknown stream or another merchant's. */
    Optional<WarRoomView> figures(ParticipantId merchant, LiveStreamId stream) {
        return enter(merchant, stream, null).map(Room::view);
    }

    /**
     * Follows a merchant's stream: its current figures at once, then each refresh's, as {@code figures} events; with
     * {@code once}, only the current ones. Empty for an unknown stream or another merchant's.
     *
     * @throws io.livechain.web.stream.TooManyStreams when the caller's key holds as many streams open as it may
     */
    Optional<SseEmitter> follow(Caller caller, LiveStreamId stream, boolean once) {
        ParticipantId merchant = new ParticipantId(caller.participantId());
        Optional<Room> found = enter(merchant, stream, null);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Viewer viewer = new Viewer();
        SseEmitter emitter = streams.open(caller, () -> leave(stream.value(), viewer));
        viewer.emitter = emitter;
        EventStreams.send(emitter, figures(found.get().json));
        if (once) {
            emitter.complete();
            return Optional.of(emitter);
        }
        enter(merchant, stream, viewer);
        return Optional.of(emitter);
    }

    /** The room of a merchant's stream, made (and its first figures computed) if nobody watched it yet. */
    private Optional<Room> enter(ParticipantId merchant, LiveStreamId stream, @Nullable Viewer viewer) {
        UUID id = stream.value();
        while (true) {
            Room known = rooms.get(id);
            WarRoomView first = null;
            if (known == null) {
                Instant now = clock.instant();
                Optional<WarRoomView> computed = compute(merchant, stream, now, List.of());
                if (computed.isEmpty()) {
                    return Optional.empty();
                }
                first = computed.get();
            } else if (!known.merchantId.equals(merchant.value())) {
                return Optional.empty();
            }
            WarRoomView initial = first;
            Room room = rooms.compute(id, (key, existing) -> {
                if (existing == null && initial == null) {
                    return null; // left idle just now: look again
                }
                Room entered = existing != null
                        ? existing
                        : new Room(
                                merchant.value(),
                                intake.watch(merchant.value(), key, initial.computedAt()),
                                initial,
                                json.writeValueAsString(initial));
                if (entered.merchantId.equals(merchant.value())) {
                    entered.lastWanted = clock.instant();
                    if (viewer != null) {
                        entered.viewers.add(viewer);
                    }
                }
                return entered;
            });
            if (room != null) {
                return room.merchantId.equals(merchant.value()) ? Optional.of(room) : Optional.empty();
            }
        }
    }

    private void leave(UUID stream, Viewer viewer) {
        Room room = rooms.get(stream);
        if (room != null && room.viewers.remove(viewer)) {
            room.lastWanted = clock.instant();
        }
    }

    /** Once a refresh: every watched stream is sampled, computed and pushed, or let go when nobody watches it. */
    private void tick() {
        Instant now = clock.instant();
        for (Map.Entry<UUID, Room> entry : rooms.entrySet()) {
            UUID id = entry.getKey();
            Room room = entry.getValue();
            try {
                room.sample(now, settings.samples());
                Room kept = rooms.computeIfPresent(id, (key, r) -> {
                    boolean idle = r.viewers.isEmpty()
                            && r.lastWanted.plus(settings.idle()).isBefore(now);
                    if (idle) {
                        intake.unwatch(key);
                        return null;
                    }
                    return r;
                });
                if (kept != null) {
                    refresh(new LiveStreamId(id), kept, now);
                }
            } catch (RuntimeException e) {
                log.error("The war room of live stream {} could not be refreshed", id, e);
            }
        }
    }

    private void refresh(LiveStreamId stream, Room room, Instant now) {
        try {
            Optional<WarRoomView> view = compute(new ParticipantId(room.merchantId), stream, now, room.seconds());
            if (view.isPresent()) {
                room.view = view.get();
                room.json = json.writeValueAsString(view.get());
                room.viewers.forEach(viewer -> push(viewer, () -> figures(room.json)));
                room.lastPushed = now;
                return;
            }
        } catch (RuntimeException e) {
            // the database away for a moment (ADR 0006): the viewers keep the last figures, with their computedAt
            log.debug("The figures of live stream {} could not be computed: {}", stream, e.toString());
        }
        if (Duration.between(room.lastPushed, now).compareTo(streams.settings().heartbeat()) >= 0) {
            room.viewers.forEach(viewer -> push(viewer, () -> SseEmitter.event().comment("waiting for figures")));
            room.lastPushed = now;
        }
    }

    /** Sends on a thread of its own, so that one slow viewer holds up nobody; one still sending skips this one. */
    private void push(Viewer viewer, java.util.function.Supplier<SseEmitter.SseEventBuilder> event) {
        if (!viewer.sending.compareAndSet(false, true)) {
            return;
        }
        senders.execute(() -> {
            try {
                EventStreams.send(viewer.emitter, event.get());
            } finally {
                viewer.sending.set(false);
            }
        });
    }

    private static SseEmitter.SseEventBuilder figures(String json) {
        return SseEmitter.event().name("figures").data(json);
    }

    /** The figures now, from the read models and the stream's events; empty for an unknown stream or another's. */
    private Optional<WarRoomView> compute(
            ParticipantId merchant, LiveStreamId stream, Instant now, List<WarRoomView.Second> seconds) {
        Optional<LiveStreamView> found = queries.query(
                        new FindLiveStream(stream, merchant), ResponseTypes.optionalInstanceOf(LiveStreamView.class))
                .join();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        LiveStreamView live = found.get();
        SellOuts sellOuts = queries.query(
                        new FindSellOuts(stream, merchant), ResponseTypes.optionalInstanceOf(SellOuts.class))
                .join()
                .orElseGet(() -> new SellOuts(List.of()));
        StreamOrderCounts orders = queries.query(
                        new CountStreamOrders(stream, merchant), ResponseTypes.instanceOf(StreamOrderCounts.class))
                .join();
        List<LiveStreamView.OfferView> waiting = live.offers().stream()
                .filter(offer -> offer.allowBackorder() || offer.backordered() > 0)
                .toList();
        List<ProductionRequestView> batches = waiting.isEmpty()
                ? List.of()
                : queries.query(
                                new ListProductionRequests(null, merchant, null),
                                ResponseTypes.multipleInstancesOf(ProductionRequestView.class))
                        .join();
        Room room = rooms.get(stream.value());
        Instant since = room == null ? now : room.meter.since();
        return Optional.of(new WarRoomView(
                live.id(),
                live.title(),
                live.status(),
                live.startsAt(),
                live.endsAt(),
                now,
                live.offers().stream()
                        .map(offer -> new WarRoomView.Offer(
                                offer.sku(),
                                offer.quantity(),
                                offer.allowBackorder(),
                                offer.admitted(),
                                offer.reserved(),
                                offer.backordered(),
                                offer.remaining(),
                                sellOuts.soldOutAt(offer.sku()).orElse(null)))
                        .toList(),
                orders,
                waiting.stream()
                        .map(offer -> new WarRoomView.Backorders(
                                offer.sku(), offer.backordered(), openBatches(batches, offer.sku())))
                        .toList(),
                new WarRoomView.Intake(since, seconds)));
    }

    private static List<WarRoomView.Batch> openBatches(List<ProductionRequestView> batches, String sku) {
        return batches.stream()
                .filter(batch -> batch.sku().equals(sku) && OPEN_BATCH.contains(batch.status()))
                .sorted(Comparator.comparing(ProductionRequestView::requestedAt))
                .map(batch -> new WarRoomView.Batch(
                        batch.id(),
                        batch.status(),
                        batch.quantity(),
                        batch.committedQuantity(),
                        batch.expectedCompletionAt(),
                        batch.shippedQuantity(),
                        batch.requestedAt()))
                .toList();
    }

    // ---- lifecycle ------------------------------------------------------------------------------------------------

    @Override
    public synchronized void start() {
        if (ticker != null) {
            return;
        }
        ticker = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("war-rooms").daemon().factory());
        long every = settings.refresh().toMillis();
        ticker.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (ticker == null) {
            return;
        }
        ticker.shutdownNow();
        ticker = null;
        // the viewers' streams end now, instead of when the server goes away under them
        rooms.values().forEach(room -> room.viewers.forEach(viewer -> viewer.emitter.complete()));
        rooms.clear();
    }

    @Override
    public synchronized boolean isRunning() {
        return ticker != null;
    }

    // ---- the rooms -------------------------------------------------------------------------------------------------

    /** One watched stream: its last figures, its intake's recent seconds, and its viewers. */
    private static final class Room {

        final UUID merchantId;
        final IntakeWatch.Meter meter;
        final Set<Viewer> viewers = ConcurrentHashMap.newKeySet();
        private final ArrayDeque<WarRoomView.Second> seconds = new ArrayDeque<>();
        volatile WarRoomView view;
        volatile String json;
        volatile Instant lastWanted;
        volatile Instant lastPushed;
        private Instant lastSample;

        Room(UUID merchantId, IntakeWatch.Meter meter, WarRoomView first, String json) {
            this.merchantId = merchantId;
            this.meter = meter;
            this.view = first;
            this.json = json;
            this.lastWanted = first.computedAt();
            this.lastPushed = first.computedAt();
            this.lastSample = first.computedAt();
        }

        WarRoomView view() {
            return view;
        }

        /** Takes the intake's answers since the last sample; called by the ticker only. */
        synchronized void sample(Instant now, int keep) {
            double elapsed = Math.max(1, Duration.between(lastSample, now).toMillis()) / 1000.0;
            seconds.addLast(meter.sample(now, elapsed));
            lastSample = now;
            while (seconds.size() > keep) {
                seconds.removeFirst();
            }
        }

        synchronized List<WarRoomView.Second> seconds() {
            return List.copyOf(seconds);
        }
    }

    /** One open stream of a viewer. */
    private static final class Viewer {

        volatile SseEmitter emitter;
        final AtomicBoolean sending = new AtomicBoolean();
    }
}
