-- Production batches as factories and merchants see them, and which orders each batch served.
CREATE TABLE read_model.production_batch (
    id                     UUID                     NOT NULL,
    merchant_id            UUID                     NOT NULL,
    factory_id             UUID                     NOT NULL,
    sku                    VARCHAR(64)              NOT NULL,
    quantity               INTEGER                  NOT NULL,
    needed_by              TIMESTAMP WITH TIME ZONE,
    status                 VARCHAR(16)              NOT NULL,
    reason                 VARCHAR(500),
    committed_quantity     INTEGER,
    expected_completion_at TIMESTAMP WITH TIME ZONE,
    produced_quantity      INTEGER,
    qc_passed_quantity     INTEGER,
    shipped_quantity       INTEGER                  NOT NULL,
    received_quantity      INTEGER                  NOT NULL,
    requested_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    last_sequence          BIGINT                   NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX production_batch_factory_idx ON read_model.production_batch (factory_id, status, requested_at);
CREATE INDEX production_batch_merchant_idx ON read_model.production_batch (merchant_id, sku, status);

CREATE TABLE read_model.batch_order (
    batch_id UUID    NOT NULL,
    order_id UUID    NOT NULL,
    sku      VARCHAR(64) NOT NULL,
    quantity INTEGER NOT NULL,
    PRIMARY KEY (batch_id, order_id, sku)
);
CREATE INDEX batch_order_order_idx ON read_model.batch_order (order_id);
