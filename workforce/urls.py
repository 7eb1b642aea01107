from django.urls import path  # noqa: F401

from workforce import development_views

app_name = "workforce"
urlpatterns = []

# Development (workforce/development*.py).
urlpatterns += [
    path("agents/<int:agent_id>/development/", development_views.agent_development, name="agent-development"),
    path(
        "agents/<int:agent_id>/development.csv",
        development_views.agent_development_csv,
        name="agent-development-csv",
    ),
    path("agents/<int:agent_id>/development/rate/", development_views.competency_rate, name="competency-rate"),
    path("agents/<int:agent_id>/development/plans/new/", development_views.plan_new, name="plan-new"),
    path("development/plans/<int:plan_id>/edit/", development_views.plan_edit, name="plan-edit"),
    path("development/plans/<int:plan_id>/goals/new/", development_views.goal_new, name="goal-new"),
    path("development/goals/<int:goal_id>/edit/", development_views.goal_edit, name="goal-edit"),
    path("development/goals/<int:goal_id>/status/", development_views.goal_status, name="goal-status"),
    path("agents/<int:agent_id>/development/training/new/", development_views.training_new, name="training-new"),
    path("agents/<int:agent_id>/development/coaching/new/", development_views.coaching_new, name="coaching-new"),
    path("agents/<int:agent_id>/development/moves/new/", development_views.move_new, name="move-new"),
    path("agents/<int:agent_id>/development/reassess/", development_views.reassess, name="reassess"),
]
