"""Reports over the change log: stockMovements (stock.reports)."""

from datetime import datetime
from enum import Enum
from typing import Annotated

import strawberry
import strawberry_django
from strawberry.types import Info
from strawberry_django.auth.utils import get_current_user
from strawberry_django.pagination import OffsetPaginationInfo, OffsetPaginationInput

from schema.pagination import checked_pagination
from schema.permissions import IsActiveUser
from schema.scalars import BigInt
from schema.stock.types import InventoryItemType, StockChangeReason
from stock import reports


@strawberry.enum(description="How stockMovements groups the log.")
class MovementGroup(Enum):
    ITEM = "ITEM"
    CATEGORY = "CATEGORY"
    REASON = "REASON"
    DAY = "DAY"


@strawberry.input(description="Narrows the log entries stockMovements sums.")
class MovementFilter:
    item_id: strawberry.ID | None = strawberry.field(
        default=None, description="Entries of this item (also once it is deleted)."
    )
    category: str | None = strawberry.field(
        default=None, description="Entries of items in this category (ignoring case)."
    )
    reason: StockChangeReason | None = strawberry.field(
        default=None, description="Entries with this reason."
    )


@strawberry.type(description="The net movement of one reason within a group.")
class ReasonTotal:
    reason: StockChangeReason = strawberry.field(description="The reason summed.")
    net: BigInt = strawberry.field(description="Sum of the deltas.")
    changes: int = strawberry.field(description="Number of changes.")


@strawberry.type(description="Sums of the log over the period for one group.")
class Movement:
    group: str = strawberry.field(
        description="The item id, category, reason or ISO date (UTC), by groupBy. Changes "
                    "of deleted items have an empty category."
    )
    item: InventoryItemType | None = strawberry.field(
        description="groupBy ITEM: the item; null once deleted."
    )
    item_name: str | None = strawberry.field(
        description="groupBy ITEM: the item's name at its last change in the period."
    )
    inbound: BigInt = strawberry.field(description="Sum of the positive deltas.")
    outbound: BigInt = strawberry.field(
        description="Sum of the negative deltas, as a positive number."
    )
    net: BigInt = strawberry.field(description="Sum of all deltas.")
    changes: int = strawberry.field(description="Number of changes.")
    by_reason: list[ReasonTotal] = strawberry.field(description="The net per reason present.")


@strawberry.type(description="One page of movements.")
class MovementPage:
    total_count: int = strawberry.field(description="Number of groups in the period.")
    page_info: OffsetPaginationInfo
    results: list[Movement]


MAX_LIMIT = 100
DEFAULT_LIMIT = 20


@strawberry.type
class StockReportQueries:
    @strawberry_django.field(
        extensions=[IsActiveUser()],
        description="Sums of the change log over [from, to) in your scope, per item, "
                    "category, reason or day (UTC); at most 366 days. Ordered by outbound "
                    "descending, then group; days in date order.",
    )
    def stock_movements(
        self,
        info: Info,
        from_: Annotated[datetime, strawberry.argument(
            name="from", description="Start of the period (included).")],
        to: Annotated[datetime, strawberry.argument(description="End of the period (excluded).")],
        group_by: Annotated[MovementGroup, strawberry.argument(
            description="What one movement sums.")] = MovementGroup.ITEM,
        filters: Annotated[MovementFilter | None, strawberry.argument(
            description="Narrows the entries summed.")] = None,
        pagination: Annotated[OffsetPaginationInput | None, strawberry.argument(
            description="Default limit 20, at most 100.")] = None,
    ) -> MovementPage:
        page = checked_pagination(pagination)
        if page.limit is strawberry.UNSET:
            limit = DEFAULT_LIMIT
        else:  # null means as many as allowed, as in strawberry-django's pages
            limit = MAX_LIMIT if page.limit is None else min(page.limit, MAX_LIMIT)
        narrowing = {}
        if filters is not None:
            narrowing = {"item_id": filters.item_id, "category": filters.category,
                         "reason": filters.reason.value if filters.reason else None}
        total, movements = reports.stock_movements(
            get_current_user(info), start=from_, end=to, group_by=group_by.value,
            filters=narrowing, offset=page.offset, limit=limit,
        )
        return MovementPage(
            total_count=total,
            page_info=OffsetPaginationInfo(offset=page.offset, limit=limit),
            results=[Movement(
                group=m.group, item=m.item, item_name=m.item_name, inbound=m.inbound,
                outbound=m.outbound, net=m.net, changes=m.changes,
                by_reason=[ReasonTotal(reason=StockChangeReason(r.reason), net=r.net,
                                       changes=r.changes) for r in m.by_reason],
            ) for m in movements],
        )
