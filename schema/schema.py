"""The one schema: domain parts joined, with the optimizer and error codes registered once."""

import strawberry
from django.conf import settings
from graphql.validation import NoSchemaIntrospectionCustomRule
from strawberry.extensions import AddValidationRules
from strawberry.schema.config import StrawberryConfig
from strawberry_django.optimizer import DjangoOptimizerExtension

from schema.accounts.auth_mutations import AuthMutations
from schema.accounts.mutations import AccountMutations
from schema.accounts.queries import AccountQueries
from schema.errors import ErrorCodes
from schema.names import ContractNameConverter
from schema.scalars import SCALARS
from schema.stock.mutations import StockMutations
from schema.stock.queries import StockQueries


@strawberry.type(description="Reads. Everything but the token mutations needs a signed-in user.")
class Query(AccountQueries, StockQueries):
    pass


@strawberry.type(description="Writes.")
class Mutation(AuthMutations, AccountMutations, StockMutations):
    pass


class Schema(strawberry.Schema):
    def process_errors(self, errors, execution_context=None) -> None:
        """Logging happens in schema.errors, which knows which errors are unexpected."""


def _extensions() -> list:
    extensions: list = [ErrorCodes, DjangoOptimizerExtension]
    if not settings.GRAPHQL_INTROSPECTION:
        extensions.append(lambda: AddValidationRules([NoSchemaIntrospectionCustomRule]))
    return extensions


schema = Schema(
    query=Query,
    mutation=Mutation,
    extensions=_extensions(),
    config=StrawberryConfig(name_converter=ContractNameConverter(), scalar_map=SCALARS),
)
