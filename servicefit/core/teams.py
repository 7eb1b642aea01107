"""Teams: which teams a user belongs to (with the teams below them), and memberships."""

from collections.abc import Iterable

from django.db import transaction

from servicefit.core.models import Team, TeamMembership

# Records made before teams existed, and users nobody placed in a team, belong here.
DEFAULT_TEAM_NAME = "Default team"


def team_default() -> Team:
    team, _created = Team.objects.get_or_create(name=DEFAULT_TEAM_NAME)
    return team


def team_ids_with_descendants(team_ids: Iterable[int]) -> frozenset[int]:
    """The teams and every team below them; one query per level of the tree."""
    found = set(team_ids)
    frontier = set(found)
    while frontier:
        frontier = set(Team.objects.filter(parent_id__in=frontier).values_list("id", flat=True)) - found
        found |= frontier
    return frozenset(found)


def user_direct_team_ids(user) -> frozenset[int]:
    if not user or not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_servicefit_direct_team_ids", None)
    if cached is None:
        cached = frozenset(TeamMembership.objects.filter(user=user).values_list("team_id", flat=True))
        user._servicefit_direct_team_ids = cached
    return cached


def user_team_ids(user) -> frozenset[int]:
    """The user's teams and the teams below them. Cached on the user for the request."""
    if not user or not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_servicefit_team_ids", None)
    if cached is None:
        cached = team_ids_with_descendants(user_direct_team_ids(user))
        user._servicefit_team_ids = cached
    return cached


def user_teams_forget(user) -> None:
    for attribute in ("_servicefit_direct_team_ids", "_servicefit_team_ids"):
        if hasattr(user, attribute):
            delattr(user, attribute)


@transaction.atomic
def team_create(*, name: str, parent: Team | None = None) -> Team:
    team = Team(name=name.strip(), parent=parent)
    team.full_clean()
    team.save()
    return team


@transaction.atomic
def team_membership_set(*, user, teams: Iterable[Team]) -> None:
    """Make `teams` exactly the teams the user belongs to."""
    wanted = {team.id for team in teams}
    TeamMembership.objects.filter(user=user).exclude(team_id__in=wanted).delete()
    existing = set(TeamMembership.objects.filter(user=user).values_list("team_id", flat=True))
    TeamMembership.objects.bulk_create(TeamMembership(user=user, team_id=t) for t in sorted(wanted - existing))
    user_teams_forget(user)
