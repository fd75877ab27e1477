"""A committed write is never reported as failed: publishing its live events can fail
(the channel layer is down or hangs); the write still answers success, and the loss is
logged once and counted."""

import asyncio
import logging
from unittest import mock

import pytest

from core import metrics
from stock.models import ItemChange
from tests.conftest import error_codes
from tests.factories import make_item

pytestmark = pytest.mark.django_db(transaction=True)  # real commits run on_commit hooks

ADJUST = """mutation($id: ID!) { adjustStock(input: {itemId: $id, delta: 2, reason: RECEIVED})
  { newQuantity } }"""


class BrokenLayer:
    def __init__(self, failure):
        self.failure = failure
        self.calls = 0

    async def group_send(self, group, message):
        self.calls += 1
        await self.failure()


async def _refused():
    raise ConnectionError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")


async def _hangs():
    await asyncio.sleep(30)


def lost() -> float:
    return metrics.EVENTS_LOST._value.get()


@pytest.mark.parametrize("failure", [_refused, _hangs], ids=["refused", "hangs"])
def test_write_succeeds_when_its_events_cannot_be_published(gql, owner, settings, caplog,
                                                            failure):
    settings.CHANNEL_PUBLISH_TIMEOUT_SECONDS = 0.2
    item = make_item(owner, quantity=1)
    layer = BrokenLayer(failure)
    before = lost()
    with mock.patch("stock.events.get_channel_layer", return_value=layer), \
            caplog.at_level(logging.WARNING, logger="stock.events"):
        body = gql(ADJUST, {"id": item.pk}, user=owner)
    assert "errors" not in body, body
    assert body["data"]["adjustStock"]["newQuantity"] == 3
    assert ItemChange.objects.filter(item=item).count() == 2
    assert layer.calls == 1  # the first send failed: the hook gave up, it did not loop
    assert lost() - before == 2  # the owner's group and the superusers' group
    losses = [r for r in caplog.records if r.name == "stock.events"]
    assert len(losses) == 1 and "lost" in losses[0].getMessage()


def test_create_and_update_succeed_with_the_layer_down(gql, owner, settings):
    settings.CHANNEL_PUBLISH_TIMEOUT_SECONDS = 0.2
    with mock.patch("stock.events.get_channel_layer", return_value=BrokenLayer(_refused)):
        created = gql('mutation { createItem(input: {name: "N", price: "1", category: "C", '
                      'quantity: 1}) { id } }', user=owner)
        assert error_codes(created) == [], created
        updated = gql('mutation($id: ID!) { updateItem(id: $id, input: {quantity: 9}) '
                      '{ quantity } }', {"id": created["data"]["createItem"]["id"]}, user=owner)
    assert updated["data"]["updateItem"]["quantity"] == 9, updated


def test_published_events_are_counted(gql, owner):
    item = make_item(owner, quantity=1)
    before = metrics.EVENTS_PUBLISHED._value.get()
    gql(ADJUST, {"id": item.pk}, user=owner)
    assert metrics.EVENTS_PUBLISHED._value.get() - before == 2
