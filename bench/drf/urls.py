from django.urls import path

from bench.drf import views
from config.urls import urlpatterns as product_urls

urlpatterns = [
    *product_urls,
    path("drf/items", views.ItemList.as_view()),
    path("drf/items/<int:pk>", views.ItemDetail.as_view()),
    path("drf/items/<int:pk>/adjust", views.AdjustStock.as_view()),
]
