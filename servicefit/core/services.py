from collections.abc import Iterable, Sequence
from importlib import import_module

from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Model, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from servicefit.core import registry
from servicefit.core.exceptions import ApplicationError
from servicefit.core.models import AccessLog, Team, TeamMembership
from servicefit.core.personal_data import (
    Subject,
    personal_data_category,
    personal_data_handler,
    personal_data_handlers,
)
from servicefit.core.roles import ALL_ROLES, Role
from servicefit.core.teams import team_default, team_membership_set

# Besides the apps that register themselves (registry.admin_models_register), the admin role
# manages users and core's own models (teams, the read-only access log).
CORE_ADMIN_APPS = ("auth", "core")
ERASED_REPR = "(erased)"


def expired_sessions_clear() -> None:
    """Delete expired login sessions (Django never does this by itself)."""
    import_module(settings.SESSION_ENGINE).SessionStore.clear_expired()


@transaction.atomic
def role_groups_ensure() -> None:
    """Create the role groups; give the admin group every permission on the managed apps."""
    for role in ALL_ROLES:
        Group.objects.get_or_create(name=role)
    admin = Group.objects.get(name=Role.ADMIN)
    admin.permissions.set(
        Permission.objects.filter(content_type__app_label__in=[*CORE_ADMIN_APPS, *registry.admin_app_labels()])
    )


@transaction.atomic
def user_create_or_update(
    *,
    username: str,
    password: str,
    roles: Iterable[str] = (),
    role: str | None = None,
    teams: Iterable[Team] | None = None,
    email: str = "",
    first_name: str = "",
):
    """Create (or reset) a user holding exactly `roles` (`role`: a single one). Admins get the Django admin.

    `teams` are the user's teams; without them a new user joins the default team and an existing
    one keeps theirs.
    """
    wanted = set(roles) | ({role} if role else set())
    unknown = wanted - ALL_ROLES
    if unknown or not wanted:
        raise ValueError(f"Unknown or no roles: {sorted(unknown)!r}")
    role_groups_ensure()
    user, _created = get_user_model().objects.get_or_create(username=username)
    user.email = email
    user.first_name = first_name
    user.is_staff = Role.ADMIN in wanted
    user.is_active = True
    user.set_password(password)
    user.save()
    user.groups.set(Group.objects.filter(name__in=wanted))
    if teams is not None:
        team_membership_set(user=user, teams=teams)
    elif not TeamMembership.objects.filter(user=user).exists():
        team_membership_set(user=user, teams=[team_default()])
    return user


def access_log(*, user, action: str, target) -> None:
    """Record that `user` viewed, exported or erased one record of a person's data."""
    access_log_many(user=user, action=action, targets=[target])


def access_log_many(*, user, action: str, targets: Iterable[Model]) -> None:
    """One row per record shown, in one INSERT: "who has seen this person?" stays an indexed
    lookup by (record type, id). Ids and the category only, never a name or an e-mail address."""
    rows = [
        AccessLog(
            user=user if user is not None and user.is_authenticated else None,
            action=action,
            category=personal_data_category(type(target)),
            target_type=target._meta.label_lower,
            target_id=str(target.pk),
        )
        for target in targets
    ]
    AccessLog.objects.bulk_create(rows)


# Personal data across apps ------------------------------------------------------------------------


def personal_data_find(*, subject: Subject) -> dict[str, list[Model]]:
    """Every registered app's records of the subject, by category; categories without any left out."""
    found = {}
    for handler in personal_data_handlers():
        records = list(handler.find(subject))
        if records:
            found[handler.category] = records
    return found


def personal_data_erasure_counts(*, records: dict[str, list[Model]]) -> dict[str, dict[type[Model], int]]:
    """What erasing `records` (from `personal_data_find`) touches, per category and table, as each
    handler reports it (`related`): the rows it deletes or strips of what identifies the person.
    A row two categories reach is counted once, under the first, as erasure handles it once."""
    seen: set[tuple[type[Model], str]] = set()
    counts: dict[str, dict[type[Model], int]] = {}
    for category, category_records in records.items():
        tables: dict[type[Model], int] = {}
        for model, pk in personal_data_handler(category).related(category_records):
            if (model, str(pk)) not in seen:
                seen.add((model, str(pk)))
                tables[model] = tables.get(model, 0) + 1
        counts[category] = tables
    return counts


def _nothing_held() -> ApplicationError:
    return ApplicationError(_("No personal data is held for this person."), status=404)


def personal_data_export(*, subject: Subject, user) -> dict:
    """Everything held about a person across all apps, as one JSON-able document (a data-subject
    access request). The export itself is logged."""
    found = personal_data_find(subject=subject)
    if not found:
        raise _nothing_held()
    return personal_data_records_export(records=found, user=user, subject=subject)


def personal_data_records_export(*, records: dict[str, list[Model]], user, subject: Subject | None = None) -> dict:
    document = {
        "subject": {"email": subject.email, "reference": subject.reference} if subject else None,
        "exported_at": timezone.now().isoformat(),
        "data": {},
    }
    with transaction.atomic():
        for category, category_records in records.items():
            document["data"][category] = personal_data_handler(category).export(category_records)
            access_log_many(user=user, action=AccessLog.Action.EXPORT, targets=category_records)
    return document


def personal_data_erase(*, subject: Subject, user) -> dict[str, int]:
    """Erase a person across all apps in one transaction: all or nothing. Returns how many records
    of each category were erased."""
    with transaction.atomic():
        found = personal_data_find(subject=subject)
        if not found:
            raise _nothing_held()
        for category, records in found.items():
            personal_data_records_erase(category=category, records=records, user=user)
    return {category: len(records) for category, records in found.items()}


@transaction.atomic
def personal_data_records_erase(*, category: str, records: Sequence[Model], user) -> None:
    """Erase given records of one category (an admin action, the retention purge): the handler
    erases or anonymises them, the access log records who did it, and the admin history of every
    row involved loses the text that named the person."""
    handler = personal_data_handler(category)
    records = list(records)
    if not records:
        return
    touched = handler.related(records)
    handler.erase(records, user)
    access_log_many(user=user, action=AccessLog.Action.ERASE, targets=records)
    admin_history_scrub(objects=touched)


def admin_history_scrub(*, objects: list[tuple[type[Model], object]]) -> None:
    """django_admin_log keeps each edited object's str() (often a name) and a change message; keep
    who did what and when, and drop those texts."""
    by_model: dict[type[Model], list[str]] = {}
    for model, pk in objects:
        by_model.setdefault(model, []).append(str(pk))
    condition = Q(pk__in=[])
    for model, ids in by_model.items():
        content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
        condition |= Q(content_type=content_type, object_id__in=ids)
    LogEntry.objects.filter(condition).update(object_repr=ERASED_REPR, change_message="")
