"""Bulk writes of many rows of one table, as the import needs them: COPY on PostgreSQL,
Django's bulk statements elsewhere (SQLite, the development default). Rows are tuples
of column values, ready for the database."""

from django.db import connection

_SEQUENCE_IDS = "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)"


def _postgres() -> bool:
    return connection.vendor == "postgresql"


def insert(model, columns: tuple[str, ...], rows: list[tuple]) -> list[int]:
    """Insert rows (values in the order of columns, which are attnames); their new ids,
    in the order of rows and growing."""
    if not rows:
        return []
    if not _postgres():
        objects = [model(**dict(zip(columns, row, strict=True))) for row in rows]
        model.objects.bulk_create(objects)
        return [obj.pk for obj in objects]
    table = model._meta.db_table
    with connection.cursor() as cursor:
        # COPY returns nothing: the ids are taken from the table's sequence first.
        cursor.execute(_SEQUENCE_IDS, [table, len(rows)])
        ids = sorted(pk for (pk,) in cursor.fetchall())
        names = ", ".join(connection.ops.quote_name(name) for name in ("id", *columns))
        with (connection.wrap_database_errors,
              cursor.copy(f"COPY {connection.ops.quote_name(table)} ({names}) FROM STDIN")
              as copy):
            for pk, row in zip(ids, rows, strict=True):
                copy.write_row((pk, *row))
    return ids


def update(model, columns: tuple[str, ...], rows: list[tuple]) -> None:
    """Set columns of existing rows: each row is (id, *values in the order of columns)."""
    if not rows:
        return
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    with connection.cursor() as cursor:
        if not _postgres():
            # One UPDATE per row, sent as a batch (QuerySet.bulk_update builds a CASE per
            # column and row, which costs seconds per thousand rows).
            assignments = ", ".join(f"{quote(name)} = %s" for name in columns)
            cursor.executemany(f"UPDATE {table} SET {assignments} WHERE id = %s",
                               [(*values, pk) for pk, *values in rows])
            return
        # The rows are copied into a temporary table of the same column types, then
        # applied by one UPDATE ... FROM.
        staging = quote(f"{model._meta.db_table}_bulk_update")
        names = ", ".join(quote(name) for name in ("id", *columns))
        cursor.execute(f"CREATE TEMPORARY TABLE IF NOT EXISTS {staging} ON COMMIT DROP AS "
                       f"SELECT {names} FROM {table} WITH NO DATA")
        cursor.execute(f"TRUNCATE {staging}")
        with connection.wrap_database_errors, cursor.copy(
                f"COPY {staging} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        assignments = ", ".join(f"{quote(name)} = s.{quote(name)}" for name in columns)
        cursor.execute(f"UPDATE {table} SET {assignments} FROM {staging} AS s "
                       f"WHERE {table}.id = s.id")
