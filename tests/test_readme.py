"""The README's GraphQL examples, run in order with their variables (the JSON block under
each) against the demo data; subscriptions are validated against the schema
(tests/schema/test_subscriptions.py runs them)."""

import json
from pathlib import Path

from django.core.management import call_command
from graphql import (
    GraphQLObjectType,
    TypeInfo,
    TypeInfoVisitor,
    get_named_type,
    parse,
    validate,
)
from graphql.language import FieldNode, OperationDefinitionNode, Visitor, visit

from accounts.models import User
from schema.schema import schema
from tests.doc_examples import examples

README = Path(__file__).resolve().parents[1] / "README.md"


def objects_without_id(document) -> list[str]:
    """Fields of an object type that has an id, selected without it."""
    type_info = TypeInfo(schema._schema)
    missing = []

    class Fields(Visitor):
        def enter_field(self, node: FieldNode, *_):
            named = get_named_type(type_info.get_type())
            if isinstance(named, GraphQLObjectType) and "id" in named.fields:
                names = {child.name.value for child in node.selection_set.selections}
                if "id" not in names:
                    missing.append(node.name.value)

    visit(document, TypeInfoVisitor(type_info, Fields()))
    return missing


def test_readme_examples_work(gql, db):
    call_command("seed_demo")
    blocks = examples(README)
    assert len(blocks) >= 6
    owner = User.objects.get(username="demo_owner")
    login_query, login_variables = blocks[0]
    login = gql(login_query, login_variables)
    assert login["data"]["tokenAuth"]["user"]["username"] == "demo_owner"
    item_id = None
    for query, variables in blocks[1:]:
        if query.lstrip().startswith("subscription"):
            assert validate(schema._schema, parse(query)) == [], query
            continue
        if item_id is not None:
            variables = json.loads(json.dumps(variables).replace("ITEM_ID", item_id))
        body = gql(query, variables, user=owner)
        assert "errors" not in body, (query, body)
        if "createItem" in body["data"]:
            item_id = body["data"]["createItem"]["id"]
    assert item_id is not None


def test_readme_examples_use_variables_and_select_ids():
    for query, variables in examples(README):
        document = parse(query)
        operation = next(d for d in document.definitions
                         if isinstance(d, OperationDefinitionNode))
        if operation.operation.value != "subscription":
            declared = {v.variable.name.value for v in operation.variable_definitions}
            assert declared and declared == set(variables), query
        assert objects_without_id(document) == [], query
