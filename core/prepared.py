"""Querysets compiled to SQL once per database connection, then run with new arguments.

Building and compiling a queryset costs the ORM ~0.3 ms; running the SQL it compiles to
costs a fraction of that. A query run on every request (the user of a token, one item by
id) is built with stand-ins for its arguments and compiled once per connection; each call
runs the same SQL with the real arguments. Rows become instances as the ORM's own
iteration makes them (ModelIterable): the compiler's converters, Model.from_db with the
selected columns (the others deferred), select_related() objects attached.
"""

import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence

from django.core.exceptions import EmptyResultSet, FullResultSet
from django.db import connections
from django.db.models import Model, QuerySet
from django.db.models.query import ModelIterable, get_related_populators
from django.db.models.sql import InsertQuery

# Compiled in place of an id (Prepared checks it is that argument's one parameter).
STAND_IN_ID = 2**62 + 7919


class Unpreparable(ValueError):
    """The queryset's SQL cannot be reused with other arguments."""


class Prepared:
    """A queryset's SQL, with the position of each stand-in among its parameters, and
    what turns its rows into instances."""

    def __init__(self, queryset: QuerySet, stand_ins: Sequence, connection, *,
                 aliases: bool = False) -> None:
        query = queryset.query
        # Annotations (the optimizer's, or aliases) may be built from the request's
        # variables; only a lookup that knows its aliases take stand-ins allows them.
        if (queryset._iterable_class is not ModelIterable or query.annotation_select
                or (query.annotations and not aliases) or query.extra
                or queryset._prefetch_related_lookups or query.combinator
                or queryset._known_related_objects):
            raise Unpreparable("only plain model querysets are prepared")
        compiler = query.get_compiler(connection=connection)
        try:
            sql, params = compiler.as_sql()
        except (EmptyResultSet, FullResultSet) as exc:
            raise Unpreparable("no SQL to reuse") from exc
        params = list(params)
        # Each stand-in exactly once, and no other parameter equal to one: then the SQL
        # takes the arguments unchanged, each in one place.
        if any(params.count(stand_in) != 1 for stand_in in stand_ins):
            raise Unpreparable("each argument must be exactly one parameter")
        self.sql, self.params = sql, params
        self.positions = [params.index(stand_in) for stand_in in stand_ins]
        select, klass_info = compiler.select, compiler.klass_info
        # Only what turning rows into instances needs is kept (not the compiler and its
        # query: ~20 KB a query, and caches keep up to a thousand per connection).
        self.converters = list(
            compiler.get_converters([column for column, _, _ in select]).items())
        self.model: type[Model] = klass_info["model"]
        fields = klass_info["select_fields"]
        self.start, self.end = fields[0], fields[-1] + 1
        self.init_list = [column[0].target.attname for column in select[self.start:self.end]]
        self.populators = get_related_populators(klass_info, select, connection.alias)
        self.alias = connection.alias

    def run(self, connection, args: Sequence) -> list[Model]:
        params = list(self.params)
        for position, value in zip(self.positions, args, strict=True):
            params[position] = value
        with connection.cursor() as cursor:
            cursor.execute(self.sql, params)
            rows = cursor.fetchall()
        if self.converters:
            rows = [self._converted(row, connection) for row in rows]
        objects = []
        for row in rows:
            obj = self.model.from_db(self.alias, self.init_list, row[self.start:self.end])
            for populator in self.populators:
                populator.populate(row, obj)
            objects.append(obj)
        return objects

    def _converted(self, row, connection) -> list:
        """As SQLCompiler.apply_converters converts a row."""
        row = list(row)
        for position, (converters, expression) in self.converters:
            value = row[position]
            for converter in converters:
                value = converter(value, expression, connection)
            row[position] = value
        return row


class PreparedQueries:
    """Prepared querysets by key, per connection, the least recently used dropped past
    maxsize. A key must name everything the queryset is built from but the arguments."""

    def __init__(self, maxsize: int = 1024) -> None:
        self.maxsize = maxsize
        self.by_connection: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

    def entry(self, key: Hashable, make: Callable[[], object], connection) -> object:
        """What is kept under key for connection, made by make() the first time."""
        entries = self.by_connection.get(connection)
        if entries is None:
            entries = self.by_connection[connection] = OrderedDict()
        kept = entries.get(key)
        if kept is None:
            kept = entries[key] = make()
            if len(entries) > self.maxsize:
                entries.popitem(last=False)
        else:
            entries.move_to_end(key)
        return kept

    def discard(self, key: Hashable, connection) -> None:
        self.by_connection.get(connection, {}).pop(key, None)

    def run(self, key: Hashable, build: Callable[..., QuerySet], stand_ins: Sequence,
            args: Sequence, *, using: str = "default") -> list[Model]:
        """The rows of build(*args), through SQL compiled from build(*stand_ins) once.
        A queryset that cannot be prepared runs through the ORM, each time."""
        connection = connections[using]

        def make() -> Prepared | bool:
            try:
                return Prepared(build(*stand_ins), stand_ins, connection)
            except Unpreparable:
                return False

        prepared = self.entry(key, make, connection)
        if prepared is False:
            return list(build(*args).using(using))
        return prepared.run(connection, args)


