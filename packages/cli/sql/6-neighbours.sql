-- Step 6: each item's strongest ${k} neighbours per relation. Weights are rescaled per item so
-- its strongest is 1, and rounded to ${digits} significant digits (what the file stores; a
-- fourth digit changes no ranking worth having and costs bytes). Ranking is on the rounded
-- weight, then the neighbour id, so every engine keeps the same neighbours despite last-bit
-- differences in floating-point sums. For the same reason the rescaled weight is first rounded
-- to 9 decimals: sums added in another order (threads, engines) differ in the last bits, and a
-- weight of exactly 0.1625 must not come out 0.162 one run and 0.163 the next. A neighbour
-- under a billionth of the strongest rounds to 0 and is dropped (it could never be shown).
CREATE TABLE neighbours AS
WITH all_pairs AS (
  SELECT 'next' AS relation, item_id, neighbour_id, weight FROM next_pairs
  UNION ALL
  SELECT 'coView' AS relation, item_id, neighbour_id, weight FROM co_view_pairs
  UNION ALL
  SELECT 'coBuy' AS relation, item_id, neighbour_id, weight FROM co_buy_pairs
),
scaled AS (
  SELECT
    relation, item_id, neighbour_id,
    ROUND(weight / MAX(weight) OVER (PARTITION BY relation, item_id), 9) AS w
  FROM all_pairs
),
rounded AS (
  SELECT
    relation, item_id, neighbour_id,
    ROUND(w * POWER(10, ${digits} - 1 - FLOOR(LOG10(w))))
      / POWER(10, ${digits} - 1 - FLOOR(LOG10(w))) AS weight
  FROM scaled
  WHERE w > 0
),
ranked AS (
  SELECT
    relation, item_id, neighbour_id, weight,
    ROW_NUMBER() OVER (PARTITION BY relation, item_id ORDER BY weight DESC, neighbour_id)
      AS nth
  FROM rounded
)
SELECT relation, item_id, neighbour_id, weight, nth
FROM ranked
WHERE nth <= ${k};
