package io.livechain.desk;

/**
 * What a use case decided: the answer, and the changes that make it true. Applying the changes is mechanical: a
 * rule broken while applying is a bug in the decision, and fails the whole batch instead of half applying it.
 */
public record Decision<R>(R result, Changes changes) {

    private static final Changes NONE = changes -> {};

    public static <R> Decision<R> accept(R result, Changes changes) {
        return new Decision<>(result, changes);
    }

    /** Nothing to change (asked before, or already so): the answer alone. */
    public static <R> Decision<R> unchanged(R result) {
        return new Decision<>(result, NONE);
    }

    public boolean changesNothing() {
        return changes == NONE;
    }

    /** The changes a decision makes, applied through the desk's aggregates. */
    @FunctionalInterface
    public interface Changes {
        void applyTo(DeskChanges changes);
    }
}
