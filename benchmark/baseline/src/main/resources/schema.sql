DROP TABLE IF EXISTS bl_idempotency, bl_order_line, bl_order, bl_offer, bl_live_stream, bl_merchant;

CREATE TABLE bl_merchant (
    id           UUID PRIMARY KEY,
    name         TEXT NOT NULL,
    api_key_hash TEXT NOT NULL UNIQUE
);

CREATE TABLE bl_live_stream (
    id                     UUID PRIMARY KEY,
    merchant_id            UUID NOT NULL REFERENCES bl_merchant (id),
    live                   BOOLEAN NOT NULL,
    payment_window_minutes INT NOT NULL
);

CREATE TABLE bl_offer (
    live_stream_id  UUID NOT NULL REFERENCES bl_live_stream (id),
    sku             TEXT NOT NULL,
    quantity        INT NOT NULL,
    per_buyer_limit INT NOT NULL,
    admitted        INT NOT NULL DEFAULT 0,
    PRIMARY KEY (live_stream_id, sku)
);

CREATE TABLE bl_order (
    id             UUID PRIMARY KEY,
    merchant_id    UUID NOT NULL,
    live_stream_id UUID NOT NULL,
    buyer_id       TEXT NOT NULL,
    status         TEXT NOT NULL,
    zone           TEXT NOT NULL,
    line1          TEXT NOT NULL,
    city           TEXT NOT NULL,
    recipient      TEXT NOT NULL,
    placed_at      TIMESTAMPTZ NOT NULL
);

CREATE TABLE bl_order_line (
    order_id       UUID NOT NULL REFERENCES bl_order (id),
    live_stream_id UUID NOT NULL,
    sku            TEXT NOT NULL,
    buyer_id       TEXT NOT NULL,
    quantity       INT NOT NULL,
    PRIMARY KEY (order_id, sku)
);
-- the per-buyer limit: the units one buyer holds of one offer
CREATE INDEX bl_order_line_buyer ON bl_order_line (live_stream_id, sku, buyer_id);

CREATE TABLE bl_idempotency (
    merchant_id  UUID NOT NULL,
    key          TEXT NOT NULL,
    request_hash BYTEA NOT NULL,
    status       INT NOT NULL,
    location     TEXT,
    body         BYTEA NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (merchant_id, key)
)
