-- Webhook subscriptions: where each participant wants to be told, and how far each subscription has been delivered.
-- Not events: a subscription's secret must never reach the event store, and its position moves with every delivery.
CREATE SCHEMA webhook;

CREATE TABLE webhook.subscription (
    id                    UUID          NOT NULL,
    participant_id        UUID          NOT NULL,
    url                   VARCHAR(2048) NOT NULL,
    event_types           TEXT[]        NOT NULL, -- empty: every type the participant's role is told
    -- the signing secret (whsec_…), shown once; during a rotation's grace period the previous one signs too
    secret                VARCHAR(128)  NOT NULL,
    previous_secret       VARCHAR(128),
    previous_secret_until TIMESTAMPTZ,
    status                VARCHAR(16)   NOT NULL,
    created_at            TIMESTAMPTZ   NOT NULL,
    -- where delivery stands in the event store: every event up to cursor_index was read, except cursor_gaps
    cursor_index          BIGINT        NOT NULL,
    cursor_gaps           BIGINT[]      NOT NULL,
    -- moves on every rewind, so that a delivery in flight does not move the cursor back past it
    version               BIGINT        NOT NULL DEFAULT 0,
    -- the failures since the last success, and when the next attempt is due
    consecutive_failures  INTEGER       NOT NULL DEFAULT 0,
    failing_since         TIMESTAMPTZ,
    next_attempt_at       TIMESTAMPTZ   NOT NULL,
    last_delivered_at     TIMESTAMPTZ,
    disabled_at           TIMESTAMPTZ,
    disabled_reason       VARCHAR(512),
    PRIMARY KEY (id),
    CONSTRAINT subscription_status_check CHECK (status IN ('ACTIVE', 'DISABLED'))
);
CREATE INDEX subscription_participant_idx ON webhook.subscription (participant_id, created_at);
CREATE INDEX subscription_due_idx ON webhook.subscription (next_attempt_at) WHERE status = 'ACTIVE';

-- Every attempt to deliver a notification, as the subscriber can read it.
CREATE TABLE webhook.delivery_attempt (
    id              BIGINT GENERATED ALWAYS AS IDENTITY,
    subscription_id UUID         NOT NULL REFERENCES webhook.subscription (id) ON DELETE CASCADE,
    notification_id VARCHAR(64)  NOT NULL,
    type            VARCHAR(64)  NOT NULL,
    position        BIGINT       NOT NULL,
    attempt         INTEGER      NOT NULL,
    attempted_at    TIMESTAMPTZ  NOT NULL,
    outcome         VARCHAR(16)  NOT NULL,
    status_code     INTEGER,
    error           VARCHAR(512),
    duration_millis INTEGER      NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT delivery_attempt_outcome_check CHECK (outcome IN ('DELIVERED', 'FAILED'))
);
CREATE INDEX delivery_attempt_subscription_idx ON webhook.delivery_attempt (subscription_id, id);
CREATE INDEX delivery_attempt_attempted_at_idx ON webhook.delivery_attempt (attempted_at);
