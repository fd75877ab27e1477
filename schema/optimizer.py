"""strawberry-django's optimizer, applied where querysets are built, not around every field,
with its plan kept per selection.

DjangoOptimizerExtension also hooks `resolve`, which makes it a middleware wrapped
around every field of every result row (~25 µs each: a 100-row page has 600 fields),
only to optimize querysets that *resolvers* return. Ours never return one: list and
page fields (schema.fields.ApiField) optimize through the context this extension sets
in on_execute, and single lookups (schema.convert.get_one) call optimize() themselves.
tests/schema/test_queries.py asserts the query counts that this keeps.

Planning (walking the selection for the columns to load and the relations to join)
costs more than applying the plan. A plan of only() and select_related() depends on
nothing but the selection, so it is kept per (document, operation, field path, model,
config) in a bounded cache and applied again. A plan with prefetches or annotations
(querysets built for the viewer, with the request's arguments) and a document with
directives (@include(if: $var) makes the selection depend on variables) are planned
anew every time, as before.
"""

import dataclasses
import hashlib
from collections import OrderedDict
from threading import Lock

from django.db.models import QuerySet
from django.db.models.manager import BaseManager
from strawberry.extensions import SchemaExtension
from strawberry.types import Info
from strawberry_django.optimizer import (
    DjangoOptimizerExtension,
    OptimizerConfig,
    OptimizerStore,
    is_optimized,
    optimize,
)
from strawberry_django.queryset import get_queryset_config

PLANS_MAX = 1024
_plans: OrderedDict = OrderedDict()
_plans_lock = Lock()


class _CapturingStore(OptimizerStore):
    """Collects the plan optimize() makes (an empty store would be replaced)."""

    def __bool__(self) -> bool:
        return True


def _document_key(source) -> bytes | None:
    """A digest of the document's text, once per parsed document: the caches keyed by
    selections keep 16 bytes, not documents of up to GRAPHQL_MAX_BODY_BYTES each. None
    for a document with directives (@include(if: $var) makes the selection depend on
    variables)."""
    kept = vars(source)
    key = kept.get("_selection_key", False)
    if key is False:
        body = source.body
        key = None if "@" in body else hashlib.blake2b(
            body.encode("utf-8", "surrogatepass"), digest_size=16).digest()
        kept["_selection_key"] = key
    return key


def selection_key(info) -> tuple | None:
    """What a field's selection depends on: (document, operation, field path, parent
    type); None for a document with directives. info: graphql-core's or strawberry's."""
    info = info._raw_info if isinstance(info, Info) else info
    operation = info.operation
    if operation.loc is None or (document := _document_key(operation.loc.source)) is None:
        return None
    path = tuple(key for key in info.path.as_list() if isinstance(key, str))
    return (document, operation.name.value if operation.name else None, path,
            info.parent_type.name)


def _plan_key(qs: QuerySet, info, config: OptimizerConfig):
    selection = selection_key(info)
    if selection is None or qs.query.combinator:
        return None
    return (*selection, qs.model, dataclasses.astuple(config))


def planned_optimize(qs, info, *, config: OptimizerConfig | None = None) -> QuerySet:
    """optimize(qs, info, config=config), planning each selection once (module doc)."""
    if isinstance(qs, BaseManager):
        qs = qs.all()
    raw_info = info._raw_info if isinstance(info, Info) else info
    if (not isinstance(qs, QuerySet) or is_optimized(qs) or qs._result_cache is not None
            or (key := _plan_key(qs, raw_info, config or OptimizerConfig())) is None):
        return optimize(qs, info, config=config)
    config = config or OptimizerConfig()
    store = _plans.get(key)
    if store is None:
        store = _CapturingStore()
        qs = optimize(qs, info, config=config, store=store)
        # Prefetches are planned even when the config leaves them out: then they are not
        # part of the plan.
        if not store.annotate and not (store.prefetch_related
                                       and config.enable_prefetch_related):
            plan = OptimizerStore(only=store.only, select_related=store.select_related)
            with _plans_lock:
                _plans[key] = plan
                if len(_plans) > PLANS_MAX:
                    _plans.popitem(last=False)
        return qs
    qs = store.apply(qs, info=raw_info, config=config)
    get_queryset_config(qs).optimized = True
    return qs


class QuerysetOptimizer(DjangoOptimizerExtension):
    resolve = SchemaExtension.resolve

    def optimize(self, qs, info, *, store=None):
        if store is not None or not self.enabled.get():
            return super().optimize(qs, info, store=store)
        config = OptimizerConfig(
            enable_only=self.enable_only and info.operation.operation.value == "query",
            enable_select_related=self.enable_select_related,
            enable_prefetch_related=self.enable_prefetch_related,
            enable_annotate=self.enable_annotate_optimization,
            prefetch_custom_queryset=self.prefetch_custom_queryset,
        )
        return planned_optimize(qs, info, config=config)
