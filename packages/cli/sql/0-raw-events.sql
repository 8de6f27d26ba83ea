-- The builder's input: one row per event, as the loader read it. The Node builder creates this
-- table in DuckDB and fills it with the appender; on Spark SQL or BigQuery, make `raw_events` a
-- view over your own log with these five columns instead of running this file.
--   user_id     who (a user or a visitor id; the session id when the log has no user)
--   session_id  the log's own session or order id, or NULL to split at time gaps
--   item_id     the catalog item id
--   ts          milliseconds since 1970 (any increasing number for sequence files)
--   event       'view', 'cart' or 'purchase'
CREATE TABLE raw_events (
  user_id VARCHAR NOT NULL,
  session_id VARCHAR,
  item_id VARCHAR NOT NULL,
  ts DOUBLE NOT NULL,
  event VARCHAR NOT NULL
);
