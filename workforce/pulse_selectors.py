"""Reading pulse surveys and their results. Nobody reads an individual answer here: every figure comes
from a group of at least MIN_GROUP respondents (workforce/analysis/pulse.py), and a smaller group's
figures are left out of the result altogether (not just hidden by the page).

Figures appear once a survey is closed: watching a live figure move after one colleague answered
would tell a team lead that colleague's answer.
"""

from collections import defaultdict
from datetime import date

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from servicefit.core.models import Team
from servicefit.core.policies import RETENTION_READ, Policy
from servicefit.core.teams import team_ids_with_descendants
from workforce.analysis.pulse import MIN_GROUP, item_summary, pulse_summary
from workforce.models import PulseInvitation, PulseResponse, PulseSurvey, SurveyStatus

ITEMS = ("workload", "growth", "manager_support")


def survey_scope(*, user, policy: Policy = RETENTION_READ) -> QuerySet[PulseSurvey]:
    """Surveys of the user's teams and the surveys for every team."""
    team_ids = policy.team_ids(user)
    surveys = PulseSurvey.objects.select_related("team")
    if team_ids is None:
        return surveys
    if not policy.allows(user):
        return surveys.none()
    return surveys.filter(Q(team__isnull=True) | Q(team_id__in=team_ids))


def _responses_in_scope(*, user, policy: Policy = RETENTION_READ) -> QuerySet[PulseResponse]:
    return policy.scope(PulseResponse.objects.all(), user)


def _invitations_in_scope(*, user, policy: Policy = RETENTION_READ) -> QuerySet[PulseInvitation]:
    return policy.scope(PulseInvitation.objects.all(), user, field="agent__team")


def survey_list(*, user) -> QuerySet[PulseSurvey]:
    """The user's surveys with how many were invited and answered in the user's teams (counts, no names)."""
    team_ids = RETENTION_READ.team_ids(user)
    in_scope = Q() if team_ids is None else Q(invitations__agent__team_id__in=team_ids)
    return survey_scope(user=user).annotate(
        invited=Count("invitations", filter=in_scope),
        responded=Count("invitations", filter=in_scope & Q(invitations__answered_at__isnull=False)),
    )


def survey_get(*, user, survey_id: int) -> PulseSurvey:
    survey = survey_scope(user=user).filter(id=survey_id).first()
    if survey is None:
        raise Http404
    return survey


def _group(*, scores: list[tuple], invited: int, shown: bool) -> dict:
    """One group's figures; every figure None when it is under MIN_GROUP or not shown yet."""
    respondents = len(scores)
    summary = pulse_summary([s[0] for s in scores]) if shown else None
    group = {
        "invited": invited,
        "respondents": respondents,
        "response_rate": respondents / invited if invited else None,
        "suppressed": summary is None,
        "protected": False,  # hidden although of MIN_GROUP or more: it would give a smaller group away
        "enps": None,
        "promoters": None,
        "passives": None,
        "detractors": None,
        **dict.fromkeys(ITEMS),
    }
    if summary is not None:
        group.update({key: summary[key] for key in ("enps", "promoters", "passives", "detractors")})
        for index, item in enumerate(ITEMS, start=1):
            group[item] = item_summary([s[index] for s in scores])["mean"]
    return group


def _hide(group: dict) -> None:
    group["suppressed"] = True
    for key in ("enps", "promoters", "passives", "detractors", *ITEMS):
        group[key] = None


def survey_results(*, user, survey: PulseSurvey) -> dict:
    """{"survey", "shown", "overall": group, "teams": [group + "team_id", "team"]} for the user's teams.

    A group is {"invited", "respondents", "response_rate", "suppressed", "enps", "promoters",
    "passives", "detractors", "workload", "growth", "manager_support"}.
    """
    shown = survey.status == SurveyStatus.CLOSED
    scores_by_team = defaultdict(list)
    rows = _responses_in_scope(user=user).filter(survey=survey).values_list("team_id", "recommend", *ITEMS)
    for team_id, *scores in rows:
        scores_by_team[team_id].append(tuple(scores))
    invited_by_team = dict(
        _invitations_in_scope(user=user)
        .filter(survey=survey)
        .values("agent__team")
        .annotate(n=Count("id"))
        .values_list("agent__team", "n")
    )
    team_ids = set(scores_by_team) | set(invited_by_team)
    names = dict(Team.objects.filter(id__in=team_ids).values_list("id", "name"))
    teams = [
        {
            "team_id": team_id,
            "team": names.get(team_id, ""),
            **_group(scores=scores_by_team[team_id], invited=invited_by_team.get(team_id, 0), shown=shown),
        }
        for team_id in sorted(team_ids, key=lambda t: names.get(t, ""))
    ]
    overall = _group(
        scores=[s for scores in scores_by_team.values() for s in scores],
        invited=sum(invited_by_team.values()),
        shown=shown,
    )
    if not overall["suppressed"]:
        _protect_by_difference(teams)
    return {"survey": survey, "shown": shown, "min_group": MIN_GROUP, "overall": overall, "teams": teams}


