from django.urls import path

from assessments import views

app_name = "assessments"
urlpatterns = [
    path("", views.index, name="index"),
    path("invite/", views.invite, name="invite"),
    path("invitations/<int:invitation_id>/", views.invitation, name="invitation"),
    path("invitations/<int:invitation_id>/report/", views.invitation_report, name="invitation-report"),
    path("invitations/<int:invitation_id>/<slug:action>/", views.invitation_action, name="invitation-action"),
    path("answers/<int:answer_id>/review/", views.review, name="review"),
    path("<slug:slug>/items/", views.item_analysis, name="item-analysis"),
    path("<slug:slug>/items/recompute/", views.item_analysis_recompute, name="item-analysis-recompute"),
]
