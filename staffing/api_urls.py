from django.urls import path

from staffing import traffic_api

urlpatterns = []

# Traffic (staffing/traffic_api.py).
urlpatterns += [
    path("staffing/traffic/import/", traffic_api.TrafficImportApi.as_view(), name="staffing-traffic-import"),
    path("staffing/traffic/imports/", traffic_api.TrafficImportListApi.as_view(), name="staffing-traffic-imports"),
]
