"""A queryset compiled to SQL once per database connection, then run with new arguments.

Building and compiling a queryset costs the ORM ~0.3 ms; running the SQL it compiles to
costs a fraction of that. A lookup run on every request (the user of a token) is
compiled once per connection, with stand-ins for its arguments, and each call runs
the same SQL with the real arguments. The rows pass through the compiler's converters
and Model.from_db as the ORM's own iteration does: the instances are the same.
"""

import weakref
from collections.abc import Callable

from django.db import connections
from django.db.models import Model, QuerySet


class PreparedLookup:
    """build(*args) -> a queryset of at most one row; first(*args) runs its SQL.

    Every argument must reach the SQL unchanged, as one parameter (checked when it is
    compiled): plain strings and numbers compared to a column or to a function of one.
    """

    def __init__(self, build: Callable[..., QuerySet], arity: int) -> None:
        self.build = build
        self.arity = arity
        self.compiled: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

    def _compile(self, connection):
        stand_ins = [f"\x00prepared-argument-{n}\x00" for n in range(self.arity)]
        queryset = self.build(*stand_ins)
        model: type[Model] = queryset.model
        attnames = [field.attname for field in model._meta.concrete_fields]
        query = queryset.values_list(*attnames).query
        compiler = query.get_compiler(connection=connection)
        sql, params = compiler.as_sql()
        if sorted(params) != sorted(stand_ins) or len(set(params)) != len(params):
            raise ValueError(f"{self.build}: each argument must be exactly one parameter")
        order = [stand_ins.index(param) for param in params]
        converters = compiler.get_converters([column for column, _, _ in compiler.select])
        entry = (sql, order, compiler, converters, model, attnames)
        self.compiled[connection] = entry
        return entry

    def first(self, *args, using: str = "default") -> Model | None:
        connection = connections[using]
        entry = self.compiled.get(connection) or self._compile(connection)
        sql, order, compiler, converters, model, attnames = entry
        with connection.cursor() as cursor:
            cursor.execute(sql, [args[n] for n in order])
            row = cursor.fetchone()
        if row is None:
            return None
        if converters:
            row = next(compiler.apply_converters([row], converters))
        return model.from_db(using, attnames, row)
