-- Zones are compared case-blind and without surrounding blanks: the read models keep them folded, like the
-- aggregates and every new event.
-- [jooq ignore start] data, not structure
UPDATE read_model.delivery SET zone = lower(btrim(zone)) WHERE zone <> lower(btrim(zone));
UPDATE read_model.participant
SET zones = ARRAY(SELECT DISTINCT lower(btrim(z)) FROM unnest(zones) AS z)
WHERE zones <> ARRAY(SELECT lower(btrim(z)) FROM unnest(zones) AS z);
-- [jooq ignore stop]