class PreparedLookup:
    """build(*args) -> a queryset of at most one row; first(*args) runs its SQL.

    Every argument must reach the SQL unchanged, as one parameter (checked when it is
    compiled): plain strings compared to a column or to a function of one (an alias,
    e.g. Lower(username), is allowed).
    """

    def __init__(self, build: Callable[..., QuerySet], arity: int) -> None:
        self.build = build
        self.stand_ins = [f"\x00prepared-argument-{n}\x00" for n in range(arity)]
        self.compiled: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

    def first(self, *args, using: str = "default") -> Model | None:
        connection = connections[using]
        prepared = self.compiled.get(connection)
        if prepared is None:
            try:
                prepared = Prepared(self.build(*self.stand_ins), self.stand_ins, connection,
                                    aliases=True)
            except Unpreparable as exc:
                raise ValueError(f"{self.build}: {exc}") from None
            self.compiled[connection] = prepared
        rows = prepared.run(connection, args)
        return rows[0] if rows else None


class Statement:
    """The one SQL statement a call ran, to run again: Statement.capture(call) gives
    call()'s result and the Statement (None when call ran no statement, or several)."""

    def __init__(self, sql: str, params: Sequence | None) -> None:
        self.sql, self.params = sql, params

    @classmethod
    def capture(cls, call: Callable[[], object], *, using: str = "default"):
        ran = []

        def record(execute, sql, params, many, context):
            ran.append((sql, None if params is None else list(params), many))
            return execute(sql, params, many, context)

        with connections[using].execute_wrapper(record):
            result = call()
        if len(ran) != 1 or ran[0][2]:
            return result, None
        return result, cls(ran[0][0], ran[0][1])

    def first_value(self, connection):
        """The first column of the first row it answers now (None without a row)."""
        with connection.cursor() as cursor:
            cursor.execute(self.sql, self.params)
            row = cursor.fetchone()
        return None if row is None else row[0]


# Fields whose Python value of these types is already what the driver takes.
_AS_STORED = {"IntegerField", "BigIntegerField", "SmallIntegerField", "PositiveIntegerField",
              "PositiveBigIntegerField", "CharField", "TextField", "BooleanField",
              "ForeignKey", "OneToOneField"}


class PreparedInsert:
    """Model.save() of a new instance (INSERT … RETURNING its key), with the INSERT
    compiled once per connection: save() compiles it each time, around signals and
    checks that a plain log entry needs none of (no expression values, no receivers).
    A backend that cannot return the key from an INSERT takes save()."""

    def __init__(self, model: type[Model]) -> None:
        meta = model._meta
        self.model = model
        self.fields = [field for field in meta.local_concrete_fields
                       if field is not meta.auto_field and not field.generated]
        self.plain = [field.get_internal_type() in _AS_STORED for field in self.fields]
        self.compiled: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

    def _compile(self, connection, obj: Model):
        if not connection.features.can_return_columns_from_insert:
            return False
        query = InsertQuery(self.model)
        query.insert_values(self.fields, [obj])
        compiler = query.get_compiler(connection=connection)
        compiler.returning_fields = [self.model._meta.pk]
        statements = compiler.as_sql()
        if len(statements) != 1 or len(statements[0][1]) != len(self.fields):
            return False
        return statements[0][0], compiler.returning_params

    def insert(self, obj: Model, *, using: str = "default") -> Model:
        connection = connections[using]
        values = [field.pre_save(obj, True) for field in self.fields]
        if any(hasattr(value, "resolve_expression") for value in values):
            obj.save(force_insert=True, using=using)
            return obj
        compiled = self.compiled.get(connection)
        if compiled is None:
            compiled = self.compiled[connection] = self._compile(connection, obj)
        if compiled is False:
            obj.save(force_insert=True, using=using)
            return obj
        sql, returning_params = compiled
        params = [
            value if plain and type(value) in (int, str, bool, type(None))
            else field.get_db_prep_save(value, connection)
            for field, plain, value in zip(self.fields, self.plain, values, strict=True)
        ]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            row = connection.ops.fetch_returned_insert_columns(cursor, returning_params)
        obj.pk = row[0]
        obj._state.adding = False
        obj._state.db = using
        return obj
