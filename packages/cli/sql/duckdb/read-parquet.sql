-- DuckDB only: streams a Parquet event log (or a GA4 BigQuery export in Parquet, with its
-- nested event_params and items) to the Node loader, which checks each row like a CSV or
-- JSON Lines row. file_row_number locates a bad row in messages. On Spark SQL or BigQuery the
-- table is already where the data is: define raw_events (0-raw-events.sql) over it instead.
SELECT *, file_row_number FROM read_parquet(${path}, file_row_number = true);
