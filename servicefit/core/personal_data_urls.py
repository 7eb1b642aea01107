"""The personal-data pages (mounted at /personal-data/): servicefit/core/personal_data_views.py."""

from django.urls import path

from servicefit.core import personal_data_views

app_name = "personal-data"
urlpatterns = [
    path("", personal_data_views.search, name="search"),
    path("found/", personal_data_views.found, name="found"),
    path("export/", personal_data_views.export, name="export"),
    path("erase/", personal_data_views.erase, name="erase"),
]
