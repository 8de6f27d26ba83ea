-- Step 4: coView(a, b), symmetric. Two different items at |g| = 1…${window} positions apart
-- in a session add 1 / |g|^${co_view_decay} to both (a, b) and (b, a); damped as in step 3.
CREATE TABLE co_view_pairs AS
WITH near AS (
  SELECT
    a.item_id AS first_id, b.item_id AS second_id,
    1.0 / POWER(b.pos - a.pos, ${co_view_decay}) AS score
  FROM positions a
  JOIN positions b
    ON b.session_id = a.session_id AND b.pos > a.pos AND b.pos <= a.pos + ${window}
  WHERE a.item_id <> b.item_id
),
pairs AS (
  SELECT item_id, neighbour_id, SUM(score) AS score
  FROM (
    SELECT first_id AS item_id, second_id AS neighbour_id, score FROM near
    UNION ALL
    SELECT second_id AS item_id, first_id AS neighbour_id, score FROM near
  ) both_ways
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
