"""Root pages (items, itemChanges, users) run the page and count SQL kept from the first
request of the same document, arguments and viewer's scope (schema.prepared_pages): the
same answers as building the queryset, the data of now, each viewer's own scope."""


import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings

from accounts.models import Role
from schema import prepared_pages
from schema.fields import ApiField
from tests.conftest import calls_during, error_codes, execute
from tests.factories import make_item

PAGE = """query($category: String!, $limit: Int) {
  items(filters: {category: {exact: $category}}, ordering: [{name: ASC}],
        pagination: {limit: $limit}) {
    totalCount pageInfo { offset limit } results { id name quantity owner { username } } } }"""


@pytest.fixture(autouse=True)
def _empty():
    prepared_pages._PAGES.by_connection.clear()


def builds_during(call):
    """How many page querysets were built while call() ran."""
    return calls_during(ApiField, "get_queryset", call)


def names(data) -> list[str]:
    return [row["name"] for row in data["items"]["results"]]


def test_the_second_request_builds_nothing_and_answers_the_same(owner):
    for name in ("b", "a", "c"):
        make_item(owner, name=name, category="tools")
    make_item(owner, name="other", category="food")
    variables = {"category": "tools", "limit": 2}
    built, first = builds_during(lambda: execute(PAGE, variables, user=owner))
    assert built == 1
    assert names(first) == ["a", "b"] and first["items"]["totalCount"] == 3
    with CaptureQueriesContext(connection) as queries:
        built, second = builds_during(lambda: execute(PAGE, variables, user=owner))
    assert built == 0 and second == first
    assert len(queries) == 2  # the count and the page (owner joined)
    assert second["items"]["results"][0]["owner"] == {"username": owner.username}


def test_the_kept_sql_reads_the_data_of_now(owner):
    make_item(owner, name="b", category="tools")
    variables = {"category": "tools", "limit": 5}
    assert names(execute(PAGE, variables, user=owner)) == ["b"]
    make_item(owner, name="a", category="tools", quantity=9)
    data = execute(PAGE, variables, user=owner)
    assert names(data) == ["a", "b"] and data["items"]["totalCount"] == 2
    assert data["items"]["results"][0]["quantity"] == 9


def test_other_arguments_are_other_pages(owner):
    make_item(owner, name="hammer", category="tools")
    make_item(owner, name="bread", category="food")
    assert names(execute(PAGE, {"category": "tools"}, user=owner)) == ["hammer"]
    assert names(execute(PAGE, {"category": "food"}, user=owner)) == ["bread"]
    for _ in range(2):
        data = execute(PAGE, {"category": "tools", "limit": 0}, user=owner)
        assert data["items"] == {"totalCount": 1, "pageInfo": {"offset": 0, "limit": 0},
                                 "results": []}


def test_each_viewer_keeps_its_own_scope(owner, worker, other_owner, superuser):
    make_item(owner, name="mine", category="tools")
    make_item(other_owner, name="theirs", category="tools")
    variables = {"category": "tools"}
    for _ in range(2):
        assert names(execute(PAGE, variables, user=owner)) == ["mine"]
        assert names(execute(PAGE, variables, user=worker)) == ["mine"]
        assert names(execute(PAGE, variables, user=other_owner)) == ["theirs"]
        assert names(execute(PAGE, variables, user=superuser)) == ["mine", "theirs"]


def test_a_worker_moved_or_deactivated_is_seen_at_once(gql, owner, worker, other_owner):
    make_item(owner, name="mine", category="tools")
    make_item(other_owner, name="theirs", category="tools")
    variables = {"category": "tools"}
    for _ in range(2):
        body = gql(PAGE, variables, user=worker)
        assert [row["name"] for row in body["data"]["items"]["results"]] == ["mine"]
    worker.employer = other_owner
    worker.save()
    body = gql(PAGE, variables, user=worker)
    assert [row["name"] for row in body["data"]["items"]["results"]] == ["theirs"]
    worker.role = Role.OWNER
    worker.employer = None
    worker.save()
    assert gql(PAGE, variables, user=worker)["data"]["items"]["results"] == []
    worker.is_active = False
    worker.save()
    assert error_codes(gql(PAGE, variables, user=worker)) == ["UNAUTHENTICATED"]


def test_refused_input_is_refused_every_time(gql, owner):
    document = "{ items(pagination: {offset: -1}) { totalCount } }"
    for _ in range(2):
        body = gql(document, user=owner)
        assert error_codes(body) == ["BAD_USER_INPUT"] and body["data"] is None


