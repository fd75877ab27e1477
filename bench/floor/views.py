"""The floor: plain Django views answering W1-W4 over the same tables, with .values()
and orjson. The same JWT middleware and scope selectors, the same write service; no
GraphQL. Lives in bench/ only, never in the product's URLconf."""

import functools

import orjson
from django.http import HttpResponse
from django.views.decorators.csrf import csrf_exempt

from stock.models import ItemChange
from stock.selectors import items_in_scope
from stock.services import stock_adjust


def _json(data, status=200) -> HttpResponse:
    return HttpResponse(orjson.dumps(data), status=status, content_type="application/json")


def floor_view(view):
    """CSRF-exempt, authenticated by the JWT middleware, JSON body in: view(user, body)."""

    @csrf_exempt
    @functools.wraps(view)
    def wrapper(request):
        if not request.user.is_authenticated:
            return _json({"error": "UNAUTHENTICATED"}, 401)
        return view(request.user, orjson.loads(request.body))

    return wrapper


@floor_view
def items(user, body):
    rows = items_in_scope(user).filter(
        category=body["category"], price__range=(body["priceMin"], body["priceMax"])
    ).order_by("name", "id")
    page = list(rows.values("id", "name", "price", "quantity", "owner__username")
                [: body.get("limit", 20)])
    for row in page:
        row["price"] = str(row["price"])
    return _json({"totalCount": rows.count(), "results": page})


@floor_view
def item(user, body):
    row = items_in_scope(user).filter(pk=body["id"]).values("id", "name", "quantity").first()
    if row is None:
        return _json({"error": "NOT_FOUND"}, 404)
    row["changes"] = list(
        ItemChange.objects.filter(item_id=row["id"]).order_by("-timestamp", "-id")
        .values("delta", "reason", "timestamp")[:5]
    )
    return _json(row)


@floor_view
def adjust(user, body):
    change = stock_adjust(actor=user, item_id=body["itemId"], delta=body["delta"],
                          reason=body["reason"])
    return _json({"id": change.pk, "oldQuantity": change.old_quantity,
                  "newQuantity": change.new_quantity})
