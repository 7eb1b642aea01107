from django.urls import path

from staffing import api

urlpatterns = [
    # Erlang and the hiring plan (staffing/api.py).
    path("staffing/erlang/", api.ErlangApi.as_view(), name="staffing-erlang"),
    path("staffing/plan/", api.StaffingPlanApi.as_view(), name="staffing-plan"),
]
