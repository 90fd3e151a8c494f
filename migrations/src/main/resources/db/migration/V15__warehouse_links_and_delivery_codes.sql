-- Which merchants each warehouse serves, as the operator linked them (MerchantLinked / MerchantUnlinked).
CREATE TABLE read_model.warehouse_merchant (
    warehouse_id UUID        NOT NULL,
    merchant_id  UUID        NOT NULL,
    linked_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (warehouse_id, merchant_id)
);

-- The code the buyer gives the courier at the door (OrderPacked): shown to the order's merchant only. Couriers and
-- warehouses read read_model.delivery, which never holds it.
ALTER TABLE read_model.order_view ADD COLUMN delivery_code VARCHAR(16);
