-- Step 2: the order of items within each session, 1, 2, 3… (by time, then item id, so that
-- ties come out the same on every engine). An item seen again right after itself (a reload,
-- view then add-to-cart) is one position: repeats would otherwise pair an item with its
-- neighbours twice and push real neighbours out of the window.
CREATE TABLE positions AS
WITH ordered AS (
  SELECT
    session_id, item_id, ts,
    LAG(item_id) OVER (PARTITION BY session_id ORDER BY ts, item_id, event) AS previous_item
  FROM interactions
)
SELECT
  session_id, item_id,
  ROW_NUMBER() OVER (PARTITION BY session_id ORDER BY ts, item_id) AS pos
FROM ordered
WHERE previous_item IS NULL OR previous_item <> item_id;

-- The same over a user's cart and purchase events, across sessions (for coBuy, step 5): a
-- basket completed over two visits is still bought together.
CREATE TABLE buy_positions AS
WITH ordered AS (
  SELECT
    user_id, item_id, ts,
    LAG(item_id) OVER (PARTITION BY user_id ORDER BY ts, item_id, event) AS previous_item
  FROM interactions
  WHERE event IN ('cart', 'purchase')
)
SELECT
  user_id AS session_id, item_id,
  ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY ts, item_id) AS pos
FROM ordered
WHERE previous_item IS NULL OR previous_item <> item_id;

-- Views of the item looked at just before, with no other item between (the shopper went to a
-- list or another page and came straight back to it, or looked again): collapsed above, so
-- they are kept here, one row each, for next(a → a) at g = 1 in step 3. A cart or purchase
-- right after a view of the same item is the same look, not a second one.
CREATE TABLE repeat_views AS
WITH ordered AS (
  SELECT
    session_id, item_id, event,
    LAG(item_id) OVER (PARTITION BY session_id ORDER BY ts, item_id, event) AS previous_item
  FROM interactions
)
SELECT session_id, item_id
FROM ordered
WHERE event = 'view' AND previous_item = item_id;
