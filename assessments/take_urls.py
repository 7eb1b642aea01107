from django.urls import path

from assessments import take_views

app_name = "take"
urlpatterns = [
    path("<str:token>/", take_views.welcome, name="welcome"),
    path("<str:token>/part/<int:number>/", take_views.section, name="section"),
    path("<str:token>/part/<int:number>/page/<int:page>/", take_views.section, name="section_page"),
    path("<str:token>/part/<int:number>/start/", take_views.section_start, name="section_start"),
    path("<str:token>/finish/", take_views.finish, name="finish"),
    path("<str:token>/done/", take_views.done, name="done"),
]
