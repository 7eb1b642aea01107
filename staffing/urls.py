from django.urls import path

from staffing import views

app_name = "staffing"
urlpatterns = []

# The Staffing page and the hiring plan (staffing/views.py, staffing/plan_*.py).
urlpatterns += [
    path("", views.index, name="index"),
    path("plan.csv", views.plan_download, name="plan-csv"),
    path("requisition/", views.requisition_draft, name="requisition-draft"),
]
