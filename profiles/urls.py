from django.urls import path

from profiles import views

app_name = "profiles"
urlpatterns = [
    path("", views.index, name="index"),
    path("service-types/<slug:code>/", views.service_type_detail, name="service-type-detail"),
    path("role-profiles/new/", views.role_profile_new, name="role-profile-new"),
    path("role-profiles/<slug:slug>/", views.role_profile_detail, name="role-profile-detail"),
    path("role-profiles/<slug:slug>/edit/", views.role_profile_edit, name="role-profile-edit"),
    path("lexicon/", views.lexicon, name="lexicon"),
    path("lexicon/v<int:number>.<str:fmt>", views.lexicon_export, name="lexicon-export"),
    path("lexicon/uploads/", views.lexicon_upload, name="lexicon-upload"),
    path("lexicon/uploads/<int:upload_id>/", views.lexicon_upload_status, name="lexicon-upload-status"),
    path("lexicon/uploads/<int:upload_id>/retry/", views.lexicon_upload_retry, name="lexicon-upload-retry"),
    path("classifier/", views.classifier, name="classifier"),
    path("classifier/retrain/", views.classifier_retrain, name="classifier-retrain"),
]
