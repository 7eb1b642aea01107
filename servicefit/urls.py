from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.i18n import set_language
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from servicefit.core import api as core_api
from servicefit.core import personal_data_api
from servicefit.core import views as core_views
from servicefit.core.forms import AdminLoginForm, LoginForm

handler400 = "servicefit.core.exceptions.bad_request"
handler403 = "servicefit.core.exceptions.permission_denied"
handler404 = "servicefit.core.exceptions.page_not_found"
handler500 = "servicefit.core.exceptions.server_error"

admin.site.site_header = "ServiceFit"
admin.site.site_title = "ServiceFit"
# Both login pages count failed attempts (servicefit.core.login_limits).
admin.site.login_form = AdminLoginForm

api_patterns = [
    path("auth/token/", core_api.TokenObtainApi.as_view(), name="token-obtain"),
    path("personal-data/", personal_data_api.PersonalDataApi.as_view(), name="personal-data"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # The split view serves its init script as a file (/api/docs/?script=): no inline script, so the
    # docs page runs under a Content-Security-Policy of its own (core/middleware.py).
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
    path("", include("profiles.api_urls")),
    path("", include("hiring.api_urls")),
    path("", include("assessments.api_urls")),
    path("", include("workforce.api_urls")),
    path("", include("staffing.api_urls")),
]

urlpatterns = [
    path("", core_views.home, name="home"),
    path("healthz", core_views.health, name="health"),
    path("accounts/login/", auth_views.LoginView.as_view(authentication_form=LoginForm), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/setlang/", set_language, name="set_language"),
    path("admin/", admin.site.urls),
    path("api/", include((api_patterns, "api"))),
    path("profiles/", include("profiles.urls")),
    path("hiring/", include("hiring.urls")),
    path("assessments/", include("assessments.urls")),
    path("take/", include("assessments.take_urls")),
    path("employer/", include("servicefit.core.employer_urls")),
    path("talent-pool/", include("hiring.talent_pool_urls")),
    path("workforce/", include("workforce.urls")),
    path("pulse/", include("workforce.pulse_urls")),
    path("staffing/", include("staffing.urls")),
    path("personal-data/", include("servicefit.core.personal_data_urls")),
]
