"""Benchmark of the stock operations (issue #13): `python -m bench.stock_ops`.

In a fresh PostgreSQL database: one owner with 20,000 items and 1,000,000 log rows over
a year, and one item with 10,000 changes. Measures, through the schema at one
connection (no HTTP): stockMovements over the last 30 days grouped by ITEM and by DAY,
and quantityAt on the 10,000-change item; shows their query plans (EXPLAIN ANALYZE);
then imports a 100,000-row CSV (all new items) and re-imports it changing every
quantity. Writes bench/results/<time>-stock-ops.md.

`--database NAME` keeps the seeded database for the next run (seeding takes minutes):
an existing NAME that was seeded is reused, and the imports are then rolled back so it
stays as seeded (their commit, and the live events published after it, are then not
timed). `--skip-import` measures the reads only.
"""

import argparse
import io
import os
import resource
import statistics
import subprocess
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
PG = "postgres://postgres@127.0.0.1:5432"
SECRET = "bench-only-secret-key-long-enough-for-hs256-and-hs512-0123456789abcdef"

MOVEMENTS = """query($from: DateTime!, $to: DateTime!, $by: MovementGroup) {
  stockMovements(from: $from, to: $to, groupBy: $by, pagination: {limit: 20}) {
    totalCount results { group itemName inbound outbound net changes
                         byReason { reason net changes } } } }"""
QUANTITY_AT = "query($id: ID!, $at: DateTime!) { item(id: $id) { quantityAt(at: $at) } }"


def seed(items: int, log_rows: int, hot_changes: int) -> dict:
    """Items with chains of equal length (INITIAL 100, then +3/-2 alternating) spread over
    the last 365 days, and one hot item with hot_changes changes."""
    from django.db import connection, transaction

    from accounts.models import Role, User

    per_item = log_rows // items
    with transaction.atomic():
        owner = User.objects.create(username="ops_owner", email="ops@bench.example",
                                    role=Role.OWNER)
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL statement_timeout = 0")
            for count, steps, prefix in ((items, per_item, "Item"), (1, hot_changes, "Hot")):
                cursor.execute(
                    """
                    INSERT INTO stock_inventoryitem (owner_id, name, description, sku, quantity,
                        price, category, low_stock_threshold, date_added, last_updated)
                    SELECT %s, %s || ' ' || n, '', %s || '-' || n,
                           100 + ((%s - 1) / 2) + ((%s - 1) %% 2) * 3,
                           (n %% 1000) + 0.99, 'Category ' || (n %% 40), 5,
                           now() - interval '365 days', now()
                    FROM generate_series(1, %s) AS n
                    """, [owner.pk, prefix, prefix, steps, steps, count])
            cursor.execute(
                """
                INSERT INTO stock_itemchange (item_id, item_key, item_name, owner_id, user_id,
                    username, old_quantity, new_quantity, delta, reason, note,
                    request_fingerprint, timestamp)
                SELECT i.id, i.id, i.name, i.owner_id, i.owner_id, 'ops_owner',
                       CASE WHEN s = 0 THEN 0 ELSE 100 + ((s - 1) / 2) + ((s - 1) %% 2) * 3 END,
                       100 + (s / 2) + (s %% 2) * 3,
                       100 + (s / 2) + (s %% 2) * 3
                         - CASE WHEN s = 0 THEN 0 ELSE 100 + ((s - 1) / 2) + ((s - 1) %% 2) * 3 END,
                       CASE WHEN s = 0 THEN 'INITIAL' WHEN s %% 2 = 1 THEN 'RECEIVED'
                            WHEN s %% 10 = 0 THEN 'COUNT_CORRECTION' ELSE 'SOLD' END,
                       '', '',
                       now() - interval '365 days'
                         + (s + (i.id %% 997) / 997.0) * (interval '365 days' / c.steps)
                FROM stock_inventoryitem i
                JOIN LATERAL (SELECT CASE WHEN i.name LIKE 'Hot %%' THEN %s ELSE %s END AS steps)
                     c ON true
                CROSS JOIN LATERAL generate_series(0, c.steps - 1) AS s
                WHERE i.owner_id = %s
                ORDER BY i.id, s
                """, [hot_changes, per_item, owner.pk])
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE stock_inventoryitem")
        cursor.execute("VACUUM ANALYZE stock_itemchange")
        cursor.execute("SELECT count(*) FROM stock_itemchange")
        rows = cursor.fetchone()[0]
    from stock.models import InventoryItem

    hot = InventoryItem.objects.get(owner=owner, name="Hot 1")
    return {"owner": owner, "hot": hot, "log_rows": rows}


def seeded() -> dict | None:
    """The world of an earlier seed of this database, or None."""
    from django.db import connection

    from accounts.models import User
    from stock.models import InventoryItem

    owner = User.objects.filter(username="ops_owner").first()
    if owner is None:
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM stock_itemchange")
        rows = cursor.fetchone()[0]
    return {"owner": owner, "hot": InventoryItem.objects.get(owner=owner, name="Hot 1"),
            "log_rows": rows}


def run_query(query: str, variables: dict, user):
    from django.test import RequestFactory
    from strawberry.django.context import StrawberryDjangoContext

    from schema.schema import schema

    request = RequestFactory().post("/graphql/")
    request.user = user
    result = schema.execute_sync(query, variable_values=variables,
                                 context_value=StrawberryDjangoContext(request=request,
                                                                       response=None))
    assert not result.errors, result.errors
    return result.data


def timed(query: str, variables: dict, user, runs: int) -> dict:
    run_query(query, variables, user)  # warm
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        run_query(query, variables, user)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return {"runs": runs, "p50_ms": round(statistics.median(times), 1),
            "p99_ms": round(times[min(len(times) - 1, int(len(times) * 0.99))], 1)}


