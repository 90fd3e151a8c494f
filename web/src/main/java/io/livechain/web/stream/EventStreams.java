package io.livechain.web.stream;

import io.livechain.access.Caller;
import io.livechain.shared.InvalidField;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Opens Server-Sent Event streams: each one counted against its API key's allowance
 * ({@link EventStreamProperties#maxPerKey()}) from the moment it opens until it ends however it ends (completed, timed
 * out, the client gone), and ended by the platform after {@link EventStreamProperties#maxDuration()}.
 */
@Component
@EnableConfigurationProperties(EventStreamProperties.class)
public class EventStreams {

    /** The query parameter that asks for what there is now, and then the end of the stream. */
    public static final String ONCE = "once";

    private final EventStreamProperties settings;
    private final Map<UUID, Integer> open = new ConcurrentHashMap<>();

    public EventStreams(EventStreamProperties settings) {
        this.settings = settings;
    }

    public EventStreamProperties settings() {
        return settings;
    }

    /**
     * A new stream for the caller's key; {@code onEnd} runs once when it ends.
     *
     * @throws TooManyStreams when the key holds as many open as it may
     */
    public SseEmitter open(Caller caller, Runnable onEnd) {
        UUID key = caller.apiKeyId();
        boolean[] taken = {false};
        open.compute(key, (any, count) -> {
            int now = count == null ? 0 : count;
            if (now >= settings.maxPerKey()) {
                return count;
            }
            taken[0] = true;
            return now + 1;
        });
        if (!taken[0]) {
            throw new TooManyStreams(settings.maxPerKey());
        }
        SseEmitter emitter = new SseEmitter(settings.maxDuration().toMillis());
        AtomicBoolean ended = new AtomicBoolean();
        Runnable end = () -> {
            if (ended.compareAndSet(false, true)) {
                open.computeIfPresent(key, (any, count) -> count <= 1 ? null : count - 1);
                onEnd.run();
            }
        };
        emitter.onCompletion(end);
        emitter.onTimeout(() -> {
            end.run();
            emitter.complete();
        });
        emitter.onError(failure -> end.run());
        return emitter;
    }

    /** The {@value #ONCE} parameter: {@code true} or {@code false}; absent is false; anything else names it. */
    public static boolean once(String value) {
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw new InvalidField(ONCE, "must be true or false");
    }

    /** How many streams the key holds open now. */
    public int openFor(UUID apiKeyId) {
        return open.getOrDefault(apiKeyId, 0);
    }

    /**
     * Sends one event; false when the stream has ended or the client is gone (the container then ends the stream, and
     * its {@code onEnd} runs).
     */
    public static boolean send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
            return true;
        } catch (IOException | IllegalStateException gone) {
            return false;
        }
    }
}
