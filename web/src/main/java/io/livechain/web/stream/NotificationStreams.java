package io.livechain.web.stream;

import io.livechain.access.Caller;
import io.livechain.notification.FeedCursor;
import io.livechain.notification.FeedEntry;
import io.livechain.notification.FeedPage;
import io.livechain.notification.Notification;
import io.livechain.notification.NotificationFeed;
import io.livechain.notification.Recipient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every participant's event stream of its notifications, fed by one reader: a single thread reads the notification
 * feed once for all subscribers ({@link NotificationFeed#readAll}, a few times a second and only while someone
 * listens), and hands each notification to the subscribers in its audience. No subscriber polls the database.
 *
 * <p>A subscriber that comes back with {@code Last-Event-ID} first joins the live stream (holding what arrives), then
 * reads what it missed from the event store on its own, from the cursor that id carries, and then sends what it held
 * that it has not just sent: nothing is lost between the two, and nothing is sent twice. Each subscriber sends on a
 * thread of its own, so a slow one holds up nobody; one that falls too far behind is ended, and resumes with its
 * {@code Last-Event-ID}.
 */
public class NotificationStreams implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NotificationStreams.class);
    /** Events read per page of the feed. */
    private static final int PAGE = 500;
    /** Notifications waiting to be sent to one subscriber before it is ended as too slow. */
    private static final int BACKLOG = 10_000;

    private final NotificationFeed feed;
    private final EventStreams streams;
    private final JsonMapper json;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final Object reading = new Object();
    private @Nullable FeedCursor cursor;
    private @Nullable ScheduledExecutorService reader;

    public NotificationStreams(NotificationFeed feed, EventStreams streams, JsonMapper json) {
        this.feed = feed;
        this.streams = streams;
        this.json = json;
    }

    /** Where a stream resumes: after the event this {@code Last-Event-ID} names (400 naming it, if it names none). */
    public static EventId resumeAfter(String lastEventId) {
        return EventId.parse(lastEventId);
    }

    /**
     * A participant's stream of its notifications of the given types (all when empty): from now on, or after the
     * event {@code resume} names; with {@code once}, only what is stored up to now, and then the stream ends.
     *
     * @throws TooManyStreams when the caller's key holds as many streams open as it may
     */
    public SseEmitter subscribe(Caller caller, Set<String> types, @Nullable EventId resume, boolean once) {
        Recipient recipient = feed.recipient(caller.participantId());
        Subscriber subscriber = new Subscriber(recipient, types, resume);
        SseEmitter emitter = streams.open(caller, () -> {
            subscribers.remove(subscriber);
            subscriber.stop();
        });
        subscriber.start(emitter);
        FeedCursor joined = null;
        if (!once) {
            synchronized (reading) {
                if (cursor == null) {
                    cursor = FeedCursor.of(feed.head(), List.of());
                }
                joined = cursor;
                subscribers.add(subscriber);
            }
        }
        Set<String> sent = new HashSet<>();
        if (resume != null) {
            catchUp(subscriber, resume.before(), joined, sent);
        }
        if (once) {
            subscriber.finish();
        } else {
            subscriber.live(sent);
        }
        return emitter;
    }

    /** Reads what the subscriber missed, on the request's thread, up to the newest stored event. */
    private void catchUp(Subscriber subscriber, FeedCursor from, @Nullable FeedCursor joined, Set<String> sent) {
        FeedCursor at = from;
        while (true) {
            FeedPage page = feed.read(at, subscriber.recipient, subscriber.types, PAGE);
            for (FeedPage.Found found : page.found()) {
                subscriber.deliver(found);
                long position = found.entry().position();
                if (joined != null
                        && (position > joined.index() || joined.gaps().contains(position))) {
                    sent.add(found.entry().id()); // the live reader may hand it over too
                }
            }
            at = page.next();
            if (page.eventsRead() < PAGE) {
                return;
            }
        }
    }

    /** Once a poll: the feed read once for everybody, each notification handed to its audience; heartbeats. */
    private void poll() {
        try {
            synchronized (reading) {
                if (subscribers.isEmpty()) {
                    cursor = null; // nobody listens: read nothing; the next subscriber starts from the head
                    return;
                }
                FeedCursor at = cursor == null ? FeedCursor.of(feed.head(), List.of()) : cursor;
                int read;
                do {
                    FeedPage page = feed.readAll(at, PAGE);
                    for (FeedPage.Found found : page.found()) {
                        for (Subscriber subscriber : subscribers) {
                            subscriber.offer(found);
                        }
                    }
                    at = page.next();
                    read = page.eventsRead();
                } while (read == PAGE);
                cursor = at;
            }
        } catch (RuntimeException e) {
            // the database away for a moment (ADR 0006): the subscribers wait, with heartbeats, and lose nothing
            log.debug("The notification feed could not be read: {}", e.toString());
        }
        Instant now = Instant.now();
        for (Subscriber subscriber : subscribers) {
            subscriber.heartbeat(now, streams.settings().heartbeat());
        }
    }

    @Override
    public synchronized void start() {
        if (reader != null) {
            return;
        }
        reader = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("event-streams").daemon().factory());
        long every = streams.settings().pollInterval().toMillis();
        reader.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (reader == null) {
            return;
        }
        reader.shutdownNow();
        reader = null;
        subscribers.forEach(Subscriber::finish);
        subscribers.clear();
    }

    @Override
    public synchronized boolean isRunning() {
        return reader != null;
    }

    /** One open stream: who it is for, what it wants, and what waits to be sent to it, in order. */
    private final class Subscriber {

        private final Recipient recipient;
        private final Set<String> types;
        private final @Nullable EventId resume;
        private final BlockingQueue<Outgoing> queue = new ArrayBlockingQueue<>(BACKLOG);
        private final List<FeedPage.Found> held = new ArrayList<>();
        private boolean holding = true;
        private Set<String> sentWhileCatchingUp = Set.of();
        private long lastPosition = Long.MIN_VALUE;
        private int ordinal;
        private volatile Instant lastSent = Instant.now();
        private volatile boolean stopped;
        private @Nullable Thread sender;

        Subscriber(Recipient recipient, Set<String> types, @Nullable EventId resume) {
            this.recipient = recipient;
            this.types = types;
            this.resume = resume;
        }

        void start(SseEmitter emitter) {
            sender = Thread.ofVirtual().name("event-stream").start(() -> send(emitter));
        }

        private boolean wants(FeedEntry entry) {
            return (types.isEmpty() || types.contains(entry.type()))
                    && entry.audience().includes(recipient);
        }

        /** From the live reader: sent, or held while the subscriber catches up. */
        synchronized void offer(FeedPage.Found found) {
            if (!wants(found.entry())) {
                return;
            }
            if (holding) {
                held.add(found);
            } else if (!sentWhileCatchingUp.contains(found.entry().id())) {
                deliver(found);
            }
        }

        /** Caught up: what was held and not sent meanwhile goes out, and from now on everything at once. */
        synchronized void live(Set<String> sent) {
            sentWhileCatchingUp = sent;
            for (FeedPage.Found found : held) {
                if (!sent.contains(found.entry().id())) {
                    deliver(found);
                }
            }
            held.clear();
            holding = false;
        }

        /** Queues a notification in order, with its id; skips what the client had before it came back. */
        synchronized void deliver(FeedPage.Found found) {
            long position = found.entry().position();
            ordinal = position == lastPosition ? ordinal + 1 : 0;
            lastPosition = position;
            if (resume != null && position == resume.position() && ordinal <= resume.ordinal()) {
                return;
            }
            String id = EventId.of(position, ordinal, found.before()).toString();
            enqueue(new Outgoing(id, found.entry()));
        }

        void heartbeat(Instant now, java.time.Duration every) {
            if (queue.isEmpty() && lastSent.plus(every).isBefore(now)) {
                enqueue(Outgoing.HEARTBEAT);
            }
        }

        /** Ends the stream once what is queued has been sent. */
        void finish() {
            enqueue(Outgoing.END);
        }

        void stop() {
            stopped = true;
            Thread thread = sender;
            if (thread != null) {
                thread.interrupt();
            }
        }

        private void enqueue(Outgoing outgoing) {
            if (!queue.offer(outgoing)) {
                // too far behind to catch up live: end the stream; the client resumes with its Last-Event-ID
                stopped = true;
                Thread thread = sender;
                if (thread != null) {
                    thread.interrupt();
                }
            }
        }

        private void send(SseEmitter emitter) {
            try {
                while (!stopped) {
                    Outgoing next = queue.take();
                    if (next == Outgoing.END) {
                        break;
                    }
                    SseEmitter.SseEventBuilder event = next == Outgoing.HEARTBEAT
                            ? SseEmitter.event().comment("heartbeat")
                            : SseEmitter.event()
                                    .id(next.id())
                                    .name(next.entry().type())
                                    .data(json.writeValueAsString(envelope(next.entry())));
                    if (!EventStreams.send(emitter, event)) {
                        return;
                    }
                    lastSent = Instant.now();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            emitter.complete();
        }
    }

    /** The same envelope a webhook delivery has: id, type, timestamp, position, data. */
    private static Envelope envelope(FeedEntry entry) {
        return new Envelope(entry.id(), entry.type(), entry.occurredAt(), entry.position(), entry.notification());
    }

    private record Envelope(String id, String type, Instant timestamp, long position, Notification data) {}

    private record Outgoing(@Nullable String id, @Nullable FeedEntry entry) {
        static final Outgoing HEARTBEAT = new Outgoing(null, null);
        static final Outgoing END = new Outgoing(null, null);
    }
}