def _protect_by_difference(teams: list[dict]) -> None:
    """With the total shown, the hidden teams' answers together are the total minus the shown teams:
    while they add up to fewer than MIN_GROUP, hide the smallest shown team as well."""
    hidden = sum(t["respondents"] for t in teams if t["suppressed"])
    while 0 < hidden < MIN_GROUP:
        visible = [t for t in teams if not t["suppressed"]]
        if not visible:
            return
        smallest = min(visible, key=lambda t: t["respondents"])
        _hide(smallest)
        smallest["protected"] = True
        hidden += smallest["respondents"]


def enps_trend(user, team: Team | int | None = None, since: date | None = None) -> list[dict]:
    """eNPS of each closed survey the user reaches, oldest first: [{"survey" (title), "survey_id",
    "closes_on", "respondents", "enps" (None under MIN_GROUP), "protected" (None although of MIN_GROUP
    or more: see _subtree_shown_by_survey)}]. `team` narrows to that team and the
    teams below it (and to the surveys that covered it)."""
    surveys = survey_scope(user=user).filter(status=SurveyStatus.CLOSED)
    responses = _responses_in_scope(user=user)
    if team is not None:
        team_id = team.id if isinstance(team, Team) else int(team)
        below = team_ids_with_descendants([team_id])
        above = _team_ids_with_ancestors(team_id)
        surveys = surveys.filter(Q(team__isnull=True) | Q(team_id__in=above | below))
        responses = responses.filter(team_id__in=below)
    if since is not None:
        surveys = surveys.filter(closes_on__gte=since)
    surveys = list(surveys.order_by("closes_on", "id"))
    scores = defaultdict(list)
    for survey_id, recommend in responses.filter(survey__in=surveys).values_list("survey_id", "recommend"):
        scores[survey_id].append(recommend)
    shown = _subtree_shown_by_survey(user, surveys, below) if team is not None else None
    trend = []
    for survey in surveys:
        summary = pulse_summary(scores[survey.id]) if shown is None or shown[survey.id] else None
        trend.append(
            {
                "survey": survey.title,
                "survey_id": survey.id,
                "closes_on": survey.closes_on,
                "respondents": len(scores[survey.id]),
                "enps": None if summary is None else summary["enps"],
                "protected": summary is None and len(scores[survey.id]) >= MIN_GROUP,
            }
        )
    return trend


def _subtree_shown_by_survey(user, surveys: list[PulseSurvey], subtree: frozenset[int]) -> dict[int, bool]:
    """{survey id: whether a team's figure (its own answers and its sub-teams') may be shown}.

    The survey's results page (survey_results) shows the total of the user's teams and each team of
    five answers or more, hiding more teams while the hidden ones add up to fewer than five. A
    team's trend figure is one more total: with it, the hidden answers inside the team (its figure
    less its shown teams) and those outside it (the total less the team less the other shown teams)
    can each be worked out, so each must be none or at least five answers."""
    counts: dict[int, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    rows = _responses_in_scope(user=user).filter(survey__in=surveys).values_list("survey_id", "team_id")
    for survey_id, team_id in rows:
        counts[survey_id][team_id] += 1
    names = dict(Team.objects.filter(id__in={t for c in counts.values() for t in c}).values_list("id", "name"))
    shown = {}
    for survey in surveys:
        by_team = counts[survey.id]
        teams = [
            {"team_id": team_id, "respondents": n, "suppressed": n < MIN_GROUP}
            for team_id, n in sorted(by_team.items(), key=lambda item: names.get(item[0], ""))
        ]
        if sum(by_team.values()) >= MIN_GROUP:
            _protect_by_difference(teams)
        hidden_inside = sum(t["respondents"] for t in teams if t["suppressed"] and t["team_id"] in subtree)
        hidden_outside = sum(t["respondents"] for t in teams if t["suppressed"] and t["team_id"] not in subtree)
        shown[survey.id] = all(n == 0 or n >= MIN_GROUP for n in (hidden_inside, hidden_outside))
    return shown


def _team_ids_with_ancestors(team_id: int) -> frozenset[int]:
    found, current = set(), team_id
    while current is not None and current not in found:
        found.add(current)
        current = Team.objects.filter(id=current).values_list("parent_id", flat=True).first()
    return frozenset(found)
