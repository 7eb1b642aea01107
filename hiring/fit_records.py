"""Each application's fit, computed with its role profile's current fit settings and stored, so a
ranking of thousands reads rows instead of scoring people on every view.

A record is refreshed when the candidate submits an attempt (hiring/apps.py listens to
assessments.signals.attempt_scored), when the fit settings change, on demand (the ranking's
"Recompute"), and by whoever changes a candidate's cover letter (`application_fit_refresh`). A
ranking read computes, on the spot, the records that are missing or were made with another version.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from assessments import selectors as assessment_selectors
from hiring.fit import NOT_SCORABLE, SCORED, STALE, FitConfig, FitResult, fit_score
from hiring.models import Application, ApplicationInvitation, FitRecord, FitSetting, Requisition
from profiles.analysis import AnalysisInputError, UnsupportedLanguage, analyze_text
from profiles.models import RoleProfile

DEFAULT_VERSION = "fit-v1"  # a role profile without fit settings is scored with fit.FitConfig's defaults
LABEL_RANKS = {"strong": 0, "good": 1, "partial": 2, "poor": 3}
STORED_FIELDS = [
    "role_profile",
    "fit_setting",
    "fit_version",
    "status",
    "fit",
    "label",
    "label_rank",
    "result",
    "invitation",
    "attempt",
    "assessed_on",
    "stale_on",
    "computed_at",
]
BATCH = 1000
OUTDATED_ON_THE_FLY = 500


def fit_setting_current(role_profile: RoleProfile) -> FitSetting | None:
    settings = FitSetting.objects.filter(role_profile=role_profile).select_related("role_profile")
    return settings.order_by("-number").first()


def fit_config_of(setting: FitSetting | None) -> FitConfig:
    if setting is None:
        return FitConfig(version=DEFAULT_VERSION)
    return FitConfig(
        version=setting.version,
        service_types_weight=setting.service_types_weight,
        competencies_weight=setting.competencies_weight,
        cover_letter_weight=setting.cover_letter_weight,
        bands=(
            ("strong", setting.strong_from),
            ("good", setting.good_from),
            ("partial", setting.partial_from),
            ("poor", 0.0),
        ),
        stale_after_days=setting.stale_after_days,
    )


@dataclass(frozen=True)
class RoleFit:
    """What scoring against one role profile needs, loaded once for any number of applications."""

    role_profile: RoleProfile
    setting: FitSetting | None
    config: FitConfig
    type_mix: dict[str, float]
    required: dict[str, int]
    hurdles: dict[str, int]

    @property
    def version(self) -> str:
        return self.config.version


def role_fit(role_profile: RoleProfile, setting: FitSetting | None = None) -> RoleFit:
    setting = setting or fit_setting_current(role_profile)
    type_mix = {w.service_type.code: float(w.weight) for w in role_profile.type_weights.select_related("service_type")}
    required = {c.competency.code: c.target_level for c in role_profile.competencies.select_related("competency")}
    hurdles = {code: int(level) for code, level in (setting.hurdles if setting else {}).items()}
    return RoleFit(role_profile, setting, fit_config_of(setting), type_mix, required, hurdles)


def status_on(status: str, stale_on: date | None, today: date) -> str:
    """A scored result ages: it is stale from `stale_on` on, whatever it was when it was stored."""
    if status == NOT_SCORABLE:
        return NOT_SCORABLE
    return STALE if stale_on is not None and today >= stale_on else SCORED


def effective_status(record: FitRecord, today: date) -> str:
    return status_on(record.status, record.stale_on, today)


def cover_letter_signal(text: str, language: str) -> dict[str, float] | None:
    """The service-type scores (per 100 words) the job-ad analysis finds in a cover letter."""
    if not text.strip():
        return None
    try:
        scores = analyze_text(text, language or None).scores
    except (AnalysisInputError, UnsupportedLanguage):
        return None  # a letter the engine cannot read gives no signal; the record lists it as missing
    return scores if sum(scores.values()) > 0 else None


def _latest_links(applications: list[Application]) -> dict[int, ApplicationInvitation]:
    """Per application, the link to its most recently submitted, scored attempt (one query)."""
    links = ApplicationInvitation.objects.filter(
        invitation__attempt__submitted_at__isnull=False, invitation__attempt__result__isnull=False
    )
    requisition_ids = {a.requisition_id for a in applications}
    if len(applications) <= 500:
        links = links.filter(application_id__in=[a.id for a in applications])
    else:  # a whole requisition: its id is a shorter query than thousands of application ids
        links = links.filter(application__requisition_id__in=requisition_ids)
    latest: dict[int, ApplicationInvitation] = {}
    for link in links.select_related("invitation__attempt__result").order_by(
        "application_id", "-invitation__attempt__submitted_at", "-id"
    ):
        latest.setdefault(link.application_id, link)
    return latest


def _records_computed(applications: list[Application], role: RoleFit, today: date) -> list[FitRecord]:
    """Unsaved records for `applications` (candidates selected), all of one role profile. Queries:
    three, plus two per distinct assessment taken, whatever the number of applications."""
    latest = _latest_links(applications)
    norms = {
        assessment_id: assessment_selectors.assessment_norms(assessment_id=assessment_id)[0]
        for assessment_id in sorted({link.invitation.assessment_id for link in latest.values()})
    }
    now = timezone.now()
    records = []
    letters: dict[int, dict | None] = {}
    for application in applications:
        link = latest.get(application.id)
        percentiles = scores = assessed_on = attempt = None
        if link is not None:
            attempt = link.invitation.attempt
            scale_norms = norms[link.invitation.assessment_id]
            percentiles = {
                scale: round(scale_norms[scale].percentile(value), 1)
                for scale, value in attempt.result.type_scores.items()
                if scale in scale_norms
            }
            scores = attempt.result.competency_scores
            assessed_on = timezone.localdate(attempt.submitted_at)
        candidate = application.candidate
        if candidate.id not in letters:
            letters[candidate.id] = cover_letter_signal(candidate.cover_letter_text, candidate.language)
        result = fit_score(
            percentiles=percentiles,
            type_mix=role.type_mix,
            competency_scores=scores,
            required_levels=role.required,
            hurdles=role.hurdles,
            cover_letter=letters[candidate.id],
            assessed_on=assessed_on,
            today=today,
            config=role.config,
        )
        records.append(_record(application, role, result, link, attempt, assessed_on, now))
    return records


def _record(application, role: RoleFit, result: FitResult, link, attempt, assessed_on, now) -> FitRecord:
    scored = result.status != NOT_SCORABLE
    return FitRecord(
        application=application,
        role_profile=role.role_profile,
        fit_setting=role.setting,
        fit_version=role.version,
        status=result.status,
        fit=result.fit,
        label=result.label or "",
        label_rank=LABEL_RANKS[result.label] if scored else FitRecord.NOT_SCORABLE_RANK,
        result=result.to_dict(),
        invitation=link.invitation if link else None,
        attempt=attempt,
        assessed_on=assessed_on,
        stale_on=assessed_on + timedelta(days=role.config.stale_after_days + 1) if scored else None,
        computed_at=now,
    )


def _store(records: list[FitRecord]) -> None:
    """Insert or replace (one statement per thousand): running a refresh twice changes nothing."""
    FitRecord.objects.bulk_create(
        records, batch_size=BATCH, update_conflicts=True, unique_fields=["application"], update_fields=STORED_FIELDS
    )


def _refreshed(applications: list[Application], role: RoleFit, today: date | None) -> list[FitRecord]:
    records = _records_computed(applications, role, today or timezone.localdate())
    with transaction.atomic():
        _store(records)
    return records


def application_fit_refresh(*, application: Application, today: date | None = None) -> FitRecord:
    """Score one application again with its role profile's current fit settings, and store it."""
    application = Application.objects.select_related("candidate", "requisition__role_profile").get(pk=application.pk)
    _refreshed([application], role_fit(application.requisition.role_profile), today)
    return FitRecord.objects.get(application=application)


