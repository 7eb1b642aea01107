"""The agents' public pulse pages (mounted at /pulse/): the personal link is the credential."""

from django.urls import path

from workforce import pulse_answer_views

app_name = "pulse"
urlpatterns = [
    path("<str:token>/", pulse_answer_views.answer, name="answer"),
    path("<str:token>/thanks/", pulse_answer_views.thanks, name="thanks"),
]
