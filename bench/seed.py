"""The benchmark's fixed dataset, inserted with SQL (seconds even at a million rows).

2 owners and 4 workers; owner A has `items` items over 40 categories, owner B 500;
every item's change log is a valid chain (INITIAL, then one or two adjustments),
about 50,000 rows at the default scale. Prices and quantities are deterministic.
"""

from django.contrib.auth.hashers import make_password
from django.db import connection, transaction

from accounts.models import Role, User

PASSWORD = "bench-password-1"
CATEGORIES = 40


def seed(items: int) -> dict:
    with transaction.atomic():
        password = make_password(PASSWORD)
        owner_a = User.objects.create(username="bench_owner_a", email="a@bench.example",
                                      password=password, role=Role.OWNER)
        owner_b = User.objects.create(username="bench_owner_b", email="b@bench.example",
                                      password=password, role=Role.OWNER)
        workers = [
            User.objects.create(username=f"bench_worker_{n}", email=f"w{n}@bench.example",
                                password=password, role=Role.WORKER,
                                employer=owner_a if n < 2 else owner_b)
            for n in range(4)
        ]
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL statement_timeout = 0")  # one INSERT of ~1M rows
            _items(cursor, owner_a.pk, items, offset=0)
            _items(cursor, owner_b.pk, 500, offset=items)
            _changes(cursor, owner_a.username)
    # Outside the transaction: VACUUM sets the visibility map (index-only scans), as
    # autovacuum would on a live database; ANALYZE gives the planner the statistics.
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE stock_inventoryitem")
        cursor.execute("VACUUM ANALYZE stock_itemchange")
    return {"owner_a": owner_a, "owner_b": owner_b, "workers": workers}


def _items(cursor, owner_id: int, count: int, *, offset: int) -> None:
    # a and b (the two adjustments) are folded into the quantity so the chain holds.
    cursor.execute(
        """
        INSERT INTO stock_inventoryitem
            (owner_id, name, description, sku, quantity, price, category,
             low_stock_threshold, date_added, last_updated)
        SELECT %s,
               'Item ' || lpad((n + %s)::text, 7, '0'),
               'Benchmark item ' || (n + %s),
               'SKU-' || (n + %s),
               ((n * 7919) %% 500) + ((n * 7) %% 13 + 1) + ((n * 3) %% 5 + 1),
               round((((n * 104729) %% 100000) / 100.0)::numeric, 2),
               'Category ' || lpad(((n * 31) %% %s)::text, 2, '0'),
               5,
               now() - make_interval(secs => %s - n),
               now() - make_interval(secs => %s - n)
        FROM generate_series(1::bigint, %s::bigint) AS n
        """,
        [owner_id, offset, offset, offset, CATEGORIES, count, count, count],
    )


def _changes(cursor, username: str) -> None:
    """INITIAL for every item, +a for every item, +b for the first 9,000 of owner A's."""
    cursor.execute(
        """
        WITH numbered AS (
            SELECT i.id, i.owner_id, i.name, i.quantity, i.date_added,
                   row_number() OVER (ORDER BY i.id) AS n
            FROM stock_inventoryitem i
        ), parts AS (
            SELECT *, ((n * 7) %% 13 + 1) AS a,
                   CASE WHEN n <= 9000 THEN ((n * 3) %% 5 + 1) ELSE 0 END AS b
            FROM numbered
        )
        INSERT INTO stock_itemchange
            (item_id, item_key, item_name, owner_id, user_id, username, old_quantity, new_quantity,
             delta, reason, note, idempotency_key, request_fingerprint, timestamp)
        SELECT id, id, name, owner_id, owner_id, %s, old_q, new_q, new_q - old_q, reason, '',
               NULL, '', date_added + make_interval(secs => step)
        FROM (
            SELECT id, name, owner_id, date_added, 0 AS old_q, quantity - a - b AS new_q,
                   'INITIAL' AS reason, 0 AS step FROM parts
            UNION ALL
            SELECT id, name, owner_id, date_added, quantity - a - b, quantity - b,
                   'RECEIVED', 1 FROM parts
            UNION ALL
            SELECT id, name, owner_id, date_added, quantity - b, quantity,
                   'RECEIVED', 2 FROM parts WHERE b > 0
        ) AS chain
        ORDER BY id, step
        """,
        [username],
    )
