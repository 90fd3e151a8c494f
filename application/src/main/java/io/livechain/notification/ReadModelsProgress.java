package io.livechain.notification;

/**
 * How far the read models are: a notification whose audience is asked of a read model (the warehouses an order is
 * to be picked at) is made only once the read models have handled its event, so the answer is never older than the
 * event. The feed therefore runs just behind the read models.
 */
public interface ReadModelsProgress {

    /** Whether the read models have handled the event stored at {@code position} (its global index). */
    boolean handled(long position);
}
