from django.urls import path

from assessments import api

urlpatterns = [
    path("assessments/", api.AssessmentListApi.as_view(), name="assessment-list"),
    path("assessments/<slug:slug>/", api.AssessmentDetailApi.as_view(), name="assessment-detail"),
    path("assessments/<slug:slug>/psychometrics/", api.PsychometricsApi.as_view(), name="assessment-psychometrics"),
    path("invitations/", api.InvitationListApi.as_view(), name="invitation-list"),
    path("invitations/<int:invitation_id>/", api.InvitationDetailApi.as_view(), name="invitation-detail"),
    path("invitations/<int:invitation_id>/<slug:action>/", api.InvitationActionApi.as_view(), name="invitation-action"),
    path("attempts/<int:attempt_id>/result/", api.AttemptResultApi.as_view(), name="attempt-result"),
    path("take/<str:token>/", api.TakeApi.as_view(), name="take"),
    path("take/<str:token>/start/", api.StartApi.as_view(), name="take-start"),
    path("take/<str:token>/answers/<int:item_id>/", api.AnswerApi.as_view(), name="take-answer"),
    path("take/<str:token>/sections/<int:section_id>/open/", api.SectionOpenApi.as_view(), name="take-section-open"),
    path("take/<str:token>/submit/", api.SubmitApi.as_view(), name="take-submit"),
]
