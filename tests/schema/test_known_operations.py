"""A document validated before runs at once (schema/known_operations.py): the same
answers, statuses, codes and metrics as strawberry's path, for successes and refusals,
and strawberry's path whenever it is not the same question (other limits, another
operation, hostile input, an operation type the transport refuses)."""

from unittest import mock

import pytest
import strawberry
from django.db import transaction
from django.test import RequestFactory
from strawberry.django.context import StrawberryDjangoContext
from strawberry.extensions import AddValidationRules, MaxTokensLimiter, ParserCache
from strawberry.schema.exceptions import CannotGetOperationTypeError
from strawberry.types.graphql import OperationType

from schema import known_operations
from schema.errors import ErrorCodes
from schema.metrics import OperationOutcome
from schema.optimizer import QuerysetOptimizer
from schema.schema import schema
from schema.validation import RequestValidation
from tests.conftest import calls_during, error_codes
from tests.factories import make_item

PAGE = """query Page($category: String!) { items(filters: {category: {exact: $category}},
  ordering: [{name: ASC}], pagination: {limit: 2}) { totalCount results { name quantity
  owner { username } } } }"""
ITEM = "query($id: ID!) { item(id: $id) { name quantity changes { delta reason } } }"
ADJUST = """mutation Adjust($id: ID!, $d: Int!) { adjustStock(input: {itemId: $id, delta: $d,
  reason: SOLD}) { oldQuantity newQuantity itemName } }"""
TWO = "query A { me { username } } query B { me { role } }"


@pytest.fixture(autouse=True)
def _forget():
    known_operations._known.clear()
    yield
    known_operations._known.clear()


@pytest.fixture
def stock(owner):
    return [make_item(owner, name=name, category="tools", quantity=5) for name in "bca"]


def _post(gql, query, variables, user, **kwargs):
    with transaction.atomic():
        body = gql(query, variables, user=user, **kwargs)
        transaction.set_rollback(True)
    return body


def _both(gql, query, variables, user, **kwargs):
    """(strawberry's answer, the known path's) to a request sent once before."""
    _post(gql, query, variables, user, **kwargs)  # learnt (when valid)
    with mock.patch.object(known_operations, "enabled", False):
        general = _post(gql, query, variables, user, **kwargs)
    return general, _post(gql, query, variables, user, **kwargs)


def _cases(owner, worker, other_owner, stock):
    one = str(stock[0].pk)
    foreign = str(make_item(other_owner).pk)
    return [
        (PAGE, {"category": "tools"}, worker),
        (PAGE, {"category": 3}, worker),  # a variable of the wrong type
        (PAGE, {}, worker),  # a required variable missing
        (PAGE, {"category": "tools"}, None),  # UNAUTHENTICATED
        (ITEM, {"id": one}, owner),
        (ITEM, {"id": foreign}, owner),  # NOT_FOUND
        (ITEM, {"id": "nope"}, owner),  # BAD_USER_INPUT
        (ADJUST, {"id": one, "d": -2}, worker),
        (ADJUST, {"id": one, "d": -9}, worker),  # CONFLICT
        (ADJUST, {"id": one, "d": 0}, worker),  # BAD_USER_INPUT
        (ADJUST, {"id": one, "d": 2 ** 31}, worker),  # not an Int
        (ADJUST, {"id": "a\x00", "d": 1}, worker),  # hostile: 400
        ("{ me { username role } }", {}, owner),
    ]


def test_every_case_answers_what_strawberrys_path_answers(gql, owner, worker, other_owner,
                                                          stock):
    for query, variables, user in _cases(owner, worker, other_owner, stock):
        for accept in ("application/json", "application/graphql-response+json"):
            general, known = _both(gql, query, variables, user, accept=accept)
            assert known == general, (query, variables, accept)


def test_the_cases_cover_successes_and_refusals(gql, owner, worker, other_owner, stock):
    codes, statuses = set(), set()
    for query, variables, user in _cases(owner, worker, other_owner, stock):
        body = _both(gql, query, variables, user)[1]
        codes.update(error_codes(body) or ["OK"])
        statuses.add(body["status"])
    assert codes == {"OK", "BAD_USER_INPUT", "UNAUTHENTICATED", "NOT_FOUND", "CONFLICT"}
    assert statuses == {200, 400}


def test_the_second_request_skips_strawberrys_stages(gql, worker, stock):
    variables = {"category": "tools"}
    first, _ = calls_during(strawberry.Schema, "get_extensions",
                            lambda: gql(PAGE, variables, user=worker))
    second, body = calls_during(strawberry.Schema, "get_extensions",
                                lambda: gql(PAGE, variables, user=worker))
    assert (first, second) == (1, 0)
    assert body["data"]["items"]["totalCount"] == 3


