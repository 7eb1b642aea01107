from django.urls import path

from profiles import api

urlpatterns = [
    path("service-types/", api.ServiceTypeListApi.as_view(), name="service-type-list"),
    path("service-types/<slug:code>/", api.ServiceTypeDetailApi.as_view(), name="service-type-detail"),
    path("markers/", api.MarkerListApi.as_view(), name="marker-list"),
    path("lexicon-versions/", api.LexiconVersionListApi.as_view(), name="lexicon-version-list"),
    path("competencies/", api.CompetencyListApi.as_view(), name="competency-list"),
    path("role-profiles/", api.RoleProfileListApi.as_view(), name="role-profile-list"),
    path("role-profiles/<slug:slug>/", api.RoleProfileDetailApi.as_view(), name="role-profile-detail"),
    path("classifier-versions/", api.ClassifierVersionListApi.as_view(), name="classifier-version-list"),
]
