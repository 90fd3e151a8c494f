-- The position in the event store (global_index) of the last event the request caused, named again in a replay of its
-- answer (LiveChain-Position, ADR 0010). NULL: the request caused no event.
ALTER TABLE access.idempotent_request ADD COLUMN event_position BIGINT;
