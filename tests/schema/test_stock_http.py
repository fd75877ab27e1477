"""importItems as a GraphQL multipart request, and the CSV exports, over real HTTP requests."""

import csv
import io
import json

import pytest
from django.test import Client

from stock.models import InventoryItem, ItemChange
from stock.services import item_delete, stock_adjust
from tests.conftest import access_token
from tests.factories import make_item

IMPORT = """mutation($file: Upload!, $dryRun: Boolean, $ownerId: ID) {
  importItems(input: {file: $file, dryRun: $dryRun, ownerId: $ownerId}) {
    dryRun applied created updated unchanged errorCount errors { line field messages }
  }
}"""


def upload(user, content: bytes, *, query=IMPORT, variables=None, name="items.csv"):
    """POST a GraphQL multipart request (the spec used by apollo-upload-client)."""
    operations = {"query": query, "variables": {"file": None, **(variables or {})}}
    file = io.BytesIO(content)
    file.name = name
    headers = {"HTTP_AUTHORIZATION": f"JWT {access_token(user)}"} if user else {}
    response = Client().post("/graphql/", {
        "operations": json.dumps(operations),
        "map": json.dumps({"0": ["variables.file"]}),
        "0": file,
    }, **headers)
    return response


def export(user, path, **params):
    headers = {"HTTP_AUTHORIZATION": f"JWT {access_token(user)}"} if user else {}
    return Client().get(path, params, **headers)


def csv_rows(response):
    text = b"".join(response.streaming_content).decode()
    return list(csv.reader(io.StringIO(text)))


def test_import_through_the_endpoint(owner):
    response = upload(owner, b"name,category,price,quantity\nBolt,Hardware,0.10,5\n")
    assert response.status_code == 200
    result = response.json()["data"]["importItems"]
    assert result == {"dryRun": False, "applied": True, "created": 1, "updated": 0,
                      "unchanged": 0, "errorCount": 0, "errors": []}
    assert InventoryItem.objects.get(owner=owner).quantity == 5


def test_import_errors_are_listed_not_raised(owner):
    response = upload(owner, b"name,category,price\nBolt,Hardware,abc\n")
    result = response.json()["data"]["importItems"]
    assert (result["applied"], result["errorCount"]) == (False, 1)
    assert result["errors"][0]["line"] == 2 and result["errors"][0]["field"] == "price"


@pytest.mark.parametrize(("caller", "code"), [("worker", "FORBIDDEN"), (None, "UNAUTHENTICATED")])
def test_import_rights(worker, caller, code):
    user = worker if caller else None
    response = upload(user, b"name,category,price\nA,C,1\n")
    assert [e["extensions"]["code"] for e in response.json()["errors"]] == [code]
    assert not InventoryItem.objects.exists()


def test_import_owner_id_is_superuser_only(owner, other_owner, superuser):
    body = upload(owner, b"name,category,price\nA,C,1\n",
                  variables={"ownerId": other_owner.pk}).json()
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    body = upload(superuser, b"name,category,price\nA,C,1\n",
                  variables={"ownerId": other_owner.pk}).json()
    assert body["data"]["importItems"]["applied"] is True
    assert InventoryItem.objects.get().owner == other_owner
    body = upload(superuser, b"name,category,price\nA,C,1\n", variables={"ownerId": 10**9}).json()
    assert body["errors"][0]["extensions"]["code"] == "NOT_FOUND"


