package io.livechain.shared;

/**
 * A command the desk decides (docs/architecture.md): a use case in a context's {@code desk} package hands it to its
 * aggregate within the desk's batch. It is never sent on the command bus, which refuses it.
 */
public interface DeskCommand {}
