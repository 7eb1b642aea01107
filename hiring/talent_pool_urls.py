from django.urls import path

from hiring import talent_pool_views

app_name = "talent-pool"
urlpatterns = [
    path("<str:token>/", talent_pool_views.consent, name="consent"),
]
