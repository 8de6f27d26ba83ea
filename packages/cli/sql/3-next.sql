-- Step 3: next(a → b). Every b at g = 1…${window} positions after a in the same session adds
-- 1 / g^${next_decay}; the sum is divided by n(a)^α · n(b)^α (α = ${damping}, n = the item's
-- positions), so that best-sellers do not become everyone's neighbour.
CREATE TABLE next_pairs AS
WITH pairs AS (
  SELECT
    a.item_id AS item_id, b.item_id AS neighbour_id,
    SUM(1.0 / POWER(b.pos - a.pos, ${next_decay})) AS score
  FROM positions a
  JOIN positions b
    ON b.session_id = a.session_id AND b.pos > a.pos AND b.pos <= a.pos + ${window}
  WHERE a.item_id <> b.item_id
  GROUP BY a.item_id, b.item_id
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
