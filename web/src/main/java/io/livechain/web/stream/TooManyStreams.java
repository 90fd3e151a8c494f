package io.livechain.web.stream;

/** The API key holds as many event streams open as it may; answered {@code 429 too-many-streams}. */
public class TooManyStreams extends RuntimeException {

    /** Seconds a client waits before it tries again (a stream of its own may have ended by then). */
    public static final int RETRY_AFTER_SECONDS = 5;

    public TooManyStreams(int maxPerKey) {
        super(
                "this API key holds " + maxPerKey + " event streams open, as many as it may; close one, or retry"
                        + " after Retry-After seconds",
                null,
                false,
                false);
    }
}
