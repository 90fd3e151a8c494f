-- Read models live in their own schema, rebuilt from the event store at will.
CREATE SCHEMA read_model;

CREATE TABLE read_model.participant (
    id            UUID         NOT NULL,
    kind          VARCHAR(16)  NOT NULL,
    name          VARCHAR(200) NOT NULL,
    zones         TEXT[]       NOT NULL,
    registered_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX participant_kind_idx ON read_model.participant (kind, registered_at);
