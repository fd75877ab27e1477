"""The DRF reference: what a user would build instead of this API, and what the bench
compares it with. Django REST Framework views and serializers, SimpleJWT (the user
looked up per request), django-filter; the same tables, scope selectors and write
service. Lives in bench/ only, never in the product's URLconf."""

import django_filters
from rest_framework import generics, serializers, views
from rest_framework.pagination import LimitOffsetPagination
from rest_framework.response import Response

from stock.models import InventoryItem, ItemChange, StockChangeReason
from stock.selectors import changes_in_scope, items_in_scope
from stock.services import stock_adjust


class ItemSerializer(serializers.ModelSerializer):
    owner = serializers.CharField(source="owner.username", read_only=True)

    class Meta:
        model = InventoryItem
        fields = ["id", "name", "price", "quantity", "owner"]


class ItemFilter(django_filters.FilterSet):
    price_min = django_filters.NumberFilter(field_name="price", lookup_expr="gte")
    price_max = django_filters.NumberFilter(field_name="price", lookup_expr="lte")

    class Meta:
        model = InventoryItem
        fields = ["category"]


class Pagination(LimitOffsetPagination):
    max_limit = 100


class ItemList(generics.ListAPIView):
    serializer_class = ItemSerializer
    filterset_class = ItemFilter
    pagination_class = Pagination
    ordering_fields = ["name", "id"]

    def get_queryset(self):
        return items_in_scope(self.request.user).select_related("owner").order_by(
            "-date_added", "-id")


class ChangeSerializer(serializers.ModelSerializer):
    class Meta:
        model = ItemChange
        fields = ["delta", "reason", "timestamp"]


class ItemDetailSerializer(serializers.ModelSerializer):
    changes = serializers.SerializerMethodField()

    class Meta:
        model = InventoryItem
        fields = ["id", "name", "quantity", "changes"]

    def get_changes(self, item):
        changes = changes_in_scope(self.context["request"].user).filter(
            item_id=item.pk).order_by("-timestamp", "-id")[:5]
        return ChangeSerializer(changes, many=True).data


class ItemDetail(generics.RetrieveAPIView):
    serializer_class = ItemDetailSerializer

    def get_queryset(self):
        return items_in_scope(self.request.user).only("id", "name", "quantity")


class AdjustSerializer(serializers.Serializer):
    delta = serializers.IntegerField()
    reason = serializers.ChoiceField(choices=StockChangeReason.choices)
    note = serializers.CharField(required=False, allow_blank=True, default="")


class AdjustStock(views.APIView):
    def post(self, request, pk):
        data = AdjustSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        change = stock_adjust(actor=request.user, item_id=pk, **data.validated_data)
        return Response({"id": change.pk, "oldQuantity": change.old_quantity,
                         "newQuantity": change.new_quantity})
