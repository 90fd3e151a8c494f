-- An order held at several warehouses ships as one shipment per warehouse, each with its own delivery and delivery
-- code (ADR 0009): an order can have several deliveries, and each line knows the delivery that carries it.
DROP INDEX read_model.delivery_order_idx;
CREATE INDEX delivery_order_idx ON read_model.delivery (order_id);

ALTER TABLE read_model.order_line ADD COLUMN delivery_id UUID;

-- The code the buyer gives the courier of each shipment (OrderPacked): shown to the order's merchant only. Couriers
-- and warehouses read read_model.delivery, which never holds it.
CREATE TABLE read_model.order_shipment (
    delivery_id   UUID        NOT NULL,
    order_id      UUID        NOT NULL,
    delivery_code VARCHAR(16),
    PRIMARY KEY (delivery_id)
);
CREATE INDEX order_shipment_order_idx ON read_model.order_shipment (order_id);

-- [jooq ignore start] data, not structure: until now an order shipped whole, in its one delivery.
INSERT INTO read_model.order_shipment (delivery_id, order_id, delivery_code)
SELECT d.id, d.order_id, o.delivery_code
FROM read_model.delivery d
JOIN read_model.order_view o ON o.id = d.order_id;

UPDATE read_model.order_line l
SET delivery_id = d.id
FROM read_model.delivery d
WHERE d.order_id = l.order_id;
-- [jooq ignore stop]

ALTER TABLE read_model.order_view DROP COLUMN delivery_code;
