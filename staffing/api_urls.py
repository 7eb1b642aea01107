from django.urls import path

from staffing import api, traffic_api

urlpatterns = [
    # Erlang and the hiring plan (staffing/api.py).
    path("staffing/erlang/", api.ErlangApi.as_view(), name="staffing-erlang"),
    path("staffing/plan/", api.StaffingPlanApi.as_view(), name="staffing-plan"),
    # Traffic (staffing/traffic_api.py).
    path("staffing/traffic/import/", traffic_api.TrafficImportApi.as_view(), name="staffing-traffic-import"),
    path("staffing/traffic/imports/", traffic_api.TrafficImportListApi.as_view(), name="staffing-traffic-imports"),
]
