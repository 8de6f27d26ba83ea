-- Step 3: next(a → b). Every b at g = 1…${window} positions after a in the same session adds
-- 1 / g^${next_decay}; the sum is divided by n(a)^α · n(b)^α (α = ${damping}, n = the item's
-- positions), so that best-sellers do not become everyone's neighbour. b may be a itself: a
-- shopper coming back to a, g positions later or straight away (repeat_views, step 2, g = 1),
-- so that a list in the middle of a visit can tell how likely a return to an item is.
CREATE TABLE next_pairs AS
WITH steps AS (
  SELECT
    a.item_id AS item_id, b.item_id AS neighbour_id,
    1.0 / POWER(b.pos - a.pos, ${next_decay}) AS score
  FROM positions a
  JOIN positions b
    ON b.session_id = a.session_id AND b.pos > a.pos AND b.pos <= a.pos + ${window}
  UNION ALL
  SELECT item_id, item_id AS neighbour_id, 1.0 AS score
  FROM repeat_views
),
pairs AS (
  SELECT item_id, neighbour_id, SUM(score) AS score
  FROM steps
  GROUP BY item_id, neighbour_id
),
counts AS (
  SELECT item_id, COUNT(*) AS n FROM positions GROUP BY item_id
)
SELECT
  p.item_id, p.neighbour_id,
  p.score / (POWER(ca.n, ${damping}) * POWER(cb.n, ${damping})) AS weight
FROM pairs p
JOIN counts ca ON ca.item_id = p.item_id
JOIN counts cb ON cb.item_id = p.neighbour_id;
