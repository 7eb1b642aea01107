from django.urls import path

from servicefit.core import employer_views

app_name = "employer"
urlpatterns = [
    path("settings/", employer_views.employer_settings, name="settings"),
    path("logo/<slug:version>.<slug:ext>", employer_views.employer_logo_view, name="logo"),
]
