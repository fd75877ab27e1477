"""Random operations by random users, checked against a plain in-memory model after
every step: quantities, never negative, unbroken log chains, no scope leaks."""

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    consumes,
    invariant,
    rule,
    run_state_machine_as_test,
)

from core.errors import Conflict, Forbidden, InvalidInput, NotFound
from stock.batches import change_revert, stock_adjust_batch, stock_count
from stock.models import InventoryItem, ItemChange
from stock.selectors import changes_in_scope, items_in_scope
from stock.services import item_create, item_delete, item_update, stock_adjust
from tests.factories import OwnerFactory, SuperuserFactory, WorkerFactory

MAX = 2_147_483_647
ACTORS = ["owner_a", "worker_a", "owner_b", "worker_b", "superuser"]
quantities = st.one_of(st.integers(0, 50), st.sampled_from([0, MAX - 1, MAX]))
deltas = st.one_of(st.integers(-30, 30).filter(bool), st.sampled_from([MAX, -MAX]))


class StockMachine(RuleBasedStateMachine):
    items = Bundle("items")

    def __init__(self):
        super().__init__()
        owner_a, owner_b = OwnerFactory(), OwnerFactory()
        self.users = {
            "owner_a": owner_a, "worker_a": WorkerFactory(employer=owner_a),
            "owner_b": owner_b, "worker_b": WorkerFactory(employer=owner_b),
            "superuser": SuperuserFactory(),
        }
        self.owner_of_actor = {"owner_a": owner_a.pk, "worker_a": owner_a.pk,
                               "owner_b": owner_b.pk, "worker_b": owner_b.pk}
        self.model: dict[int, tuple[int, int]] = {}  # item id -> (owner id, quantity)
        self.keys: dict[tuple[str, str], tuple[tuple, int]] = {}  # (actor, key) -> (args, change)

    def in_scope(self, actor: str, item_id: int) -> bool:
        return actor == "superuser" or self.owner_of_actor[actor] == self.model[item_id][0]

    @rule(target=items, creator=st.sampled_from(["owner_a", "owner_b", "superuser"]),
          quantity=quantities)
    def create(self, creator, quantity):
        item = item_create(actor=self.users[creator], name="n", price="1", category="c",
                           quantity=quantity)
        self.model[item.pk] = (item.owner_id, quantity)
        return item.pk

    @rule(item=items, actor=st.sampled_from(ACTORS), delta=deltas,
          key=st.sampled_from([None, "k1", "k2"]))
    def adjust(self, item, actor, delta, key):
        if item not in self.model:
            return
        args = (item, delta, "RECEIVED" if delta > 0 else "SOLD")
        expected_replay = self.keys.get((actor, key)) if key else None
        try:
            change = stock_adjust(actor=self.users[actor], item_id=item, delta=delta,
                                  reason=args[2], idempotency_key=key)
        except NotFound:
            assert not self.in_scope(actor, item)
            return
        except Conflict:
            if expected_replay is not None:
                assert expected_replay[0] != args  # same key, other arguments
                return
            owner, quantity = self.model[item]
            assert not 0 <= quantity + delta <= MAX
            return
        if expected_replay is not None:
            assert expected_replay[0] == args and change.pk == expected_replay[1]
            return
        assert self.in_scope(actor, item)
        owner, quantity = self.model[item]
        self.model[item] = (owner, quantity + delta)
        assert change.new_quantity == quantity + delta
        if key:
            self.keys[(actor, key)] = (args, change.pk)

    @rule(item=items, actor=st.sampled_from(ACTORS), quantity=quantities)
    def set_quantity(self, item, actor, quantity):
        if item not in self.model:
            return
        try:
            item_update(actor=self.users[actor], item_id=item, quantity=quantity)
        except NotFound:
            assert not self.in_scope(actor, item)
            return
        assert self.in_scope(actor, item)
        self.model[item] = (self.model[item][0], quantity)

    @rule(actor=st.sampled_from(ACTORS), data=st.data(),
          key=st.sampled_from([None, "b1", "b2"]), repeat=st.booleans())
    def batch(self, actor, data, key, repeat):
        if not self.model:
            return
        previous = self.keys.get((actor, key)) if key else None
        if repeat and previous is not None and previous[0][0] == "batch" and all(
                item in self.model for item, _ in previous[0][1]):
            args = previous[0]  # a retry of the same request
        else:
            # mostly items in the actor's scope, sometimes any (then NOT_FOUND, nothing applied)
            pool = sorted(item for item in self.model if self.in_scope(actor, item))
            if not pool or data.draw(st.integers(0, 4)) == 0:
                pool = sorted(self.model)
            picked = data.draw(st.lists(st.sampled_from(pool), min_size=1, max_size=4,
                                        unique=True))
            amounts = st.one_of(st.integers(-5, 30).filter(bool), deltas)
            args = ("batch", tuple((item, data.draw(amounts)) for item in picked))
        picked = [item for item, _ in args[1]]
        replay = self.keys.get((actor, key)) if key else None
        lines = [{"item_id": item, "delta": delta} for item, delta in args[1]]
        before = {item: self.model[item][1] for item in picked}
        try:
            changes = stock_adjust_batch(actor=self.users[actor], lines=lines,
                                         reason="RECEIVED", idempotency_key=key)
        except NotFound:
            assert not all(self.in_scope(actor, item) for item in picked)
            return
        except Conflict:
            if replay is not None:
                assert replay[0] != args
                return
            assert any(not 0 <= before[item] + delta <= MAX for item, delta in args[1])
            return
        if replay is not None:
            assert replay[0] == args and [c.pk for c in changes] == replay[1]
            return
        for item, delta in args[1]:
            self.model[item] = (self.model[item][0], before[item] + delta)
        assert [c.new_quantity for c in changes] == [before[i] + d for i, d in args[1]]
        if key:
            self.keys[(actor, key)] = (args, [c.pk for c in changes])

    @rule(picked=st.lists(items, min_size=1, max_size=4),
          actor=st.sampled_from(ACTORS), data=st.data())
    def count(self, picked, actor, data):
        picked = [item for item in dict.fromkeys(picked) if item in self.model]
        if not picked:
            return
        counted = {item: data.draw(quantities) for item in picked}
        try:
            changes, unchanged = stock_count(
                actor=self.users[actor],
                counts=[{"item_id": item, "quantity": q} for item, q in counted.items()])
        except NotFound:
            assert not all(self.in_scope(actor, item) for item in picked)
            return
        differing = {item for item, q in counted.items() if self.model[item][1] != q}
        assert unchanged == len(picked) - len(differing)
        assert {c.item_id for c in changes} == differing
        for item, q in counted.items():
            self.model[item] = (self.model[item][0], q)

    @rule(item=items, actor=st.sampled_from(ACTORS), back=st.integers(0, 3))
    def revert(self, item, actor, back):
        if item not in self.model:
            return
        log = list(ItemChange.objects.filter(item_id=item).order_by("-timestamp", "-id")[:4])
        target = log[min(back, len(log) - 1)]
        owner, quantity = self.model[item]
        try:
            reversal = change_revert(actor=self.users[actor], change_id=target.pk)
        except NotFound:
            assert not self.in_scope(actor, item)
            return
        except InvalidInput:
            assert target.reason in ("INITIAL", "REVERSAL")
            return
        except Conflict:
            assert (ItemChange.objects.filter(reverts=target).exists()
                    or not 0 <= quantity - target.delta <= MAX)
            return
        assert target.reason not in ("INITIAL", "REVERSAL", "DELETED")
        assert reversal.reverts_id == target.pk and reversal.delta == -target.delta
        self.model[item] = (owner, quantity - target.delta)

    @rule(item=consumes(items), actor=st.sampled_from(ACTORS))
    def delete(self, item, actor):
        if item not in self.model:
            return
        try:
            item_delete(actor=self.users[actor], item_id=item)
        except NotFound:
            assert not self.in_scope(actor, item)
            return
        except Forbidden:
            assert actor.startswith("worker")
            return
        del self.model[item]

    @invariant()
    def quantities_match_the_model(self):
        owners = {self.users["owner_a"].pk, self.users["owner_b"].pk, self.users["superuser"].pk}
        stored = dict(InventoryItem.objects.filter(owner_id__in=owners)
                      .values_list("id", "quantity"))
        assert stored == {pk: quantity for pk, (_, quantity) in self.model.items()}
        assert all(quantity >= 0 for quantity in stored.values())

    @invariant()
    def every_log_is_a_chain_ending_at_the_quantity(self):
        for pk, (_, quantity) in self.model.items():
            changes = list(ItemChange.objects.filter(item_id=pk).order_by("timestamp", "id"))
            assert changes[0].old_quantity == 0 and changes[0].reason == "INITIAL"
            for previous, current in zip(changes, changes[1:], strict=False):
                assert current.old_quantity == previous.new_quantity
            assert changes[-1].new_quantity == quantity
            assert sum(change.delta for change in changes) == quantity
            for change in changes:  # every REVERSAL undoes one earlier change of this chain
                if change.reason == "REVERSAL":
                    undone = next(c for c in changes if c.pk == change.reverts_id)
                    assert undone.pk < change.pk and change.delta == -undone.delta

    @invariant()
    def scopes_never_leak(self):
        for actor in ("owner_a", "worker_a", "owner_b", "worker_b"):
            user, owner = self.users[actor], self.owner_of_actor[actor]
            assert set(items_in_scope(user).values_list("owner_id", flat=True)) <= {owner}
            assert set(changes_in_scope(user).values_list("owner_id", flat=True)) <= {owner}


@pytest.mark.django_db
def test_stock_state_machine():
    run_state_machine_as_test(StockMachine, settings=settings(
        max_examples=25, stateful_step_count=25, deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                               HealthCheck.filter_too_much]))
