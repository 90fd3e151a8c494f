-- Deliveries as couriers, warehouses and merchants see them.
CREATE TABLE read_model.delivery (
    id            UUID                     NOT NULL,
    order_id      UUID                     NOT NULL,
    merchant_id   UUID                     NOT NULL,
    warehouse_id  UUID                     NOT NULL,
    zone          VARCHAR(64)              NOT NULL,
    parcels       INTEGER                  NOT NULL,
    status        VARCHAR(16)              NOT NULL,
    courier_id    UUID,
    failed_attempts INTEGER                NOT NULL,
    offered_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    last_sequence BIGINT                   NOT NULL,
    PRIMARY KEY (id)
);
CREATE UNIQUE INDEX delivery_order_idx ON read_model.delivery (order_id);
CREATE INDEX delivery_offers_idx ON read_model.delivery (status, zone, offered_at);
CREATE INDEX delivery_courier_idx ON read_model.delivery (courier_id, updated_at);
