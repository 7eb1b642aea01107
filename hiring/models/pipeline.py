"""Requisitions, candidates and their applications moving through the pipeline."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hiring.models.job_ads import JobAd
from hiring.models.stage_templates import StageTemplate
from hiring.stage_flow import forward_moves
from profiles.models import RoleProfile
from servicefit.core.choices import Language
from servicefit.core.models import Team, TimeStampedModel


class Requisition(TimeStampedModel):
    """An opening to fill for a role profile, in a team, with its job ad from the studio."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        OPEN = "open", _("open")
        ON_HOLD = "on_hold", _("on hold")
        FILLED = "filled", _("filled")
        CLOSED = "closed", _("closed")

    title = models.CharField(_("title"), max_length=200)
    role_profile = models.ForeignKey(
        RoleProfile, on_delete=models.PROTECT, related_name="requisitions", verbose_name=_("role profile")
    )
    job_ad = models.ForeignKey(
        JobAd,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="requisitions",
        verbose_name=_("job ad"),
    )
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="requisitions", verbose_name=_("team"))
    openings = models.PositiveSmallIntegerField(_("openings"), default=1)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    opened_on = models.DateField(_("opened on"), null=True, blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    hiring_manager = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="requisitions_managed",
        verbose_name=_("hiring manager"),
    )
    # The services give a new requisition the default template when none is chosen.
    stage_template = models.ForeignKey(
        StageTemplate,
        on_delete=models.PROTECT,
        related_name="requisitions",
        verbose_name=_("stage template"),
    )

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(condition=models.Q(openings__gte=1), name="requisition_openings_at_least_one"),
            models.CheckConstraint(
                condition=models.Q(closed_on__isnull=True)
                | models.Q(opened_on__isnull=True)
                | models.Q(closed_on__gte=models.F("opened_on")),
                name="requisition_closed_after_opened",
            ),
        ]
        verbose_name = _("requisition")
        verbose_name_plural = _("requisitions")

    def __str__(self):
        return self.title


class Candidate(TimeStampedModel):
    """One person who applies, in one team; duplicates are flagged when created, never merged by themselves."""

    class Source(models.TextChoices):
        JOB_BOARD = "job_board", _("job board")
        REFERRAL = "referral", _("referral")
        INTERNAL_MOVE = "internal_move", _("internal move")
        OTHER = "other", _("other")

    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail address"))
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    source = models.CharField(_("source"), max_length=16, choices=Source.choices, default=Source.OTHER)
    consent_at = models.DateTimeField(_("consent given at"), null=True, blank=True)
    consent_text_version = models.CharField(_("consent text version"), max_length=20, blank=True)
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="candidates", verbose_name=_("team"))
    # Uploaded documents reduced to plain text (hiring/documents.py); the files themselves are not kept.
    cv_text = models.TextField(_("CV (text)"), blank=True)
    cover_letter_text = models.TextField(_("cover letter (text)"), blank=True)
    # In the candidate's own words or the recruiter's summary: what a Swedish merit statement reports.
    education = models.TextField(_("education"), blank=True)
    experience = models.TextField(_("experience"), blank=True)

    class Meta:
        ordering = ["name", "id"]
        indexes = [
            models.Index(fields=["team", "email"], name="candidate_team_email"),
            models.Index(fields=["team", "phone"], name="candidate_team_phone"),
        ]
        constraints = [
            # A consent is only worth something with the text the person agreed to.
            models.CheckConstraint(
                condition=models.Q(consent_at__isnull=True) | ~models.Q(consent_text_version=""),
                name="candidate_consent_has_text_version",
            ),
        ]
        verbose_name = _("candidate")
        verbose_name_plural = _("candidates")

    def __str__(self):
        return self.name


class Stage(models.TextChoices):
    """Where an application is in a requisition's pipeline, in pipeline order."""

    APPLIED = "applied", _("applied")
    SCREENED = "screened", _("screened")
    ASSESSED = "assessed", _("assessed")
    INTERVIEW = "interview", _("interview")
    OFFER = "offer", _("offer")
    HIRED = "hired", _("hired")
    REJECTED = "rejected", _("rejected")
    WITHDRAWN = "withdrawn", _("withdrawn")


