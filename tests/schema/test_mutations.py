"""Mutations through /graphql/: inputs, field errors in camelCase, the change log."""

import pytest

from stock.models import InventoryItem, ItemChange
from tests.conftest import error_codes
from tests.factories import PASSWORD, make_item

CREATE = """mutation($input: CreateItemInput!) {
  createItem(input: $input) { id name sku price quantity category lowStockThreshold
    owner { id } changes { reason oldQuantity newQuantity } } }"""
UPDATE = """mutation($id: ID!, $input: UpdateItemInput!) {
  updateItem(id: $id, input: $input) { name description quantity price sku } }"""
ADJUST = """mutation($input: AdjustStockInput!) {
  adjustStock(input: $input) { id oldQuantity newQuantity delta reason note } }"""


def field_errors(body):
    return body["errors"][0]["extensions"]["fieldErrors"]


def test_create_item_defaults_and_log(gql, owner):
    body = gql(CREATE, {"input": {"name": " Lamp ", "price": "12.50", "category": "Home"}},
               user=owner)
    item = body["data"]["createItem"]
    assert item["name"] == "Lamp" and item["price"] == "12.50" and item["sku"] is None
    assert (item["quantity"], item["lowStockThreshold"], item["owner"]["id"]) == (
        0, 5, str(owner.pk))
    assert item["changes"] == [{"reason": "INITIAL", "oldQuantity": 0, "newQuantity": 0}]


@pytest.mark.parametrize(("price", "stored"), [
    (1.1, "1.10"), ("1.230", "1.23"), (3, "3.00"), ("9999999999.99", "9999999999.99")])
def test_price_accepted_as_string_or_number(gql, owner, price, stored):
    body = gql(CREATE, {"input": {"name": "n", "price": price, "category": "c"}}, user=owner)
    assert body["data"]["createItem"]["price"] == stored


@pytest.mark.parametrize("price", ["1.235", "NaN", "Infinity", "-1", "abc", "", True,
                                   "10000000000"])
def test_bad_prices_are_field_errors(gql, owner, price):
    body = gql(CREATE, {"input": {"name": "n", "price": price, "category": "c"}}, user=owner)
    assert error_codes(body) == ["BAD_USER_INPUT"]
    assert list(field_errors(body)) == ["price"]
    assert not InventoryItem.objects.exists()


def test_price_literal_in_the_document(gql, owner):
    body = gql('mutation { createItem(input: {name: "n", category: "c", price: 1.235}) { id } }',
               user=owner)
    assert list(field_errors(body)) == ["price"]


@pytest.mark.parametrize(("field", "value"), [
    ("name", "   "), ("name", "x" * 201), ("category", ""), ("category", "c" * 101),
    ("description", "d" * 5001), ("name", "nul\x00"), ("sku", "s\x00"), ("quantity", -1),
    ("lowStockThreshold", -5),
])
def test_create_item_validation(gql, owner, field, value):
    data = {"name": "n", "price": "1", "category": "c", field: value}
    body = gql(CREATE, {"input": data}, user=owner)
    assert list(field_errors(body)) == [field]


def test_duplicate_sku_is_conflict(gql, owner):
    make_item(owner, sku="AB")
    body = gql(CREATE, {"input": {"name": "n", "price": "1", "category": "c", "sku": " ab "}},
               user=owner)
    assert error_codes(body) == ["CONFLICT"]


def test_update_item_is_partial_and_logs_quantity(gql, owner):
    item = make_item(owner, name="Old", description="keep", quantity=5, sku="S")
    body = gql(UPDATE, {"id": item.pk, "input": {"quantity": 9, "reason": "RECEIVED",
                                                 "note": "delivery"}}, user=owner)
    assert body["data"]["updateItem"] == {
        "name": "Old", "description": "keep", "quantity": 9, "price": "9.99", "sku": "S"}
    last = ItemChange.objects.order_by("-id").first()
    assert (last.reason, last.note, last.old_quantity, last.new_quantity) == (
        "RECEIVED", "delivery", 5, 9)


def test_update_item_can_clear_sku(gql, owner):
    item = make_item(owner, sku="S")
    body = gql(UPDATE, {"id": item.pk, "input": {"sku": None}}, user=owner)
    assert body["data"]["updateItem"]["sku"] is None
    body = gql(UPDATE, {"id": item.pk, "input": {"sku": "  "}}, user=owner)
    assert body["data"]["updateItem"]["sku"] is None


def test_update_item_null_for_a_required_field_is_a_field_error(gql, owner):
    item = make_item(owner)
    body = gql(UPDATE, {"id": item.pk, "input": {"name": None}}, user=owner)
    assert list(field_errors(body)) == ["name"]


def test_update_item_quantity_out_of_range(gql, owner):
    item = make_item(owner)
    body = gql(UPDATE, {"id": item.pk, "input": {"quantity": -1}}, user=owner)
    assert list(field_errors(body)) == ["quantity"]


def test_update_needs_an_id(gql, owner):
    make_item(owner, name="Untouched")
    body = gql('mutation { updateItem(input: {name: "All"}) { id } }', user=owner)
    assert error_codes(body) == ["BAD_USER_INPUT"]
    assert InventoryItem.objects.get().name == "Untouched"


@pytest.mark.parametrize("bad_id", ["", "abc", "0", "-3", "99999999", "1e3"])
def test_missing_or_malformed_ids_are_not_found(gql, owner, bad_id):
    body = gql(UPDATE, {"id": bad_id, "input": {"name": "x"}}, user=owner)
    assert error_codes(body) == ["NOT_FOUND"] and body["data"] is None
    body = gql(ADJUST, {"input": {"itemId": bad_id, "delta": 1, "reason": "RECEIVED"}},
               user=owner)
    assert error_codes(body) == ["NOT_FOUND"]


