"""Reads of hires: the contract for apps above hiring (workforce) and for hiring's own API.

Contract (hiring never imports the apps that use it):

- `hire_list(*, since=None, team=None, include_cancelled=False, requisition=None, user=None)` returns
  a queryset of `hiring.models.Hire`, newest `hired_on` first, with `requisition`, `team`,
  `role_profile`, `candidate` and `application` joined (no query per row). `since` keeps the hires
  with `hired_on` on or after that date; `team` is a Team or its id; cancelled hires (`cancelled_at`
  set: the move to hired was undone) are left out unless `include_cancelled`. Without `user` it is
  the system's view of every team; with one, the teams the user reaches (CANDIDATE_RESULTS_READ).
- `hire_get(hire_id, *, user=None)` returns one Hire with the same joins (cancelled ones too);
  Hire.DoesNotExist (or Http404 with `user`) when there is none.
- `hire_data(hire)` is the plain dict the API shows: ids, dates, the assessment profile
  ({"assessment", "submitted_on", "type_scores", "type_percentiles", "competency_scores"}, empty
  when the candidate had no submitted assessment) and the fit ({"status", "value", "label",
  "version", "components", "hurdles", "strengths", "gaps", "missing"}).

A hire whose applicant was erased keeps requisition, team, role profile and dates; `candidate` and
`application` are None and the profile and fit are empty (`anonymised_at` says when).
Events: hiring.events.candidate_hired / hire_cancelled, sent on commit with `hire_id`.
"""

from datetime import date

from django.db.models import QuerySet
from django.http import Http404

from hiring.models import Hire
from servicefit.core.models import Team
from servicefit.core.policies import CANDIDATE_RESULTS_READ, Policy


def hire_list(
    *,
    since: date | None = None,
    team: Team | int | None = None,
    include_cancelled: bool = False,
    requisition: int | None = None,
    user=None,
    policy: Policy = CANDIDATE_RESULTS_READ,
) -> QuerySet[Hire]:
    hires = Hire.objects.select_related(
        "requisition", "team", "role_profile", "candidate", "application", "recorded_by", "cancelled_by"
    )
    if user is not None:
        hires = policy.scope(hires, user)
    if since is not None:
        hires = hires.filter(hired_on__gte=since)
    if team is not None:
        hires = hires.filter(team=team)
    if requisition is not None:
        hires = hires.filter(requisition_id=requisition)
    if not include_cancelled:
        hires = hires.filter(cancelled_at__isnull=True)
    return hires


def hire_get(hire_id: int, *, user=None, policy: Policy = CANDIDATE_RESULTS_READ) -> Hire:
    hires = hire_list(include_cancelled=True, user=user, policy=policy)
    if user is None:
        return hires.get(id=hire_id)
    try:
        return hires.get(id=hire_id)
    except Hire.DoesNotExist:
        raise Http404 from None


def hire_data(hire: Hire) -> dict:
    explanation = hire.fit_explanation or {}
    return {
        "id": hire.id,
        "hired_on": hire.hired_on,
        "requisition": hire.requisition_id,
        "requisition_title": hire.requisition.title,
        "team": hire.team_id,
        "role_profile": hire.role_profile.slug,
        "candidate": hire.candidate_id,
        "candidate_name": hire.candidate.name if hire.candidate else None,
        "application": hire.application_id,
        "assessment_profile": hire.assessment_profile,
        "fit": {
            "status": hire.fit_status,
            "value": hire.fit,
            "label": hire.fit_label,
            "version": hire.fit_version,
            **{key: explanation.get(key) for key in ("components", "hurdles", "strengths", "gaps", "missing")},
        },
        "recorded_at": hire.recorded_at,
        "recorded_by": hire.recorded_by.get_username() if hire.recorded_by else None,
        "cancelled_at": hire.cancelled_at,
        "cancelled_by": hire.cancelled_by.get_username() if hire.cancelled_by else None,
        "anonymised_at": hire.anonymised_at,
    }
