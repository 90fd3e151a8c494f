-- [jooq ignore start] the processing schema is Axon's and ours for bookkeeping; no jOOQ code for it.
-- Events a read model could not take: set aside (with the reason) so that the processor moves on and every other
-- view stays current. Kept until an operator has fixed the cause and replayed them.
CREATE TABLE processing.set_aside_event (
    processor_name       VARCHAR(255) NOT NULL,
    event_identifier     VARCHAR(255) NOT NULL,
    payload_type         VARCHAR(255),
    aggregate_identifier VARCHAR(255),
    sequence_number      BIGINT,
    error                TEXT         NOT NULL,
    set_aside_at         TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (processor_name, event_identifier)
);
-- [jooq ignore stop]
