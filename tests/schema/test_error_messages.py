"""Clients that show only an error's `message` (Apollo, gql) still learn which field was
wrong and why: a validation failure's message names each field and its first message."""

CREATE = """mutation Create($input: CreateItemInput!) {
  createItem(input: $input) { id }
}"""


def test_validation_message_names_each_field_and_its_first_message(gql, owner):
    body = gql(CREATE, {"input": {"name": "  ", "price": "1.235", "category": "Tools"}},
               user=owner)
    error = body["errors"][0]
    field_errors = error["extensions"]["fieldErrors"]
    assert set(field_errors) == {"name", "price"}
    assert error["message"] == "; ".join(
        f"{field}: {messages[0]}" for field, messages in field_errors.items())


def test_a_wrong_old_password_is_named_in_the_message(gql, owner):
    body = gql("""mutation Change($old: String!, $new: String!) {
      changePassword(oldPassword: $old, newPassword: $new) { id } }""",
               {"old": "not-the-password", "new": "a fine new pass phrase"}, user=owner)
    error = body["errors"][0]
    assert error["extensions"]["fieldErrors"].keys() == {"oldPassword"}
    assert error["message"].startswith("oldPassword: ")
