-- The forecast each SKU's factory was last told (DemandForecastPublished), as stored in body: a fresh forecast is told
-- again only when it differs enough from this one. NULL until the first is told.
ALTER TABLE read_model.forecast ADD COLUMN told TEXT;