def test_an_unexpected_failure_is_the_same_internal_error(gql, owner, stock):
    _post(gql, ADJUST, {"id": str(stock[0].pk), "d": 1}, owner)
    with mock.patch("stock.services.apply_adjustment", side_effect=RuntimeError("boom")):
        with mock.patch.object(known_operations, "enabled", False):
            general = _post(gql, ADJUST, {"id": str(stock[0].pk), "d": 1}, owner)
        known = _post(gql, ADJUST, {"id": str(stock[0].pk), "d": 1}, owner)
    assert known == general
    assert error_codes(known) == ["INTERNAL_SERVER_ERROR"]


def test_lower_limits_are_not_answered_from_what_was_valid_under_others(
        gql, worker, stock, settings):
    assert "errors" not in gql(PAGE, {"category": "tools"}, user=worker)
    settings.GRAPHQL_MAX_DEPTH = 2
    body = gql(PAGE, {"category": "tools"}, user=worker)
    assert error_codes(body) == ["QUERY_TOO_COMPLEX"]
    settings.GRAPHQL_MAX_TOKENS = 10
    assert error_codes(gql(PAGE, {"category": "tools"}, user=worker)) == ["QUERY_TOO_COMPLEX"]


def test_a_mutation_known_from_post_is_still_refused_over_get(client, owner, stock, gql):
    gql(ADJUST, {"id": str(stock[0].pk), "d": 1}, user=owner)
    response = client.get("/graphql/", {"query": ADJUST, "variables": '{"id": "1", "d": 1}'},
                          HTTP_ACCEPT="application/json")
    assert response.status_code == 405
    stock[0].refresh_from_db()
    assert stock[0].quantity == 6  # the POST only


def test_documents_it_does_not_run(gql, owner):
    for query in (TWO, "query($s: Boolean!) { me { username @include(if: $s) } }"):
        gql(query, {"s": True}, user=owner)
    assert known_operations._known == {}


def test_another_operation_name_takes_strawberrys_path(owner):
    request = RequestFactory().post("/graphql/")
    request.user = owner
    query = "query Me { me { username } }"

    def run(name):
        context = StrawberryDjangoContext(request=request, response=None)
        return schema.execute_sync(query, context_value=context, operation_name=name)

    assert run(None).errors is None
    assert known_operations.find(query, None, {}, {OperationType.QUERY}) is not None
    assert known_operations.find(query, "Other", {}, {OperationType.QUERY}) is None
    assert known_operations.find(query, None, {}, {OperationType.MUTATION}) is None
    with pytest.raises(CannotGetOperationTypeError):  # the view's 400, as before
        run("Other")


def test_the_request_metrics_see_the_same_operation_and_outcome(owner, stock):
    def outcome(enabled, variables):
        request = RequestFactory().post("/graphql/")
        request.user = owner
        context = StrawberryDjangoContext(request=request, response=None)
        with mock.patch.object(known_operations, "enabled", enabled), transaction.atomic():
            schema.execute_sync(ADJUST, variable_values=variables, context_value=context)
            transaction.set_rollback(True)
        return request.graphql_outcome

    for variables in ({"id": str(stock[0].pk), "d": 1}, {"id": str(stock[0].pk), "d": -99}):
        general = outcome(False, variables)
        assert outcome(True, variables) == general
    assert general == ("Adjust", "CONFLICT")


def test_the_extensions_it_stands_in_for():
    """known_operations does what these extensions do for a valid document: a schema
    extension added to the schema must be added there too."""
    kinds = [type(extension) for extension in schema.get_extensions(sync=True)]
    assert kinds[:7] == [OperationOutcome, ErrorCodes, MaxTokensLimiter, AddValidationRules,
                         ParserCache, RequestValidation, QuerysetOptimizer]
    assert all(kind is AddValidationRules for kind in kinds[7:])  # no introspection
    assert not schema.directives


def test_at_most_maxsize_documents_are_kept(owner, monkeypatch):
    monkeypatch.setattr(known_operations, "MAXSIZE", 3)
    request = RequestFactory().post("/graphql/")
    request.user = owner
    for n in range(5):
        schema.execute_sync(f"query Q{n} {{ me {{ username }} }}",
                            context_value=StrawberryDjangoContext(request=request, response=None))
    assert [known.name for known in known_operations._known.values()] == ["Q2", "Q3", "Q4"]
