import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from servicefit.core import registry


@pytest.fixture
def without_workforce_demo(monkeypatch):
    """The job-ad, candidate and admin checks do not need the synthetic contact centre (2–3 s a seed)."""
    monkeypatch.delitem(registry._demo_loaders, "workforce")


def test_it_refuses_to_create_public_passwords_with_debug_off(db, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG is off"):
        call_command("seed_demo")
    assert not get_user_model().objects.exists()


def test_it_creates_one_user_per_role_and_can_run_twice(db, settings, capsys):
    settings.DEBUG = True
    call_command("seed_demo")
    call_command("seed_demo")
    users = {u.username: u for u in get_user_model().objects.prefetch_related("groups")}
    # One login per role; the workforce demo's team leads (line managers of Oslo's and Stockholm's
    # agents) cannot log in.
    assert set(users) == {"recruiter", "hr", "manager", "admin", "lead-oslo", "lead-stockholm"}
    assert not any(users[lead].has_usable_password() for lead in ("lead-oslo", "lead-stockholm"))
    assert [g.name for g in users["hr"].groups.all()] == ["hr"]
    assert users["admin"].is_staff and not users["admin"].is_superuser
    assert not users["recruiter"].is_staff
    assert users["manager"].check_password("demo-manager")
    assert "recruiter  password demo-recruiter" in capsys.readouterr().out


def test_it_loads_demo_job_ads_in_four_languages_once(
    without_workforce_demo, db, settings, django_capture_on_commit_callbacks
):
    from hiring.models import BulkAnalysis, JobAd

    settings.DEBUG = True
    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo")
    call_command("seed_demo")
    ads = JobAd.objects.prefetch_related("revisions")
    assert ads.count() == 8
    assert {ad.revisions.order_by("number").first().language for ad in ads} == {"en", "da", "nb", "sv"}
    assert max(ad.revisions.count() for ad in ads) == 2  # the Danish ads show a rewrite to compare
    assert BulkAnalysis.objects.get().status == BulkAnalysis.Status.DONE


def test_it_loads_demo_candidates_with_results_and_an_item_analysis(without_workforce_demo, db, settings):
    from assessments.models import Attempt, Invitation, PsychometricReport

    settings.DEBUG = True
    call_command("seed_demo")
    call_command("seed_demo")
    from assessments.demo import DEMO_DOMAIN

    scored = Attempt.objects.filter(submitted_at__isnull=False, result__isnull=False)
    assert scored.filter(invitation__email__endswith=DEMO_DOMAIN).count() == 12
    assert Invitation.objects.filter(status=Invitation.Status.PENDING, email__endswith=DEMO_DOMAIN).count() == 2
    # The hiring demo's applicants took the assessment too (hiring/pipeline_demo.py), and the second
    # run's item analysis counts them.
    assert PsychometricReport.objects.latest().n_attempts == scored.count() > 12


def test_the_demo_admin_can_edit_the_framework_in_the_admin(without_workforce_demo, client, db, settings):
    settings.DEBUG = True
    call_command("seed_demo")
    client.login(username="admin", password="demo-admin")
    assert client.get("/admin/profiles/roleprofile/").status_code == 200
    assert client.get("/admin/profiles/languagemarker/?language=nb").status_code == 200


def test_it_names_the_address_the_server_runs_at(without_workforce_demo, db, settings, capsys):
    # `make run PORT=8123` sets SITE_URL to http://127.0.0.1:8123 in development.
    settings.DEBUG = True
    settings.SITE_URL = "http://127.0.0.1:8123"
    call_command("seed_demo")
    assert "Log in at http://127.0.0.1:8123/ as:" in capsys.readouterr().out
