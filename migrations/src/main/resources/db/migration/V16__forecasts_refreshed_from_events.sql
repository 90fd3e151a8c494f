-- Forecasts are refreshed by a processor of their own (processing group "forecasts"), which also keeps what it computes
-- from, so that it never reads another processor's half-written view: the demand (read_model.demand, now written by
-- it) and, per live stream and SKU on offer, the window, the offer's quantity and when the stream actually went on air
-- and off it (NULL until it did).
CREATE TABLE read_model.forecast_stream (
    live_stream_id UUID        NOT NULL,
    sku            VARCHAR(64) NOT NULL,
    merchant_id    UUID        NOT NULL,
    starts_at      TIMESTAMPTZ NOT NULL,
    ends_at        TIMESTAMPTZ NOT NULL,
    quantity       INTEGER     NOT NULL,
    started_at     TIMESTAMPTZ,
    ended_at       TIMESTAMPTZ,
    PRIMARY KEY (live_stream_id, sku)
);
CREATE INDEX forecast_stream_sku_idx ON read_model.forecast_stream (merchant_id, sku);

-- A refresh that orders asked for while the SKU's forecast was just computed is owed, not dropped: the periodic
-- refresh catches up with it.
ALTER TABLE read_model.forecast ADD COLUMN refresh_due BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX forecast_due_idx ON read_model.forecast (generated_at) WHERE refresh_due;
