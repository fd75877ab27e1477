from django.urls import path

from bench.floor import views
from config.urls import urlpatterns as product_urls

urlpatterns = [
    *product_urls,
    path("floor/items", views.items),
    path("floor/item", views.item),
    path("floor/adjust", views.adjust),
]
