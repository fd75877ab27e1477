"""schema.extension_hooks runs schema extensions' hooks exactly as strawberry's own runner
does: the same stages in the same order, generator and plain hooks, errors seen by the
hooks, and the extensions' results."""

import pytest
import strawberry
from strawberry.extensions import SchemaExtension

from schema.extension_hooks import ExtensionsRunner
from schema.schema import schema as our_schema


def _schema_with(events: list, runner: bool):
    class Recording(SchemaExtension):
        def on_operation(self):
            events.append("operation enter")
            yield
            result = self.execution_context.result
            events.append(f"operation exit errors={bool(result and result.errors)}")

        def on_parse(self):
            events.append("parse")  # a plain hook, not a generator

        def on_execute(self):
            events.append("execute enter")
            try:
                yield
            finally:
                events.append("execute exit")

        def get_results(self):
            return {"recorded": len(events)}

    class Second(SchemaExtension):
        def on_operation(self):
            events.append("second enter")
            yield
            events.append("second exit")

    @strawberry.type
    class Query:
        @strawberry.field
        def ok(self) -> int:
            events.append("resolve")
            return 1

        @strawberry.field
        def fails(self) -> int:
            raise ValueError("no")

    class Plain(strawberry.Schema):
        pass

    class Ours(strawberry.Schema):
        def create_extensions_runner(self, execution_context, extensions):
            return ExtensionsRunner(execution_context=execution_context, extensions=extensions)

    return (Ours if runner else Plain)(query=Query, extensions=[Recording, Second])


@pytest.mark.parametrize("query", ["{ ok }", "{ fails }", "{ nope }", "{ ok"])
def test_the_same_hooks_in_the_same_order_as_strawberrys_runner(query):
    seen = {}
    for runner in (False, True):
        events: list = []
        result = _schema_with(events, runner).execute_sync(query)
        seen[runner] = (events, result.data, [e.message for e in result.errors or []],
                        result.extensions)
    assert seen[True] == seen[False]
    assert seen[True][0][:2] == ["operation enter", "second enter"]


def test_the_schema_uses_it():
    runner = our_schema.create_extensions_runner(None, [])
    assert isinstance(runner, ExtensionsRunner)
