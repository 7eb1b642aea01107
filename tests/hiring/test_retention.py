from datetime import date, datetime, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from assessments.models import Invitation
from hiring import retention
from hiring.expiry import candidates_expire, candidates_expired
from hiring.models import Application, Candidate, Stage, TalentPoolEntry
from hiring.tasks import candidate_retention_task
from servicefit.core.checks import check_retention_settings
from servicefit.core.choices import Country
from servicefit.core.models import AccessLog
from servicefit.core.teams import team_default

from .privacy_factories import apply, assessed, candidate_make, pooled, requisition_end, requisition_make

# Pure: the presets and the calendar ----------------------------------------------------------------


def test_it_has_a_sourced_preset_for_every_country_the_teams_can_choose():
    assert set(retention.PRESETS) == set(Country.values) == {"DK", "NO", "SE"}
    assert "Datatilsynet" in retention.PRESETS["DK"].source
    assert "Datatilsynet (NO)" in retention.PRESETS["NO"].source
    assert "IMY" in retention.PRESETS["SE"].source and "Diskrimineringslagen" in retention.PRESETS["SE"].source
    for preset in retention.PRESETS.values():
        assert 1 <= preset.months <= preset.ceiling_months


def test_it_keeps_swedish_applicants_for_the_two_years_a_discrimination_claim_can_take():
    assert retention.PRESETS["SE"].months == 24


def test_a_teams_own_months_win_over_the_install_and_the_preset():
    assert retention.retention_months(country="DK") == 6
    assert retention.retention_months(country="DK", install_months=9) == 9
    assert retention.retention_months(country="DK", team_months=3, install_months=9) == 3
    with pytest.raises(ValueError, match="FI"):
        retention.retention_months(country="FI")


def test_it_counts_calendar_months_and_stays_inside_short_months():
    assert retention.months_before(date(2026, 3, 31), 1) == date(2026, 2, 28)
    assert retention.months_before(date(2024, 3, 31), 1) == date(2024, 2, 29)
    assert retention.months_before(date(2026, 1, 15), 24) == date(2024, 1, 15)
    assert retention.months_after(datetime(2026, 1, 31, 9, 30), 1) == datetime(2026, 2, 28, 9, 30)
    assert retention.months_after(datetime(2026, 11, 30), 12) == datetime(2027, 11, 30)


# The system check -----------------------------------------------------------------------------------


def test_the_system_check_refuses_an_unknown_country_and_bad_periods():
    assert check_retention_settings(None) == []
    with override_settings(SERVICEFIT_RETENTION_COUNTRY="FI"):
        assert [e.id for e in check_retention_settings(None)] == ["core.E020"]
    with override_settings(SERVICEFIT_RETENTION_MONTHS=-1):
        assert [e.id for e in check_retention_settings(None)] == ["core.E021"]
    with override_settings(TALENT_POOL_CONSENT_MONTHS=1, TALENT_POOL_RENEWAL_DAYS=45):
        assert [e.id for e in check_retention_settings(None)] == ["core.E022"]


# The purge --------------------------------------------------------------------------------------------


@pytest.fixture
def closed_long_ago(recruiter):
    """A Danish-rules requisition closed seven months ago (the preset keeps six)."""
    return requisition_end(requisition_make(recruiter, title="Lukket"), days_ago=215)


def test_it_erases_applicants_of_a_requisition_closed_longer_ago_than_the_period(recruiter, closed_long_ago):
    gone = candidate_make(recruiter, 1, cv_text="CV text", education="HHX")
    apply(recruiter, gone, closed_long_ago)
    recent = requisition_end(requisition_make(recruiter, title="Nylig"), days_ago=150)
    kept = candidate_make(recruiter, 2)
    apply(recruiter, kept, recent)
    assert candidates_expired() == [gone.id]
    counts = candidates_expire()
    assert counts.candidates == 1
    assert list(Candidate.objects.values_list("id", flat=True)) == [kept.id]
    assert not Application.objects.filter(candidate_id=gone.id).exists()
    log = AccessLog.objects.get(action="erase")
    assert (log.user_id, log.category, log.target_id) == (None, "applicant", str(gone.id))


