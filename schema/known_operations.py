"""Operations whose document was validated before, executed by graphql-core at once.

strawberry runs every operation through its schema extensions: seven instances made per
request, their parse and validate stages (answered from caches for a document seen
before) and its execution context: ~60 µs of a small mutation's ~125 µs in execute_sync.
When the same text comes again, under the same limits, with one operation and no
directive, Schema.execute_sync (schema/schema.py) runs it here instead, doing what those
extensions do for a valid document, in their order:

- the hostile-input check of the variables and literals (RequestValidation);
- graphql-core's execution with the optimizer active (QuerysetOptimizer's on_execute);
- the errors given their codes (process_errors and ErrorCodes: format_error);
- the operation and its outcome named for the request metrics (OperationOutcome).

Everything else (a new text, a refused one, other limits, several operations, a
directive, a subscription, an operation type the transport does not allow, hostile
input) takes strawberry's path, which answers it exactly as before. The schema's
extensions are pinned by tests/schema/test_known_operations.py: one added there must be
added here too.
"""

import threading
from collections import OrderedDict
from inspect import isawaitable
from typing import NamedTuple

from django.conf import settings
from graphql import DirectiveNode, GraphQLError, OperationDefinitionNode, Visitor, execute, visit
from strawberry.execution import optimized_is_awaitable
from strawberry.types import ExecutionResult
from strawberry.types.graphql import OperationType
from strawberry_django.optimizer import optimizer

from core.metrics import operation_label
from schema.errors import format_error
from schema.fastpath import FastExecutor
from schema.optimizer import QuerysetOptimizer
from schema.validation import document_error

MAXSIZE = 512  # like the parse and validation caches


class Known(NamedTuple):
    document: object
    operation_type: OperationType
    name: str | None


_known: "OrderedDict[tuple, Known]" = OrderedDict()
_lock = threading.Lock()
enabled = True  # tests switch it off to compare with strawberry's path


def _limits() -> tuple:
    """What a document's parse and validation depended on, besides its text."""
    return (settings.GRAPHQL_MAX_TOKENS, settings.GRAPHQL_MAX_DEPTH,
            settings.GRAPHQL_MAX_ALIASES)


class _HasDirective(Visitor):
    found = False

    def enter_directive(self, node: DirectiveNode, *_):
        self.found = True
        return self.BREAK


def remember(query, document) -> None:
    """The document of query passed validation (RequestValidation calls this)."""
    if not isinstance(query, str):
        return
    operations = [definition for definition in document.definitions
                  if isinstance(definition, OperationDefinitionNode)]
    if len(operations) != 1:
        return
    directives = _HasDirective()
    visit(document, directives)
    if directives.found:
        return
    operation = operations[0]
    known = Known(document, OperationType(operation.operation.value),
                  operation.name.value if operation.name else None)
    if known.operation_type is OperationType.SUBSCRIPTION:
        return
    key = (query, _limits())
    with _lock:
        _known[key] = known
        _known.move_to_end(key)
        if len(_known) > MAXSIZE:
            _known.popitem(last=False)


def find(query, operation_name, variables, allowed) -> Known | None:
    """The known operation this request asks for, if it may run here."""
    if not enabled or not isinstance(query, str):
        return None
    known = _known.get((query, _limits()))
    if known is None or known.operation_type not in allowed:
        return None
    if operation_name is not None and operation_name != known.name:
        return None
    if document_error(known.document, variables, query) is not None:
        return None
    return known


def run(schema, known: Known, *, variables, context, root_value,
        operation_extensions) -> ExecutionResult:
    token = optimizer.set(QuerysetOptimizer())
    try:
        result = execute(
            schema._schema, known.document, root_value=root_value, context_value=context,
            variable_values=variables, operation_name=known.name,
            executor_class=FastExecutor, is_awaitable=optimized_is_awaitable,
            is_async_iterable=lambda _value: False, operation_extensions=operation_extensions,
        )
        if isawaitable(result):
            result.close()
            raise RuntimeError("GraphQL execution failed to complete synchronously.")
        data, errors = result.data, result.errors
    except Exception as exc:  # noqa: BLE001 - strawberry's answer to the same failure
        data = None
        errors = [exc if isinstance(exc, GraphQLError) else
                  GraphQLError(str(exc), original_error=exc)]
    finally:
        optimizer.reset(token)
    if errors:
        write = known.operation_type is OperationType.MUTATION
        errors = [format_error(error, write=write) for error in errors]
    request = getattr(context, "request", None)
    if request is not None and hasattr(request, "META"):
        outcome = (errors[0].extensions or {}).get("code", "BAD_USER_INPUT") if errors else "OK"
        request.graphql_outcome = (operation_label(known.name), outcome)
    return ExecutionResult(data=data, errors=errors or None, extensions={})
