package io.livechain.demo;

/** The demo cannot go on: the message says why, in words a newcomer understands. */
final class DemoFailure extends RuntimeException {

    DemoFailure(String message) {
        super(message);
    }
}
