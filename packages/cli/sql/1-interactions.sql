-- Step 1: every event with its session. A row's own session id is used when the log has one;
-- otherwise a user's events are split into visits wherever more than ${session_gap} (time
-- units) pass between two of them. Session keys are prefixed with the user, so ids that only
-- the log made unique per user stay apart, and 's'/'v' keep given ids and visit numbers apart.
-- `||`, not CONCAT: DuckDB's CONCAT skips NULLs where the others return NULL; `||` gives NULL
-- on all three engines.
CREATE TABLE interactions AS
WITH ordered AS (
  SELECT
    user_id, session_id, item_id, ts, event,
    ts - LAG(ts) OVER (PARTITION BY user_id ORDER BY ts, item_id, event) AS gap
  FROM raw_events
),
numbered AS (
  SELECT
    user_id, session_id, item_id, ts, event,
    SUM(CASE WHEN gap IS NULL OR gap > ${session_gap} THEN 1 ELSE 0 END) OVER (
      PARTITION BY user_id ORDER BY ts, item_id, event
      ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
    ) AS visit
  FROM ordered
)
SELECT
  user_id,
  user_id || '#' || COALESCE('s' || session_id, 'v' || CAST(visit AS STRING)) AS session_id,
  item_id, ts, event
FROM numbered;
