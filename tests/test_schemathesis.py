"""Schemathesis calls every API operation in-process with generated requests, valid and invalid,
as an admin with a token, and fails on a server error or a response the schema does not describe."""

import json
from datetime import date

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.config import SchemathesisConfig
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from assessments import services as assessment_services
from assessments.models import Assessment
from servicefit.core.tokens import api_token_issue
from tests.hiring.factories import DA_AD, job_ad_make

MAX_EXAMPLES = 8
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]

# The schema as the server serves it (the same generator), loaded without a request so that the
# tests can be collected before any database exists. `mode: all` sends invalid requests too.
schema = schemathesis.openapi.from_dict(
    json.loads(OpenApiJsonRenderer().render(SchemaGenerator().get_schema(request=None, public=True))),
    config=SchemathesisConfig.from_dict(
        {
            "phases": {"coverage": {"enabled": False}, "stateful": {"enabled": False}},
            "generation": {"mode": "all", "max-examples": MAX_EXAMPLES},
        }
    ),
)
schema.app = get_wsgi_application()
# Retraining the classifier takes ~13 s per call in-process; tests/profiles covers that endpoint.
schema = schema.exclude(method="POST", path="/api/classifier-versions/")


@pytest.fixture
def admin_headers(admin_user, recruiter, django_capture_on_commit_callbacks):
    # Requests go through Django's WSGI handler, which closes "old" connections around each request:
    # that would end the test's transaction. Django's own test client switches this off the same way.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    job_ad_make(owner=recruiter, title="Kundeservice Aarhus", text=DA_AD)
    with django_capture_on_commit_callbacks(execute=True):
        assessment_services.invitation_create(
            assessment=Assessment.objects.get(slug="service-profile-standard"),
            email="sofie@example.dk",
            name="Sofie Jensen",
            language="da",
            user=recruiter,
        )
    _token, key = api_token_issue(user=admin_user)
    yield {"Authorization": f"Token {key}"}
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_the_api_keeps_the_promises_of_its_schema(case, admin_headers):
    case.call_and_validate(headers=admin_headers, checks=CHECKS)


def test_real_objects_have_the_documented_shapes(admin_headers, recruiter, django_capture_on_commit_callbacks):
    """Random ids mostly meet 404s; these requests reach existing objects, so their 200 bodies are
    validated against the schema too."""
    from hiring import services as hiring_services
    from hiring.models import JobAd

    job_ad = JobAd.objects.get()
    hiring_services.job_ad_revise(job_ad=job_ad, text=DA_AD + " Du tager styringen.", user=recruiter)
    with django_capture_on_commit_callbacks(execute=True):
        bulk = hiring_services.bulk_analysis_create(
            name="Uge 2", items=[{"name": "=1+1", "text": DA_AD}, {"name": "tom", "text": " "}], user=recruiter
        )
    from tests.workforce.agent_factories import agent_make, risk_make

    agent = agent_make(None, 1, channels=["phone"])
    risk_make(agent, 0.2)
    from tests.staffing.factories import day_rows, traffic_import_make

    traffic_import_make(day_rows(date(2025, 3, 3)), user=None)
    requests = [
        ("GET", "/api/agents/", {}, {}, None),
        ("GET", "/api/agents/{agent_id}/", {"agent_id": agent.id}, {}, None),
        ("GET", "/api/assessments/{slug}/", {"slug": "service-profile-standard"}, {}, None),
        ("GET", "/api/job-ads/{job_ad_id}/", {"job_ad_id": job_ad.id}, {}, None),
        ("GET", "/api/job-ads/{job_ad_id}/revisions/", {"job_ad_id": job_ad.id}, {}, None),
        ("GET", "/api/job-ads/{job_ad_id}/revisions/{number}/", {"job_ad_id": job_ad.id, "number": 2}, {}, None),
        ("GET", "/api/job-ads/{job_ad_id}/compare/", {"job_ad_id": job_ad.id}, {"a": 1, "b": 2}, None),
        ("GET", "/api/bulk-analyses/{bulk_id}/", {"bulk_id": bulk.id}, {}, None),
        ("GET", "/api/bulk-analyses/", {}, {}, None),
        ("GET", "/api/invitations/", {}, {}, None),
        ("GET", "/api/markers/", {}, {"limit": 500}, None),
        ("GET", "/api/staffing/traffic/imports/", {}, {}, None),
        ("POST", "/api/job-ads/analyze/", {}, {}, {"text": DA_AD, "role_profile": "advisor-controller-led"}),
        (
            "POST",
            "/api/invitations/",
            {},
            {},
            {"assessment": "service-profile-standard", "email": "a@example.dk", "name": "Ann", "language": "sv"},
        ),
    ]
    for method, path, path_parameters, query, body in requests:
        operation = schema[path][method]
        kwargs = {"path_parameters": path_parameters, "query": query}
        if body is not None:
            kwargs.update(body=body, media_type="application/json")
        response = operation.Case(**kwargs).call_and_validate(headers=admin_headers, checks=CHECKS)
        assert response.status_code in (200, 201), (method, path, response.status_code, response.text[:300])
