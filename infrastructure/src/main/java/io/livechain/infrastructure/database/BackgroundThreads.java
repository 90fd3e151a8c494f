package io.livechain.infrastructure.database;

/**
 * The threads of the platform's background work, told apart by name: Axon's pooled streaming processors
 * ({@code EventProcessor[…]}, tracking processors) and the event store's reader that feeds them
 * ({@code EmbeddedEventStore-…}), db-scheduler's deadline threads, the payment-window sweep, webhook delivery, and the
 * readers behind the live streams: the event streams' shared reader ({@code event-streams}) and the war rooms'
 * once-a-second figures ({@code war-rooms}). No request waits on them, and a flash sale's requests must not wait for
 * their connections. (A stream's catch-up after {@code Last-Event-ID} is read by its own request.)
 * {@code AxonWiringIT} checks that a processor's thread draws from the background pool.
 */
public final class BackgroundThreads {

    private static final String[] PREFIXES = {
        "EventProcessor[",
        "EmbeddedEventStore",
        "db-scheduler",
        "payment-windows",
        "webhooks-",
        "event-streams",
        "war-rooms"
    };

    private BackgroundThreads() {}

    public static boolean isBackground(Thread thread) {
        String name = thread.getName();
        for (String prefix : PREFIXES) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
