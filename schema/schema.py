"""The one schema: domain parts joined, with the optimizer and error codes registered once."""

import strawberry
from django.conf import settings
from graphql.validation import NoSchemaIntrospectionCustomRule
from strawberry.extensions import AddValidationRules, ParserCache
from strawberry.schema.config import StrawberryConfig
from strawberry.schema.schema import DEFAULT_ALLOWED_OPERATION_TYPES

from schema import direct_mutations, fastpath, known_operations
from schema.accounts.auth_mutations import AuthMutations
from schema.accounts.mutations import AccountMutations
from schema.accounts.queries import AccountQueries
from schema.descriptions import describe
from schema.errors import ErrorCodes, format_error, is_write
from schema.extension_hooks import ExtensionsRunner
from schema.limits import limit_extensions
from schema.metrics import OperationOutcome
from schema.names import ContractNameConverter
from schema.optimizer import QuerysetOptimizer
from schema.scalars import SCALARS
from schema.stock.mutations import StockMutations
from schema.stock.operations import StockOperationMutations
from schema.stock.queries import StockQueries
from schema.stock.reports import StockReportQueries
from schema.stock.subscriptions import StockSubscriptions
from schema.validation import RequestValidation


@strawberry.type(description="Reads. Everything but the token mutations needs a signed-in user.")
class Query(AccountQueries, StockQueries, StockReportQueries):
    pass


@strawberry.type(description="Writes.")
class Mutation(AuthMutations, AccountMutations, StockMutations, StockOperationMutations):
    pass


@strawberry.type(description="Live updates over the graphql-transport-ws websocket protocol.")
class Subscription(StockSubscriptions):
    pass


class Schema(strawberry.Schema):
    def process_errors(self, errors, execution_context=None) -> None:
        """Some errors reach only this hook: subscription frames, and parse errors raised
        before the ErrorCodes extension's operation hook completes. Give them their
        codes here, in place. format_error is idempotent and does the logging."""
        write = execution_context is not None and is_write(execution_context)
        errors[:] = [format_error(error, write=write) for error in errors]

    def execute_sync(self, query, variable_values=None, context_value=None,
                     root_value=None, operation_name=None, allowed_operation_types=None,
                     operation_extensions=None):
        """A document validated before runs at once (schema/known_operations.py)."""
        allowed = (DEFAULT_ALLOWED_OPERATION_TYPES if allowed_operation_types is None
                   else allowed_operation_types)
        known = known_operations.find(query, operation_name, variable_values, allowed)
        if known is None:
            return super().execute_sync(
                query, variable_values=variable_values, context_value=context_value,
                root_value=root_value, operation_name=operation_name,
                allowed_operation_types=allowed_operation_types,
                operation_extensions=operation_extensions)
        return known_operations.run(self, known, variables=variable_values,
                                    context=context_value, root_value=root_value,
                                    operation_extensions=operation_extensions)

    def create_extensions_runner(self, execution_context, extensions):
        return ExtensionsRunner(execution_context=execution_context, extensions=extensions)


def _extensions() -> list:
    # Parsing and validating a document cost more than running a small query: both are
    # cached by the document's text (bounded LRU caches).
    extensions: list = [
        OperationOutcome,
        ErrorCodes,
        *limit_extensions(),
        lambda: ParserCache(maxsize=512),
        lambda: RequestValidation(maxsize=512),
        QuerysetOptimizer,
    ]
    if not settings.GRAPHQL_INTROSPECTION:
        extensions.append(lambda: AddValidationRules([NoSchemaIntrospectionCustomRule]))
    return extensions


schema = Schema(
    query=Query,
    mutation=Mutation,
    subscription=Subscription,
    extensions=_extensions(),
    config=StrawberryConfig(name_converter=ContractNameConverter(), scalar_map=SCALARS),
    execution_context_class=fastpath.FastExecutor,
)
describe(schema._schema)
# Plain columns resolved by graphql-core directly (schema/fastpath.py), plain mutations
# without strawberry's per-field wrapper (schema/direct_mutations.py).
fastpath.install(schema)
direct_mutations.install(schema)
