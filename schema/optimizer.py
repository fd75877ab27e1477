"""strawberry-django's optimizer, applied where querysets are built, not around every field.

DjangoOptimizerExtension also hooks `resolve`, which makes it a middleware wrapped
around every field of every result row (~25 µs each: a 100-row page has 600 fields),
only to optimize querysets that *resolvers* return. Ours never return one: list and
page fields (schema.fields.ApiField) optimize through the context this extension sets
in on_execute, and single lookups (schema.convert.get_one) call optimize() themselves.
tests/schema/test_queries.py asserts the query counts that this keeps.
"""

from strawberry.extensions import SchemaExtension
from strawberry_django.optimizer import DjangoOptimizerExtension


class QuerysetOptimizer(DjangoOptimizerExtension):
    resolve = SchemaExtension.resolve