# The standard template's stages (migration 0009 writes the same list: migrations import no live code).
STANDARD_STAGES = (Stage.APPLIED, Stage.SCREENED, Stage.ASSESSED, Stage.INTERVIEW, Stage.OFFER, Stage.HIRED)
STANDARD_OPTIONAL = frozenset({Stage.SCREENED, Stage.ASSESSED})
# Forward moves only: a step back is an undo, so the history says it was taken back. A requisition's
# own moves follow its stage template (hiring.pipeline_selectors.application_moves); these are the
# standard template's.
STAGE_MOVES: dict[str, frozenset[str]] = {
    stage: frozenset(forward_moves(STANDARD_STAGES, STANDARD_OPTIONAL, stage)) for stage in Stage.values
}
ENDED_STAGES = frozenset({Stage.HIRED, Stage.REJECTED, Stage.WITHDRAWN})
STAGES_WITH_REASON = frozenset({Stage.REJECTED, Stage.WITHDRAWN})


def stage_moves_from(stage: str) -> frozenset[str]:
    """The stages an application in `stage` may move to under the standard template: the next ones,
    or out with a reason."""
    if stage in ENDED_STAGES:
        return frozenset()
    return STAGE_MOVES[stage] | STAGES_WITH_REASON


class Application(TimeStampedModel):
    candidate = models.ForeignKey(
        Candidate, on_delete=models.CASCADE, related_name="applications", verbose_name=_("candidate")
    )
    requisition = models.ForeignKey(
        Requisition, on_delete=models.PROTECT, related_name="applications", verbose_name=_("requisition")
    )
    stage = models.CharField(_("stage"), max_length=10, choices=Stage.choices, default=Stage.APPLIED)
    reason = models.CharField(_("reason"), max_length=300, blank=True)

    class Meta:
        ordering = ["-created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["candidate", "requisition"], name="uniq_application_candidate_requisition"),
            models.CheckConstraint(
                condition=~models.Q(stage__in=sorted(STAGES_WITH_REASON)) | ~models.Q(reason=""),
                name="application_rejection_has_reason",
            ),
        ]
        verbose_name = _("application")
        verbose_name_plural = _("applications")

    def __str__(self):
        return f"{self.candidate_id} → {self.requisition_id}"


class ApplicationMove(models.Model):
    """One stamped change of stage. An undo marks the move undone and is itself a move (`undo_of`)."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="moves")
    # Empty: the application was created in `to_stage`.
    from_stage = models.CharField(_("from"), max_length=10, choices=Stage.choices, blank=True)
    to_stage = models.CharField(_("to"), max_length=10, choices=Stage.choices)
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("by"),
    )
    at = models.DateTimeField(_("at"), default=timezone.now)
    undone_at = models.DateTimeField(_("undone at"), null=True, blank=True)
    undo_of = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="undone_by_move", verbose_name=_("undoes")
    )

    class Meta:
        ordering = ["application", "at", "id"]
        indexes = [models.Index(fields=["application", "-at"], name="application_move_latest")]
        verbose_name = _("application move")
        verbose_name_plural = _("application moves")

    def __str__(self):
        return f"{self.from_stage or '·'} → {self.to_stage}"


class ApplicationInvitation(models.Model):
    """An assessment invitation sent for an application. Hiring links them: assessments never knows of hiring."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="invitation_links", verbose_name=_("application")
    )
    invitation = models.OneToOneField(
        "assessments.Invitation",
        on_delete=models.CASCADE,
        related_name="application_link",
        verbose_name=_("invitation"),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    # The move that withdrew the invitation when it ended the application (hired, rejected,
    # withdrawn): undoing that move gives the link back. Empty for a link withdrawn by hand.
    withdrawn_by_move = models.ForeignKey(
        ApplicationMove,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="withdrawn_invitation_links",
        verbose_name=_("withdrawn by the move"),
    )

    class Meta:
        ordering = ["application", "-created_at", "id"]
        verbose_name = _("application invitation")
        verbose_name_plural = _("application invitations")

    def __str__(self):
        return f"{self.application_id} ↔ {self.invitation_id}"
