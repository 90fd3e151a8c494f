-- Read models of the sale: catalogue, live streams and their offers, orders and their lines, stock, and the
-- index of every event in an order's story. All of them are projections, rebuilt from the event store at will.
-- Counters are guarded by the aggregate sequence number they last applied (last_sequence), so redelivered or
-- replayed events are applied once.

CREATE TABLE read_model.product (
    id              UUID         NOT NULL,
    merchant_id     UUID         NOT NULL,
    sku             VARCHAR(64)  NOT NULL,
    name            VARCHAR(200) NOT NULL,
    factory_id      UUID         NOT NULL,
    batch_size      INTEGER      NOT NULL,
    lead_time_hours INTEGER      NOT NULL,
    defined_at      TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT product_merchant_sku_key UNIQUE (merchant_id, sku)
);

CREATE TABLE read_model.live_stream (
    id                     UUID         NOT NULL,
    merchant_id            UUID         NOT NULL,
    title                  VARCHAR(200) NOT NULL,
    status                 VARCHAR(16)  NOT NULL,
    starts_at              TIMESTAMPTZ  NOT NULL,
    ends_at                TIMESTAMPTZ  NOT NULL,
    payment_window_minutes INTEGER      NOT NULL,
    last_sequence          BIGINT       NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX live_stream_merchant_idx ON read_model.live_stream (merchant_id, starts_at);

CREATE TABLE read_model.live_stream_offer (
    live_stream_id  UUID          NOT NULL,
    sku             VARCHAR(64)   NOT NULL,
    price           NUMERIC(12,2) NOT NULL,
    quantity        INTEGER       NOT NULL,
    per_buyer_limit INTEGER       NOT NULL,
    allow_backorder BOOLEAN       NOT NULL,
    PRIMARY KEY (live_stream_id, sku)
);

-- last_sequence is the Order aggregate's: each of its events is applied once. The stock of a line is set by the
-- inventory's events, which are plain overwrites (the orders processing group sequences events per order).
CREATE TABLE read_model.order_view (
    id             UUID          NOT NULL,
    merchant_id    UUID          NOT NULL,
    live_stream_id UUID          NOT NULL,
    buyer_id       VARCHAR(64)   NOT NULL,
    status         VARCHAR(32)   NOT NULL,
    ship_zone      TEXT,
    ship_line1     TEXT,
    ship_city      TEXT,
    ship_recipient TEXT,
    total          NUMERIC(12,2) NOT NULL,
    payment_due_at TIMESTAMPTZ   NOT NULL,
    created_at     TIMESTAMPTZ   NOT NULL,
    updated_at     TIMESTAMPTZ   NOT NULL,
    last_sequence  BIGINT        NOT NULL,
    PRIMARY KEY (id)
);
-- listing a merchant's orders, newest first (keyset pagination on created_at, id)
CREATE INDEX order_view_merchant_created_idx ON read_model.order_view (merchant_id, created_at DESC, id DESC);
CREATE INDEX order_view_merchant_stream_idx ON read_model.order_view (merchant_id, live_stream_id, created_at DESC);
CREATE INDEX order_view_merchant_status_idx ON read_model.order_view (merchant_id, status, created_at DESC);

CREATE TABLE read_model.order_line (
    order_id       UUID          NOT NULL,
    sku            VARCHAR(64)   NOT NULL,
    line_no        INTEGER       NOT NULL,
    quantity       INTEGER       NOT NULL,
    unit_price     NUMERIC(12,2) NOT NULL,
    stock          VARCHAR(16)   NOT NULL, -- RESERVED, BACKORDERED or RELEASED
    warehouse_id   UUID,                   -- null while backordered
    live_stream_id UUID          NOT NULL,
    merchant_id    UUID          NOT NULL,
    PRIMARY KEY (order_id, sku)
);
-- what the offers of a live stream have admitted
CREATE INDEX order_line_stream_sku_idx ON read_model.order_line (live_stream_id, sku);

-- Units per merchant, SKU and warehouse. Shipped units are counted once shipping exists.
CREATE TABLE read_model.stock_level (
    merchant_id  UUID        NOT NULL,
    sku          VARCHAR(64) NOT NULL,
    warehouse_id UUID        NOT NULL,
    received     INTEGER     NOT NULL,
    reserved     INTEGER     NOT NULL,
    shipped      INTEGER     NOT NULL,
    PRIMARY KEY (merchant_id, sku, warehouse_id)
);

-- One row per Inventory aggregate: the units orders wait for, and the last of its events applied here.
CREATE TABLE read_model.inventory (
    inventory_id  UUID        NOT NULL,
    merchant_id   UUID        NOT NULL,
    sku           VARCHAR(64) NOT NULL,
    backordered   INTEGER     NOT NULL,
    last_sequence BIGINT      NOT NULL,
    PRIMARY KEY (inventory_id)
);
CREATE INDEX inventory_merchant_sku_idx ON read_model.inventory (merchant_id, sku);

-- Which stored events tell an order's story, whatever aggregate they belong to.
CREATE TABLE read_model.order_timeline (
    order_id         UUID         NOT NULL,
    global_index     BIGINT       NOT NULL,
    event_identifier VARCHAR(255) NOT NULL,
    PRIMARY KEY (order_id, event_identifier)
);
CREATE INDEX order_timeline_order_idx ON read_model.order_timeline (order_id, global_index);