def plans(query: str, variables: dict, user) -> list[str]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        run_query(query, variables, user)
    out = []
    with connection.cursor() as cursor:
        for statement in captured.captured_queries:
            sql = statement["sql"]
            if "stock_itemchange" not in sql or not sql.lstrip().upper().startswith("SELECT"):
                continue
            cursor.execute(f"EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) {sql}")
            out.append("\n".join(row[0] for row in cursor.fetchall()))
    return out


def import_bench(rows: int, *, roll_back: bool) -> dict:
    """A new owner imports (the measured owner's log stays as seeded)."""
    from django.db import transaction

    from accounts.models import Role, User

    if roll_back:
        with transaction.atomic():
            out = import_bench(rows, roll_back=False)
            transaction.set_rollback(True)
        return out
    from stock.imports import import_items

    owner = User.objects.create(username=f"ops_importer_{os.getpid()}", role=Role.OWNER,
                                email=f"importer{os.getpid()}@bench.example")
    header = "sku,name,category,price,quantity,description\n"
    first = header + "".join(f"IMP-{n},Imported {n},Cat {n % 50},{n % 900}.50,{n % 70},"
                             f"\"a description, with a comma\"\n" for n in range(rows))
    second = header + "".join(f"IMP-{n},Imported {n},Cat {n % 50},{n % 900}.50,{n % 70 + 1},"
                              f"\"a description, with a comma\"\n" for n in range(rows))
    out = {"rows": rows, "file_mb": round(len(first) / 2**20, 1)}
    for label, text in (("create", first), ("update", second)):
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        started = time.perf_counter()
        result = import_items(actor=owner, file=io.BytesIO(text.encode()))
        seconds = time.perf_counter() - started
        assert result.applied, result.errors[:3]
        out[label] = {"seconds": round(seconds, 1), "created": result.created,
                      "updated": result.updated,
                      "peak_rss_growth_mb": round(
                          (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before)
                          / 1024, 1)}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--items", type=int, default=20_000)
    parser.add_argument("--log-rows", type=int, default=1_000_000)
    parser.add_argument("--hot-changes", type=int, default=10_000)
    parser.add_argument("--import-rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--database", help="keep (or reuse) this database")
    parser.add_argument("--skip-import", action="store_true")
    args = parser.parse_args()

    database = args.database or f"bench_stock_ops_{os.getpid()}"
    os.environ.update({"DATABASE_URL": f"{PG}/{database}", "SECRET_KEY": SECRET,
                       "DEBUG": "false", "DB_POOL": "false", "REDIS_URL": "",
                       "DB_STATEMENT_TIMEOUT_MS": "60000",
                       "DJANGO_SETTINGS_MODULE": "config.settings"})
    created = subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", database],
                             check=args.database is None, capture_output=True).returncode == 0
    try:
        import django

        django.setup()
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        world = None if created else seeded()
        started = time.monotonic()
        if world is None:
            world = seed(args.items, args.log_rows, args.hot_changes)
        report = {"seeded_in_s": round(time.monotonic() - started, 1),
                  "log_rows": world["log_rows"], "items": args.items}
        owner, hot = world["owner"], world["hot"]
        now = datetime.now(UTC)
        month = {"from": (now - timedelta(days=30)).isoformat(), "to": now.isoformat()}
        at = {"id": hot.pk, "at": (now - timedelta(days=100)).isoformat()}
        report["movements_item"] = timed(MOVEMENTS, {**month, "by": "ITEM"}, owner, args.runs)
        report["movements_day"] = timed(MOVEMENTS, {**month, "by": "DAY"}, owner, args.runs)
        report["quantity_at"] = timed(QUANTITY_AT, at, owner, args.runs * 4)
        report["plans"] = {
            "movements_item": plans(MOVEMENTS, {**month, "by": "ITEM"}, owner),
            "movements_day": plans(MOVEMENTS, {**month, "by": "DAY"}, owner),
            "quantity_at": plans(QUANTITY_AT, at, owner),
        }
        if not args.skip_import:
            report["import"] = import_bench(args.import_rows, roll_back=not created)
        write_report(report)
    finally:
        from django.db import connections

        connections.close_all()
        if args.database is None:
                subprocess.run(["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists",
                            "--force", database], check=False)


def write_report(report: dict) -> None:
    lines = [f"# Stock operations benchmark, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC", "",
             f"{report['items']:,} items, {report['log_rows']:,} log rows "
             f"(seeded in {report['seeded_in_s']} s); one connection, through the schema.", "",
             "| workload | runs | p50 ms | p99 ms |", "|---|---|---|---|"]
    for name in ("movements_item", "movements_day", "quantity_at"):
        r = report[name]
        lines.append(f"| {name} | {r['runs']} | {r['p50_ms']} | {r['p99_ms']} |")
    imp = report.get("import", {"rows": 0, "file_mb": 0})
    lines += ["", f"Import of {imp['rows']:,} rows ({imp['file_mb']} MB):"]
    for label in ("create", "update") if imp["rows"] else ():
        r = imp[label]
        lines.append(f"- {label}: {r['seconds']} s (created {r['created']:,}, updated "
                     f"{r['updated']:,}; peak RSS growth {r['peak_rss_growth_mb']} MB)")
    lines += ["", "## Query plans (EXPLAIN ANALYZE)"]
    for name, statements in report["plans"].items():
        for plan in statements:
            lines += ["", f"### {name}", "```", plan, "```"]
    text = "\n".join(lines) + "\n"
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"{datetime.now(UTC):%Y%m%dT%H%M%S%z}-stock-ops.md"
    path.write_text(text)
    print(text)
    print(f"written to {path}")


if __name__ == "__main__":
    main()
