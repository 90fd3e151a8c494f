-- Demand as orders placed it (one row per order line: counting again changes nothing), and the latest forecasts.
CREATE TABLE read_model.demand (
    order_id    UUID                     NOT NULL,
    sku         VARCHAR(64)              NOT NULL,
    merchant_id UUID                     NOT NULL,
    placed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    units       INTEGER                  NOT NULL,
    PRIMARY KEY (order_id, sku)
);
CREATE INDEX demand_sku_time_idx ON read_model.demand (merchant_id, sku, placed_at);

CREATE TABLE read_model.forecast (
    merchant_id  UUID                     NOT NULL,
    sku          VARCHAR(64)              NOT NULL,
    factory_id   UUID                     NOT NULL,
    generated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    body         TEXT                     NOT NULL,
    PRIMARY KEY (merchant_id, sku)
);
CREATE INDEX forecast_factory_idx ON read_model.forecast (factory_id);