def test_multipart_is_refused_for_any_other_operation(owner):
    item = make_item(owner)
    query = ('mutation($file: Upload) { adjustStock(input: {itemId: "' + str(item.pk)
             + '", delta: 1, reason: RECEIVED}) { id } }')
    response = upload(owner, b"x", query=query)
    assert response.status_code == 415
    assert response.json()["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    mixed = IMPORT.replace("dryRun applied", "dryRun applied } me { id")
    assert upload(owner, b"x", query=mixed).status_code == 415
    broken = Client().post("/graphql/", {"operations": json.dumps({"query": IMPORT}),
                                         "map": json.dumps({"0": ["variables.file"]})},
                           HTTP_AUTHORIZATION=f"JWT {access_token(owner)}")
    assert broken.status_code == 400  # the map names a file that was not sent
    assert ItemChange.objects.count() == 1


def test_upload_size_limit_applies_before_parsing(owner, settings):
    settings.IMPORT_MAX_BYTES = 1000
    big = b"name,category,price\n" + b"A,C,1\n" * 400
    response = upload(owner, big)
    assert response.status_code == 413
    assert response.json()["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert not InventoryItem.objects.exists()
    # a JSON body keeps its own, smaller limit
    settings.IMPORT_MAX_BYTES = 10 * 1024 * 1024
    response = Client().post("/graphql/", json.dumps({"query": "{ me { id } }", "x": "y" * 2**21}),
                             content_type="application/json")
    assert response.status_code == 413


def test_dry_run_through_the_endpoint_changes_nothing(owner):
    body = upload(owner, b"name,category,price\nA,C,1\n", variables={"dryRun": True}).json()
    assert body["data"]["importItems"]["created"] == 1
    assert not InventoryItem.objects.exists()


# Exports ---------------------------------------------------------------------------

def test_items_export_is_scoped_and_escaped(owner, worker, other_owner):
    make_item(owner, name="=cmd()", sku="A1", description="-x", category="Tools")
    make_item(other_owner, name="Foreign")
    response = export(worker, "/export/items.csv")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert response.streaming
    rows = csv_rows(response)
    assert rows[0] == ["sku", "name", "description", "category", "price", "quantity",
                       "lowStockThreshold"]
    assert rows[1:] == [["A1", "'=cmd()", "'-x", "Tools", "9.99", "10", "5"]]


def test_items_export_filters(owner):
    make_item(owner, name="Low", quantity=1, category="Tools")
    make_item(owner, name="Full", quantity=50, category="Food")
    names = lambda **p: [r[1] for r in csv_rows(export(owner, "/export/items.csv", **p))[1:]]  # noqa: E731
    assert names(lowStock="true") == ["Low"]
    assert names(lowStock="false") == ["Full"]
    assert names(category="tools") == ["Low"]
    assert names(search="ful") == ["Full"]
    assert export(owner, "/export/items.csv", lowStock="maybe").status_code == 400


def test_exports_need_a_valid_token(owner):
    response = export(None, "/export/items.csv")
    assert response.status_code == 401
    assert response.json()["errors"][0]["extensions"] == {"code": "UNAUTHENTICATED",
                                                          "reason": "AUTH_REQUIRED"}
    response = Client().get("/export/changes.csv", HTTP_AUTHORIZATION="JWT nonsense")
    assert response.status_code == 401
    assert response.json()["errors"][0]["extensions"]["reason"] == "TOKEN_INVALID"
    client = Client()
    client.force_login(owner)  # a session cookie never authenticates these paths
    assert client.get("/export/items.csv").status_code == 401


def test_export_import_round_trip_is_unchanged_for_every_row(owner):
    for n in range(5):
        make_item(owner, sku=f"S{n}", name=f'Item "{n}", with comma', quantity=n,
                  description="line one\nline two" if n % 2 else "+plus",
                  category="@home" if n == 3 else "General", low_stock_threshold=n)
    content = b"".join(export(owner, "/export/items.csv").streaming_content)
    before = ItemChange.objects.count()
    result = upload(owner, content).json()["data"]["importItems"]
    assert (result["unchanged"], result["created"], result["updated"], result["errorCount"]) == (
        5, 0, 0, 0)
    assert ItemChange.objects.count() == before


def test_changes_export_oldest_first_in_scope(owner, other_owner):
    item = make_item(owner, quantity=3)
    sold = stock_adjust(actor=owner, item_id=item.pk, delta=-2, reason="SOLD")
    item_delete(actor=owner, item_id=item.pk)
    make_item(other_owner)
    rows = csv_rows(export(owner, "/export/changes.csv"))
    assert rows[0][:4] == ["id", "timestamp", "itemId", "itemName"]
    assert [(r[2], r[7], r[8]) for r in rows[1:]] == [
        (str(item.pk), "3", "INITIAL"), (str(item.pk), "'-2", "SOLD"),
        (str(item.pk), "'-1", "DELETED")]
    after = csv_rows(export(owner, "/export/changes.csv", **{"from": sold.timestamp.isoformat()}))
    assert [r[0] for r in after[1:]] == [str(sold.pk), rows[3][0]]
    assert len(csv_rows(export(owner, "/export/changes.csv", item=item.pk))) == 4
    assert len(csv_rows(export(owner, "/export/changes.csv", item="nope"))) == 1
    assert export(owner, "/export/changes.csv", to="yesterday").status_code == 400


def test_export_streams_in_chunks(owner, monkeypatch, django_assert_num_queries):
    from stock import exports

    monkeypatch.setattr(exports, "CHUNK", 2)
    for _ in range(5):
        make_item(owner)
    response = export(owner, "/export/items.csv")
    with django_assert_num_queries(4):  # 3 chunks of at most 2 rows, and the empty end
        rows = csv_rows(response)
    assert len(rows) == 6


@pytest.mark.parametrize("file", ["name,category,price", 12, None])
def test_import_in_a_json_body_names_the_file(gql, owner, file):
    """The file can only come in a multipart request; in a JSON body it is bad input."""
    body = gql(IMPORT, {"file": file}, user=owner)
    assert [e["extensions"]["code"] for e in body["errors"]] == ["BAD_USER_INPUT"], body
    assert not InventoryItem.objects.exists()