def test_adjust_stock(gql, owner, worker):
    item = make_item(owner, quantity=3)
    body = gql(ADJUST, {"input": {"itemId": item.pk, "delta": -2, "reason": "SOLD",
                                  "note": " till "}}, user=worker)
    assert body["data"]["adjustStock"]["oldQuantity"] == 3
    assert body["data"]["adjustStock"]["newQuantity"] == 1
    assert body["data"]["adjustStock"]["note"] == "till"
    body = gql(ADJUST, {"input": {"itemId": item.pk, "delta": -2, "reason": "SOLD"}},
               user=worker)
    assert error_codes(body) == ["CONFLICT"]


@pytest.mark.parametrize(("data", "field"), [
    ({"delta": 0, "reason": "SOLD"}, "delta"),
    ({"delta": 1, "reason": "INITIAL"}, "reason"),
    ({"delta": -1, "reason": "DELETED"}, "reason"),
    ({"delta": 1, "reason": "OTHER", "idempotencyKey": "k" * 65}, "idempotencyKey"),
    ({"delta": 1, "reason": "OTHER", "expectedQuantity": -1}, "expectedQuantity"),
])
def test_adjust_stock_validation(gql, owner, data, field):
    item = make_item(owner)
    body = gql(ADJUST, {"input": {"itemId": item.pk, **data}}, user=owner)
    assert list(field_errors(body)) == [field]


def test_adjust_stock_idempotent_retry(gql, owner):
    item = make_item(owner, quantity=0)
    data = {"itemId": str(item.pk), "delta": 4, "reason": "RECEIVED", "idempotencyKey": "r-1"}
    first = gql(ADJUST, {"input": data}, user=owner)["data"]["adjustStock"]
    again = gql(ADJUST, {"input": data}, user=owner)["data"]["adjustStock"]
    assert first == again
    other = gql(ADJUST, {"input": {**data, "delta": 5}}, user=owner)
    assert error_codes(other) == ["CONFLICT"]
    item.refresh_from_db()
    assert item.quantity == 4


def test_adjust_stock_expected_quantity(gql, owner):
    item = make_item(owner, quantity=2)
    body = gql(ADJUST, {"input": {"itemId": item.pk, "delta": 1, "reason": "RECEIVED",
                                  "expectedQuantity": 3}}, user=owner)
    assert error_codes(body) == ["CONFLICT"]


def test_delete_item(gql, owner):
    item = make_item(owner)
    body = gql("mutation($id: ID!) { deleteItem(id: $id) { deletedId } }", {"id": item.pk},
               user=owner)
    assert body["data"]["deleteItem"] == {"deletedId": str(item.pk)}


# users ----------------------------------------------------------------------------

REGISTER = """mutation($input: RegisterInput!) { register(input: $input) { id username role
  employer { id } isActive isSuperuser } }"""


def test_register(gql, db):
    body = gql(REGISTER, {"input": {"username": " Shop ", "email": "shop@example.com",
                                    "password": "a-strong-pass-phrase-7"}})
    assert body["data"]["register"]["username"] == "Shop"
    assert body["data"]["register"]["role"] == "OWNER"


@pytest.mark.parametrize(("data", "field"), [
    ({"email": "nope"}, "email"), ({"password": "short"}, "password"),
    ({"password": "12345678901"}, "password"), ({"username": "bad name!"}, "username"),
])
def test_register_validation(gql, db, data, field):
    base = {"username": "u", "email": "u@example.com", "password": "a-strong-pass-phrase-7"}
    body = gql(REGISTER, {"input": {**base, **data}})
    assert error_codes(body) == ["BAD_USER_INPUT"] and field in field_errors(body)


def test_register_duplicate_username_ignoring_case(gql, owner):
    body = gql(REGISTER, {"input": {"username": owner.username.upper(), "email": "x@example.com",
                                    "password": "a-strong-pass-phrase-7"}})
    assert error_codes(body) == ["CONFLICT"]


def test_create_user_employer_field_error(gql, superuser, worker):
    body = gql('mutation($e: ID!) { createUser(input: {username: "w", email: "w@example.com", '
               'password: "a-strong-pass-phrase-7", employerId: $e}) { id } }',
               {"e": worker.pk}, user=superuser)
    assert list(field_errors(body)) == ["employerId"]


CHANGE_PASSWORD = """mutation($old: String!, $new: String!) {
  changePassword(oldPassword: $old, newPassword: $new) { id } }"""


def test_change_password_field_errors(gql, owner):
    body = gql(CHANGE_PASSWORD, {"old": "wrong", "new": "a-new-pass-phrase-4"}, user=owner)
    assert list(field_errors(body)) == ["oldPassword"]
    body = gql(CHANGE_PASSWORD, {"old": PASSWORD, "new": "123"}, user=owner)
    assert list(field_errors(body)) == ["newPassword"]
    body = gql(CHANGE_PASSWORD, {"old": PASSWORD, "new": "a-new-pass-phrase-4"}, user=owner)
    assert "errors" not in body


def test_update_user_partial(gql, owner, worker):
    body = gql('mutation($id: ID!) { updateUser(id: $id, input: {isActive: false}) '
               "{ email isActive } }", {"id": worker.pk}, user=owner)
    assert body["data"]["updateUser"] == {"email": worker.email, "isActive": False}


def test_delete_user(gql, owner, worker):
    body = gql("mutation($id: ID!) { deleteUser(id: $id) { deletedId } }", {"id": worker.pk},
               user=owner)
    assert body["data"]["deleteUser"] == {"deletedId": str(worker.pk)}
