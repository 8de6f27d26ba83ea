-- Step 7: per item, popularity = ln(1 + events) / ln(1 + the most events of any item), and
-- trend = 1 − (share of all events) / (share of the events in the last ${trend_window} time
-- units of the data): 0 when the item is no more popular lately than overall, ½ when its share
-- doubled, towards 1 the faster it rose. Items with fewer than ${trend_min_events} recent
-- events get no trend (one lucky view is not a trend); a window of 0 switches trend off.
CREATE TABLE item_scores AS
WITH counts AS (
  SELECT item_id, COUNT(*) AS n FROM interactions GROUP BY item_id
),
clock AS (
  SELECT MAX(ts) AS latest, COUNT(*) AS total FROM interactions
),
recent_events AS (
  SELECT i.item_id
  FROM interactions i
  CROSS JOIN clock c
  WHERE i.ts > c.latest - ${trend_window}
),
recent AS (
  SELECT item_id, COUNT(*) AS n FROM recent_events GROUP BY item_id
),
recent_total AS (
  SELECT COUNT(*) AS total FROM recent_events
),
busiest AS (
  SELECT MAX(n) AS n FROM counts
)
SELECT
  c.item_id,
  c.n AS events,
  ROUND(LN(1 + c.n) / LN(1 + t.n), 3) AS popularity,
  CASE
    WHEN ${trend_window} > 0 AND r.n >= ${trend_min_events}
      THEN ROUND(GREATEST(0, 1 - (1.0 * c.n / k.total) / (1.0 * r.n / rt.total)), 3)
    ELSE 0
  END AS trend
FROM counts c
CROSS JOIN busiest t
CROSS JOIN clock k
CROSS JOIN recent_total rt
LEFT JOIN recent r ON r.item_id = c.item_id;
