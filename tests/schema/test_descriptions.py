"""GraphiQL's Docs pane is the reference most client developers read: everything in the
schema that a client names carries a description, as introspection reports it."""

from graphql import introspection_from_schema

from schema.schema import schema


def _undescribed() -> list[str]:
    missing = []
    for graphql_type in introspection_from_schema(schema._schema)["__schema"]["types"]:
        name = graphql_type["name"]
        if name.startswith("__") or graphql_type["kind"] == "SCALAR" and name in {
            "String", "Int", "Float", "Boolean", "ID"
        }:
            continue
        if not graphql_type["description"]:
            missing.append(name)
        for field in graphql_type["fields"] or []:
            if not field["description"]:
                missing.append(f"{name}.{field['name']}")
            missing += [f"{name}.{field['name']}({arg['name']})" for arg in field["args"]
                        if not arg["description"]]
        missing += [f"{name}.{field['name']}" for field in graphql_type["inputFields"] or []
                    if not field["description"]]
        missing += [f"{name}.{value['name']}" for value in graphql_type["enumValues"] or []
                    if not value["description"]]
    return missing


def test_every_type_field_argument_and_value_is_described():
    assert _undescribed() == []


def test_operations_say_what_fails():
    fields = {
        f"{t['name']}.{f['name']}": f for t in introspection_from_schema(schema._schema)[
            "__schema"]["types"] if t["name"] in {"Query", "Mutation"} for f in t["fields"]
    }
    assert "CREDENTIALS_INVALID" in fields["Mutation.tokenAuth"]["description"]
    assert "CONFLICT" in fields["Mutation.adjustStock"]["description"]
    pagination = {a["name"]: a for a in fields["Query.items"]["args"]}["pagination"]
    assert "at most 100" in pagination["description"]
