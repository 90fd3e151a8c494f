-- A warehouse serves only the merchants the operator links it to (MerchantLinked events on the warehouse). Before
-- links existed, any warehouse could receive any merchant's stock. So that nothing a warehouse already holds or
-- expects is stranded, every warehouse that received a merchant's stock, or was sent one of its production batches,
-- is linked to that merchant here: by new events, recorded as the platform's own doing (actor SYSTEM), appended
-- after the warehouse's history. Earlier events are not touched. The operator can unlink any of them afterwards.
-- A pair that already has a link or unlink event is left alone, so running this on a newer store changes nothing.
-- [jooq ignore start] data, not structure
-- json, not jsonb: jsonb refuses the escape \u0000, which a name stored before it was refused may hold
WITH payloads AS (
    SELECT aggregate_identifier, payload_type, convert_from(payload, 'UTF8')::json AS body
    FROM event_store.domain_event_entry
    WHERE payload_type IN ('io.livechain.stock.event.InventoryOpened',
                           'io.livechain.stock.event.StockReceived',
                           'io.livechain.production.event.BatchShipped',
                           'io.livechain.participant.event.ParticipantRegistered',
                           'io.livechain.participant.event.MerchantLinked',
                           'io.livechain.participant.event.MerchantUnlinked')
),
served AS (
    SELECT received.body #>> '{warehouseId,value}' AS warehouse_id,
           opened.body #>> '{merchantId,value}'    AS merchant_id
    FROM payloads received
    JOIN payloads opened
      ON opened.aggregate_identifier = received.aggregate_identifier
     AND opened.payload_type = 'io.livechain.stock.event.InventoryOpened'
    WHERE received.payload_type = 'io.livechain.stock.event.StockReceived'
    UNION
    SELECT body #>> '{warehouseId,value}', body #>> '{merchantId,value}'
    FROM payloads
    WHERE payload_type = 'io.livechain.production.event.BatchShipped'
),
to_link AS (
    SELECT served.warehouse_id,
           served.merchant_id,
           row_number() OVER (PARTITION BY served.warehouse_id ORDER BY served.merchant_id) AS n
    FROM served
    JOIN payloads warehouse
      ON warehouse.aggregate_identifier = served.warehouse_id
     AND warehouse.payload_type = 'io.livechain.participant.event.ParticipantRegistered'
     AND warehouse.body ->> 'kind' = 'WAREHOUSE'
    JOIN payloads merchant
      ON merchant.aggregate_identifier = served.merchant_id
     AND merchant.payload_type = 'io.livechain.participant.event.ParticipantRegistered'
     AND merchant.body ->> 'kind' = 'MERCHANT'
    WHERE NOT EXISTS (
        SELECT 1
        FROM payloads link
        WHERE link.aggregate_identifier = served.warehouse_id
          AND link.payload_type IN ('io.livechain.participant.event.MerchantLinked',
                                    'io.livechain.participant.event.MerchantUnlinked')
          AND link.body #>> '{merchantId,value}' = served.merchant_id)
)
INSERT INTO event_store.domain_event_entry
    (aggregate_identifier, sequence_number, type, event_identifier, meta_data, payload, payload_revision,
     payload_type, time_stamp)
SELECT to_link.warehouse_id,
       (SELECT max(sequence_number)
        FROM event_store.domain_event_entry history
        WHERE history.aggregate_identifier = to_link.warehouse_id) + to_link.n,
       'Participant',
       gen_random_uuid()::text,
       convert_to(jsonb_build_object(
                      'correlationId', 'migration-V14',
                      'actorRole', 'SYSTEM',
                      'actorId', 'migration:V14')::text, 'UTF8'),
       convert_to(jsonb_build_object(
                      'participantId', jsonb_build_object('value', to_link.warehouse_id),
                      'merchantId', jsonb_build_object('value', to_link.merchant_id))::text, 'UTF8'),
       '1',
       'io.livechain.participant.event.MerchantLinked',
       to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
FROM to_link
ORDER BY to_link.warehouse_id, to_link.n;
-- [jooq ignore stop]
