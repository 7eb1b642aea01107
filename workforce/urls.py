from django.urls import path

from workforce import agent_views

app_name = "workforce"
urlpatterns = [
    path("", agent_views.agent_index, name="index"),
    path("agents.csv", agent_views.agent_csv, name="agents-csv"),
    path("team/", agent_views.team_page, name="team"),
    path("agents/new/", agent_views.agent_new, name="agent-new"),
    path("agents/<int:agent_id>/", agent_views.agent_detail, name="agent-detail"),
    path("agents/<int:agent_id>/edit/", agent_views.agent_edit, name="agent-edit"),
    path("agents/<int:agent_id>/exit/", agent_views.agent_exit, name="agent-exit"),
    path("agents/<int:agent_id>/rehire/", agent_views.agent_rehire, name="agent-rehire"),
]