def test_superuser_inputs_are_refused_to_others_every_time(gql, owner, superuser):
    document = """query($o: ID!) { items(filters: {owner: $o}) { totalCount } }"""
    assert gql(document, {"o": owner.pk}, user=superuser)["data"] == {
        "items": {"totalCount": 0}}
    for _ in range(2):
        assert error_codes(gql(document, {"o": owner.pk}, user=owner)) == ["FORBIDDEN"]


def test_page_info_is_the_same_on_every_request(owner):
    for name in "ab":
        make_item(owner, name=name, category="tools")
    pages = {"{ items { pageInfo { offset limit } } }": {"offset": 0, "limit": 20},
             "{ items(pagination: {offset: 1, limit: null}) { pageInfo { offset limit } } }":
             {"offset": 1, "limit": 20}}
    for document, page_info in pages.items():
        for _ in range(2):
            assert execute(document, user=owner)["items"]["pageInfo"] == page_info


def test_a_page_with_prefetched_lists_is_built_every_time_and_right(owner):
    item = make_item(owner, name="a", category="tools")
    document = """{ items { results { name changes(pagination: {limit: 2}) { delta } } } }"""
    execute("""mutation($id: ID!) { adjustStock(input: {itemId: $id, delta: 2,
      reason: RECEIVED}) { id } }""", {"id": item.pk}, user=owner)
    first = execute(document, user=owner)
    built, second = builds_during(lambda: execute(document, user=owner))
    assert built >= 1 and second == first
    # Newest first: the adjustment, then the INITIAL entry.
    assert [row["delta"] for row in second["items"]["results"][0]["changes"]] == [2, 10]


def test_itemchanges_and_users_pages_are_kept_too(owner, worker):
    item = make_item(owner)
    execute("""mutation($id: ID!) { adjustStock(input: {itemId: $id, delta: 3,
      reason: RECEIVED}) { id } }""", {"id": item.pk}, user=owner)
    changes = "{ itemChanges { totalCount results { delta item { id } } } }"
    users = "{ users(ordering: [{username: ASC}]) { totalCount results { username } } }"
    first = execute(changes, user=worker), execute(users, user=worker)
    built, second = builds_during(
        lambda: (execute(changes, user=worker), execute(users, user=worker)))
    assert built == 0 and second == first
    assert first[0]["itemChanges"]["results"][0]["delta"] == 3
    assert sorted(row["username"] for row in first[1]["users"]["results"]) == sorted(
        [owner.username, worker.username])


def test_the_pagination_settings_are_part_of_the_key(owner):
    for name in "abc":
        make_item(owner, name=name, category="tools")
    variables = {"category": "tools", "limit": 3}
    assert len(names(execute(PAGE, variables, user=owner))) == 3
    settings = {"PAGINATION_DEFAULT_LIMIT": 20, "PAGINATION_MAX_LIMIT": 2}
    with override_settings(STRAWBERRY_DJANGO=settings):
        assert len(names(execute(PAGE, variables, user=owner))) == 2


def test_arguments_freeze_to_equal_keys_only_for_equal_values():
    from strawberry_django.pagination import OffsetPaginationInput

    frozen = prepared_pages.frozen
    assert frozen(OffsetPaginationInput(offset=0, limit=5)) == frozen(
        OffsetPaginationInput(offset=0, limit=5))
    assert frozen(OffsetPaginationInput(offset=0, limit=5)) != frozen(
        OffsetPaginationInput(offset=5, limit=0))
    assert frozen(True) != frozen(1) and frozen([1, 2]) != frozen([2, 1])
    with pytest.raises(prepared_pages._Unkeyable):
        frozen(object())


def test_documents_that_differ_only_in_a_literal_are_other_pages(owner):
    make_item(owner, name="hammer", category="tools")
    make_item(owner, name="bread", category="food")
    document = '{ items(filters: {category: {exact: "CATEGORY"}}) { results { name } } }'
    for _ in range(2):
        for category, name in (("tools", "hammer"), ("food", "bread")):
            data = execute(document.replace("CATEGORY", category), user=owner)
            assert names(data) == [name]


def test_the_kept_keys_hold_a_digest_not_the_document(owner):
    padding = "#" + "x" * 100_000 + "\n"
    execute(padding + "{ items { totalCount } }", user=owner)
    keys = [key for entries in prepared_pages._PAGES.by_connection.values()
            for key in entries]
    assert len(keys) == 1
    assert len(repr(keys[0])) < 2_000
