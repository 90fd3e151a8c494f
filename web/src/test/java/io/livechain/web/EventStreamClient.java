package io.livechain.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A Server-Sent Events client, as a subscriber's own would be: Java's HTTP client reads the stream line by line, and
 * a thread of its own gathers the lines into events. Tests take the events in the order they came.
 */
public final class EventStreamClient implements AutoCloseable {

    /** One event: its id and name (each absent if the stream gave none), and its data. */
    public record Event(@Nullable String id, String name, String data) {}

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final Event END = new Event(null, "", "");

    private final HttpResponse<Stream<String>> response;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final List<String> comments = new ArrayList<>();
    private final @Nullable Thread reader;
    private volatile boolean ended;

    private EventStreamClient(HttpResponse<Stream<String>> response) {
        this.response = response;
        if (response.statusCode() == 200) {
            this.reader = Thread.ofVirtual().name("event-stream-client").start(this::read);
        } else {
            this.reader = null;
            this.ended = true;
            events.add(END);
        }
    }

    /** Opens the stream at {@code path} with the key and extra headers (Last-Event-ID, say); answers at once. */
    public static EventStreamClient open(int port, String path, @Nullable String apiKey, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/event-stream")
                .GET();
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        headers.forEach(request::header);
        try {
            return new EventStreamClient(CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofLines()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int status() {
        return response.statusCode();
    }

    public Optional<String> header(String name) {
        return response.headers().firstValue(name);
    }

    /** The next event, waiting at most {@code timeout}; empty if none came in time or the stream has ended. */
    public Optional<Event> next(Duration timeout) {
        try {
            Event event = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (event == END) {
                events.add(END);
                return Optional.empty();
            }
            return Optional.ofNullable(event);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The first event that matches, skipping the others; fails if none does within {@code timeout}. */
    public Event until(Predicate<Event> wanted, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            Optional<Event> event = next(Duration.ofNanos(Math.max(0, left)));
            if (event.isEmpty()) {
                throw new AssertionError("no such event within " + timeout + (ended ? " (the stream ended)" : ""));
            }
            if (wanted.test(event.get())) {
                return event.get();
            }
        }
    }

    /** Every event until the stream ends (for a stream that ends by itself), waiting at most {@code timeout}. */
    public List<Event> rest(Duration timeout) {
        List<Event> all = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            Optional<Event> event = next(Duration.ofNanos(Math.max(0, left)));
            if (event.isEmpty()) {
                if (!ended) {
                    throw new AssertionError("the stream did not end within " + timeout);
                }
                return all;
            }
            all.add(event.get());
        }
    }

    public boolean ended() {
        return ended;
    }

    public synchronized List<String> comments() {
        return List.copyOf(comments);
    }

    /** The body as it came, when the answer was not a stream (a problem); only then. */
    public String body() {
        if (reader != null) {
            throw new IllegalStateException("the answer is a stream: take its events");
        }
        return String.join("\n", response.body().toList());
    }

    private void read() {
        String id = null;
        String name = "message";
        StringBuilder data = null;
        try (Stream<String> lines = response.body()) {
            var iterator = lines.iterator();
            while (iterator.hasNext()) {
                String line = iterator.next();
                if (line.isEmpty()) {
                    if (data != null) {
                        events.add(new Event(id, name, data.toString()));
                    }
                    id = null;
                    name = "message";
                    data = null;
                    continue;
                }
                if (line.startsWith(":")) {
                    synchronized (this) {
                        comments.add(line.substring(1).strip());
                    }
                    continue;
                }
                int colon = line.indexOf(':');
                String field = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 1);
                if (value.startsWith(" ")) {
                    value = value.substring(1);
                }
                switch (field) {
                    case "id" -> id = value;
                    case "event" -> name = value;
                    case "data" ->
                        data = data == null
                                ? new StringBuilder(value)
                                : data.append('\n').append(value);
                    default -> {
                        // retry and unknown fields
                    }
                }
            }
        } catch (RuntimeException closed) {
            // closed by the test, or the connection broke
        } finally {
            ended = true;
            events.add(END);
        }
    }

    /** Closes the connection: the platform sees the client gone at its next write. */
    @Override
    public void close() {
        response.body().close();
        if (reader != null) {
            reader.interrupt();
        }
    }
}
