package io.livechain.desk;

/**
 * One decision the desk takes. {@link #decide} sees the state read-only: it either returns what will happen, or
 * throws the {@link io.livechain.shared.BusinessRuleViolation} the request breaks. Only an accepted decision is
 * applied, so a rejection can change nothing.
 *
 * @param <R> what the caller is told when the decision is applied
 */
@FunctionalInterface
public interface UseCase<R> {

    Decision<R> decide(DeskState state);
}
