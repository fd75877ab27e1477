"""Query limits (settings GRAPHQL_MAX_DEPTH, _ALIASES, _TOKENS): strawberry's limiters,
with their errors tagged QUERY_TOO_COMPLEX and naming the limit."""

import functools

from django.conf import settings
from graphql import GraphQLError, ValidationContext, ValidationRule
from strawberry.extensions import (
    AddValidationRules,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    QueryDepthLimiter,
)

TOO_COMPLEX = "QUERY_TOO_COMPLEX"


def _tagged(rule: type[ValidationRule], limit: str, maximum: int) -> type[ValidationRule]:
    """The rule, with every error it reports carrying the code and the limit."""

    class TaggedRule(rule):
        def __init__(self, context: ValidationContext) -> None:
            report = context.report_error

            def report_tagged(error: GraphQLError) -> None:
                error.extensions = {**(error.extensions or {}), "code": TOO_COMPLEX,
                                    "limit": limit, "maximum": maximum}
                report(error)

            context.report_error = report_tagged
            try:
                super().__init__(context)
            finally:
                del context.report_error  # back to the class's method

    return TaggedRule


@functools.cache
def _limit_rules(max_depth: int, max_aliases: int) -> tuple[type[ValidationRule], ...]:
    """Built once per limit values: the validation cache keys on these classes."""
    depth = QueryDepthLimiter(max_depth=max_depth).validation_rules
    aliases = MaxAliasesLimiter(max_alias_count=max_aliases).validation_rules
    return (
        *(_tagged(rule, "depth", max_depth) for rule in depth),
        *(_tagged(rule, "aliases", max_aliases) for rule in aliases),
    )


def limit_extensions() -> list:
    """Factories, so each request gets fresh extension instances."""
    return [
        lambda: MaxTokensLimiter(max_token_count=settings.GRAPHQL_MAX_TOKENS),
        lambda: AddValidationRules(
            list(_limit_rules(settings.GRAPHQL_MAX_DEPTH, settings.GRAPHQL_MAX_ALIASES))
        ),
    ]


def is_token_limit_error(error: GraphQLError) -> bool:
    """graphql-core aborts parsing with this message when max_tokens is passed."""
    return error.message.startswith("Syntax Error: Document contains more than") and (
        "tokens" in error.message
    )
