-- Who may call the API, and the answers already given to idempotent requests.
CREATE SCHEMA access;

-- API keys are stored only as a SHA-256 hash: the key itself is shown once, at registration.
CREATE TABLE access.api_key (
    id             UUID        NOT NULL,
    key_hash       CHAR(64)    NOT NULL, -- hex of SHA-256
    role           VARCHAR(16) NOT NULL,
    participant_id UUID        NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    revoked_at     TIMESTAMPTZ,
    PRIMARY KEY (id),
    CONSTRAINT api_key_key_hash_key UNIQUE (key_hash),
    CONSTRAINT api_key_role_check CHECK (role IN ('ADMIN', 'MERCHANT', 'FACTORY', 'WAREHOUSE', 'COURIER'))
);
CREATE INDEX api_key_participant_idx ON access.api_key (participant_id);

-- One row per (API key, Idempotency-Key): the request's fingerprint and the answer it got.
CREATE TABLE access.idempotent_request (
    api_key_id      UUID         NOT NULL,
    idempotency_key VARCHAR(255) NOT NULL,
    request_hash    BYTEA        NOT NULL,
    status_code     INTEGER      NOT NULL,
    content_type    VARCHAR(255),
    location        VARCHAR(2048),
    response_body   BYTEA        NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (api_key_id, idempotency_key)
);
CREATE INDEX idempotent_request_created_at_idx ON access.idempotent_request (created_at);