def test_one_application_still_running_keeps_the_candidate(recruiter, closed_long_ago):
    candidate = candidate_make(recruiter)
    apply(recruiter, candidate, closed_long_ago)
    apply(recruiter, candidate, requisition_make(recruiter, title="Åben"))
    assert candidates_expire().candidates == 0
    assert Candidate.objects.filter(id=candidate.id).exists()


def test_a_hired_candidate_is_kept_for_their_employment_record(recruiter, closed_long_ago):
    candidate = candidate_make(recruiter)
    Application.objects.filter(id=apply(recruiter, candidate, closed_long_ago).id).update(stage=Stage.HIRED)
    assert candidates_expire().candidates == 0


def test_the_teams_country_and_months_decide_the_period(recruiter, closed_long_ago):
    apply(recruiter, candidate_make(recruiter), closed_long_ago)
    team = team_default()
    team.country = "SE"
    team.save()
    assert candidates_expired() == []  # Sweden keeps two years
    team.retention_months = 8
    team.save()
    assert candidates_expired() == []  # eight months are not over after 215 days
    team.retention_months = 6
    team.save()
    assert len(candidates_expired()) == 1


@override_settings(SERVICEFIT_RETENTION_COUNTRY="SE")
def test_the_install_default_country_applies_to_teams_without_one(recruiter, closed_long_ago):
    apply(recruiter, candidate_make(recruiter), closed_long_ago)
    assert candidates_expired() == []


def test_a_running_talent_pool_consent_keeps_the_candidate_and_a_lapsed_one_does_not(recruiter, closed_long_ago):
    kept = candidate_make(recruiter, 1)
    apply(recruiter, kept, closed_long_ago)
    pooled(recruiter, kept, expires_in_days=40)
    lapsed = candidate_make(recruiter, 2)
    apply(recruiter, lapsed, closed_long_ago)
    pooled(recruiter, lapsed, expires_in_days=-1)
    assert candidates_expired() == [lapsed.id]


def test_a_lapsed_consent_ends_even_when_an_application_keeps_the_candidate(recruiter):
    candidate = candidate_make(recruiter)
    apply(recruiter, candidate, requisition_make(recruiter))
    pooled(recruiter, candidate, expires_in_days=-1)
    counts = candidates_expire()
    assert (counts.candidates, counts.lapsed_consents) == (0, 1)
    assert Candidate.objects.filter(id=candidate.id).exists() and not TalentPoolEntry.objects.exists()


def test_a_candidate_who_never_applied_goes_after_the_period_from_their_creation(recruiter):
    old = candidate_make(recruiter, 1)
    Candidate.objects.filter(id=old.id).update(created_at=timezone.now() - timedelta(days=200))
    candidate_make(recruiter, 2)
    assert candidates_expired() == [old.id]


def test_the_purge_also_erases_the_assessment_invitations_of_the_applications(recruiter, closed_long_ago):
    application = apply(recruiter, candidate_make(recruiter), closed_long_ago)
    invitation = assessed(application, recruiter)
    candidates_expire()
    placeholder = Invitation.objects.get(id=invitation.id)  # submitted: kept anonymous for the statistics
    assert (placeholder.email, placeholder.name) == ("", "—")
    assert placeholder.attempt.result.text_analysis == {}


def test_the_task_is_idempotent(recruiter, closed_long_ago):
    apply(recruiter, candidate_make(recruiter), closed_long_ago)
    candidate_retention_task.delay()
    candidate_retention_task.delay()
    assert not Candidate.objects.exists()
    assert AccessLog.objects.filter(action="erase", category="applicant").count() == 1


def test_the_dry_run_counts_without_names_and_changes_nothing(recruiter, closed_long_ago):
    candidate = candidate_make(recruiter)
    apply(recruiter, candidate, closed_long_ago)
    out = StringIO()
    call_command("candidates_expire", "--dry-run", stdout=out)
    assert "candidates would be erased: 1" in out.getvalue()
    assert candidate.name not in out.getvalue() and candidate.email not in out.getvalue()
    assert Candidate.objects.filter(id=candidate.id).exists()
    assert not AccessLog.objects.filter(action="erase").exists()
    out = StringIO()
    call_command("candidates_expire", stdout=out)
    assert "candidates erased: 1" in out.getvalue()
    assert not Candidate.objects.exists()
