-- Demand per merchant, SKU and minute instead of a row per order line: during a flash sale the forecasts' processor
-- writes one row per SKU and minute of each batch of orders (units added up), not one per order, and a forecast's
-- refresh reads minutes, not orders. Every order is counted once: the processor stores its token in the transaction
-- that adds its units (and its replay starts from an empty table, see ForecastProjection's reset).
CREATE TABLE read_model.demand_minute (
    merchant_id UUID        NOT NULL,
    sku         VARCHAR(64) NOT NULL,
    minute      TIMESTAMPTZ NOT NULL,
    units       BIGINT      NOT NULL,
    PRIMARY KEY (merchant_id, sku, minute)
);

INSERT INTO read_model.demand_minute (merchant_id, sku, minute, units)
SELECT merchant_id, sku, date_trunc('minute', placed_at), sum(units)
FROM read_model.demand
GROUP BY merchant_id, sku, date_trunc('minute', placed_at);

DROP TABLE read_model.demand;
