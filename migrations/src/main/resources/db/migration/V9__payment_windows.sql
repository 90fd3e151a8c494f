-- The admission desk's own durable state: the payment window of every order that may still expire. A row is
-- written in the same commit as the order it times, and removed in the commit that expires or cancels the order
-- (a paid order's row is removed when its time comes and the order is found paid). Looked up by due time only,
-- removed by order id only: the cost of paying or cancelling never depends on how many windows are open.
CREATE SCHEMA desk;

CREATE TABLE desk.payment_window (
    order_id       UUID        NOT NULL,
    live_stream_id UUID        NOT NULL,
    due_at         TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (order_id)
);
CREATE INDEX payment_window_due_at_idx ON desk.payment_window (due_at);

-- [jooq ignore start] data, not structure: windows of orders placed before this table existed (their
-- db-scheduler deadlines no longer have a handler). Orders paid, cancelled or expired since are found so when due.
INSERT INTO desk.payment_window (order_id, live_stream_id, due_at)
SELECT placed.aggregate_identifier::uuid,
       (convert_from(placed.payload, 'UTF8')::jsonb -> 'liveStreamId' ->> 'value')::uuid,
       (convert_from(placed.payload, 'UTF8')::jsonb ->> 'paymentDueAt')::timestamptz
FROM event_store.domain_event_entry placed
WHERE placed.payload_type = 'io.livechain.order.event.OrderPlaced'
  AND NOT EXISTS (SELECT 1
                  FROM event_store.domain_event_entry later
                  WHERE later.aggregate_identifier = placed.aggregate_identifier
                    AND later.sequence_number > placed.sequence_number);
-- [jooq ignore stop]