def requisition_fit_refresh(*, requisition: Requisition, today: date | None = None) -> int:
    """Score every application of the requisition again; returns how many."""
    applications = list(Application.objects.filter(requisition=requisition).select_related("candidate").order_by("id"))
    return len(_refreshed(applications, role_fit(requisition.role_profile), today))


def requisition_fit_complete(*, requisition: Requisition, role: RoleFit, today: date | None = None) -> int:
    """Score the applications that have no record (a ranking is never short of anyone), and those
    whose record was made with another role profile or fit version. When more than
    OUTDATED_ON_THE_FLY are outdated (new settings on a large requisition), they keep showing the
    version they were scored with and a refresh is enqueued instead, so a page view stays fast.
    Returns how many were scored."""
    applications = Application.objects.filter(requisition=requisition)
    outdated = ~Q(fit_record__fit_version=role.version) | ~Q(fit_record__role_profile=role.role_profile)
    condition = Q(fit_record__isnull=True) | outdated
    if applications.filter(outdated, fit_record__isnull=False)[OUTDATED_ON_THE_FLY:].exists():
        requisition_fit_refresh_later(requisition_ids=[requisition.id])
        condition = Q(fit_record__isnull=True)
    pending = list(applications.filter(condition).select_related("candidate").order_by("id"))
    if pending:
        _refreshed(pending, role, today)
    return len(pending)


def requisition_fit_refresh_later(*, requisition_ids: list[int]) -> None:
    """Enqueue a refresh of each requisition once the current transaction commits."""
    from hiring.tasks import requisition_fit_refresh_task

    for requisition_id in requisition_ids:
        transaction.on_commit(lambda requisition_id=requisition_id: requisition_fit_refresh_task.delay(requisition_id))


def candidate_fit_refresh_later(*, candidate_id: int) -> None:
    """The candidate's cover letter changed: enqueue a refresh of each of their applications once the
    current transaction commits (the letter is a component of the fit)."""
    from hiring.tasks import application_fit_refresh_task

    for application_id in Application.objects.filter(candidate_id=candidate_id).values_list("id", flat=True):
        transaction.on_commit(lambda application_id=application_id: application_fit_refresh_task.delay(application_id))


def attempt_scored_received(sender, *, attempt_id: int, invitation_id: int, **kwargs) -> None:
    """assessments.signals.attempt_scored: refresh every application the invitation was sent for."""
    from hiring.tasks import application_fit_refresh_task

    for application_id in ApplicationInvitation.objects.filter(invitation_id=invitation_id).values_list(
        "application_id", flat=True
    ):
        transaction.on_commit(lambda application_id=application_id: application_fit_refresh_task.delay(application_id))
