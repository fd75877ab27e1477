"""The one schema: domain parts joined, with the optimizer and error codes registered once."""

import strawberry
from django.conf import settings
from graphql.validation import NoSchemaIntrospectionCustomRule
from strawberry.extensions import AddValidationRules
from strawberry_django.optimizer import DjangoOptimizerExtension

from schema.accounts.auth_mutations import AuthMutations
from schema.accounts.queries import AccountQueries
from schema.errors import ErrorCodes


@strawberry.type(description="Reads.")
class Query(AccountQueries):
    pass


@strawberry.type(description="Writes.")
class Mutation(AuthMutations):
    pass


class Schema(strawberry.Schema):
    def process_errors(self, errors, execution_context=None) -> None:
        """Logging happens in schema.errors, which knows which errors are unexpected."""


def _extensions() -> list:
    extensions: list = [ErrorCodes, DjangoOptimizerExtension]
    if not settings.GRAPHQL_INTROSPECTION:
        extensions.append(lambda: AddValidationRules([NoSchemaIntrospectionCustomRule]))
    return extensions


schema = Schema(query=Query, mutation=Mutation, extensions=_extensions())
