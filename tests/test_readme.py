"""The README's GraphQL examples, run in order against the demo data (subscriptions are
validated against the schema; tests/schema/test_subscriptions.py runs them)."""

import re
from pathlib import Path

from django.core.management import call_command
from graphql import parse, validate

from accounts.models import User
from schema.schema import schema

README = Path(__file__).resolve().parents[1] / "README.md"


def test_readme_examples_work(gql, db):
    call_command("seed_demo")
    blocks = re.findall(r"```graphql\n(.*?)```", README.read_text(), re.S)
    assert len(blocks) >= 6
    owner = User.objects.get(username="demo_owner")
    login = gql(blocks[0])
    assert login["data"]["tokenAuth"]["user"]["username"] == "demo_owner"
    item_id = None
    for block in blocks[1:]:
        if block.lstrip().startswith("subscription"):
            assert validate(schema._schema, parse(block)) == [], block
            continue
        if item_id is not None:
            block = block.replace("ITEM_ID", item_id)
        body = gql(block, user=owner)
        assert "errors" not in body, (block, body)
        if "createItem" in body["data"]:
            item_id = body["data"]["createItem"]["id"]
    assert item_id is not None
