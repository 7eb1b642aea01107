"""Applicants' personal data in hiring: candidates (CV and cover letter as text, education,
experience), their applications, stage history, links to assessment invitations, the e-mails sent
to them (kind, language, when; no copy of the text), talent-pool consent, hires, the
possible-duplicate flags on them, the audit of merges into them, their stored fit results,
the decisions made against the ranking and their voluntary self-identification.

Erasure deletes them: a pipeline keeps no aggregate that needs an anonymous placeholder, and a
move's or a decision's reason may name the person. Requisitions stay (they hold no one's data). The assessment
invitations sent for the applications are erased through assessments' own handler first (the
link row alone would leave the invitation's copied name and e-mail behind).

A hire is anonymised, not deleted: its link to the candidate and application, the assessment
profile and the fit are cleared, and what stays (requisition, team, role profile, hiring date)
counts the filled opening. The person's employment is then the employer's record under its own
legal basis (workforce), not the applicant's data kept by hiring.

`EXPORTED` says under which key of the export each model's rows appear: a hiring model that holds
an applicant's data and is missing from it fails tests/hiring/test_erasure_completeness.py.
"""

from collections.abc import Sequence

from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from assessments import personal_data as assessment_personal_data
from assessments.models import Invitation
from hiring.models import (
    Application,
    ApplicationInvitation,
    ApplicationMove,
    Candidate,
    CandidateEmail,
    CandidateMergeAudit,
    DuplicateFlag,
    FitRecord,
    Hire,
    RankingDecision,
    SelfIdAnswer,
    TalentPoolEntry,
)
from hiring.pipeline import APPLICANT
from servicefit.core.personal_data import PersonalDataHandler, Subject
from servicefit.core.services import admin_history_scrub, personal_data_records_erase

EXPORTED = {
    Candidate: "candidates",
    Application: "applications",
    ApplicationMove: "moves",
    ApplicationInvitation: "invitations",
    TalentPoolEntry: "talent_pool",
    Hire: "hires",
    CandidateEmail: "emails",
    DuplicateFlag: "possible_duplicates",
    CandidateMergeAudit: "merges",
    FitRecord: "fit",
    RankingDecision: "decisions",
    SelfIdAnswer: "self_identification",
}


def applicant_find(subject: Subject) -> list[Candidate]:
    condition = Q(pk__in=[])
    if subject.email:
        condition |= Q(email__iexact=subject.email)
    if subject.reference is not None:
        condition |= Q(pk=subject.reference)
    return list(Candidate.objects.filter(condition).order_by("id"))


def applicant_export(candidates: Sequence[Candidate]) -> dict:
    moves = ApplicationMove.objects.select_related("by").order_by("at", "id")
    applications = (
        Application.objects.filter(candidate__in=candidates)
        .select_related("requisition")
        .prefetch_related(
            Prefetch("moves", queryset=moves),
            Prefetch("emails", queryset=CandidateEmail.objects.order_by("created_at", "id")),
            "invitation_links",
        )
        .order_by("id")
    )
    invitations = _linked_invitations(candidates)
    invitation_data = {row["id"]: row for row in assessment_personal_data.candidate_export(invitations)["invitations"]}
    pool = {entry.candidate_id: entry for entry in TalentPoolEntry.objects.filter(candidate__in=candidates)}
    hires_by_candidate: dict[int, list] = {}
    for hire in Hire.objects.filter(candidate__in=candidates).select_related("requisition", "role_profile"):
        hires_by_candidate.setdefault(hire.candidate_id, []).append(
            {
                "id": hire.id,
                "requisition": hire.requisition.title,
                "role_profile": hire.role_profile.slug,
                "hired_on": hire.hired_on.isoformat(),
                "assessment_profile": hire.assessment_profile,
                "fit": hire.fit_explanation,
                "cancelled_at": hire.cancelled_at.isoformat() if hire.cancelled_at else None,
            }
        )
    records = {r.application_id: r for r in FitRecord.objects.filter(application__candidate__in=candidates)}
    decisions: dict[int, list] = {}
    for decision in RankingDecision.objects.filter(application__candidate__in=candidates).select_related("by"):
        decisions.setdefault(decision.application_id, []).append(decision)
    by_candidate: dict[int, list] = {}
    for application in applications:
        record = records.get(application.id)
        by_candidate.setdefault(application.candidate_id, []).append(
            {
                "id": application.id,
                "requisition": application.requisition.title,
                "stage": application.stage,
                "reason": application.reason,
                "applied_at": application.created_at.isoformat(),
                "moves": [
                    {
                        "from": move.from_stage,
                        "to": move.to_stage,
                        "reason": move.reason,
                        "by": move.by.get_username() if move.by else None,
                        "at": move.at.isoformat(),
                        "undone_at": move.undone_at.isoformat() if move.undone_at else None,
                    }
                    for move in application.moves.all()
                ],
                "fit": None
                if record is None
                else {
                    "fit_version": record.fit_version,
                    "computed_at": record.computed_at.isoformat(),
                    **record.result,
                },
                "decisions": [
                    {
                        "decision": d.decision,
                        "reason": d.reason,
                        "from": d.from_stage,
                        "to": d.to_stage,
                        "by": d.by.get_username() if d.by else None,
                        "at": d.at.isoformat(),
                        "fit": d.fit,
                        "label": d.label,
                        "position": d.position,
                        "fit_version": d.fit_version,
                    }
                    for d in sorted(decisions.get(application.id, []), key=lambda d: (d.at, d.id))
                ],
                "emails": [
                    {
                        "kind": email.kind,
                        "language": email.language,
                        "sent_at": email.sent_at.isoformat() if email.sent_at else None,
                    }
                    for email in application.emails.all()
                ],
                "invitations": [
                    invitation_data[link.invitation_id]
                    for link in application.invitation_links.all()
                    if link.invitation_id in invitation_data
                ],
            }
        )
    flags: dict[int, list] = {}
    for flag in DuplicateFlag.objects.filter(Q(candidate__in=candidates) | Q(other__in=candidates)).select_related(
        "decided_by"
    ):
        for own, other in ((flag.candidate_id, flag.other_id), (flag.other_id, flag.candidate_id)):
            flags.setdefault(own, []).append(
                {
                    "id": flag.id,
                    "other_candidate": other,
                    "reasons": flag.reasons,
                    "status": flag.status,
                    "decided_by": flag.decided_by.get_username() if flag.decided_by else None,
                    "decided_at": flag.decided_at.isoformat() if flag.decided_at else None,
                }
            )
    merges: dict[int, list] = {}
    for audit in CandidateMergeAudit.objects.filter(survivor__in=candidates).select_related("by").order_by("at", "id"):
        merges.setdefault(audit.survivor_id, []).append(
            {
                "merged_away_candidate": audit.merged_away_id,
                "fields_taken": audit.fields_taken,
                "applications_moved": audit.applications_moved,
                "applications_dropped": audit.applications_dropped,
                "by": audit.by.get_username() if audit.by else None,
                "at": audit.at.isoformat(),
            }
        )
    self_id: dict[int, list] = {}
    for answer in SelfIdAnswer.objects.filter(candidate__in=candidates).select_related("question").order_by("id"):
        self_id.setdefault(answer.candidate_id, []).append(
            {"question": answer.question.label, "answer": answer.option, "given_at": answer.given_at.isoformat()}
        )
    return {
        "candidates": [
            {
                "id": candidate.id,
                "name": candidate.name,
                "email": candidate.email,
                "phone": candidate.phone,
                "language": candidate.language,
                "source": candidate.source,
                "consent_at": candidate.consent_at.isoformat() if candidate.consent_at else None,
                "consent_text_version": candidate.consent_text_version,
                "education": candidate.education,
                "experience": candidate.experience,
                "cv_text": candidate.cv_text,
                "cover_letter_text": candidate.cover_letter_text,
                "created_at": candidate.created_at.isoformat(),
                "applications": by_candidate.get(candidate.id, []),
                "talent_pool": _pool_data(pool.get(candidate.id)),
                "hires": hires_by_candidate.get(candidate.id, []),
                "possible_duplicates": flags.get(candidate.id, []),
                "merges": merges.get(candidate.id, []),
                "self_identification": self_id.get(candidate.id, []),
            }
            for candidate in candidates
        ]
    }


def _pool_data(entry: TalentPoolEntry | None) -> dict | None:
    if entry is None:
        return None
    return {
        "consent_given_at": entry.consent_given_at.isoformat(),
        "consent_text_version": entry.consent_text_version,
        "consent_expires_at": entry.consent_expires_at.isoformat(),
        "renewal_requested_at": entry.renewal_requested_at.isoformat() if entry.renewal_requested_at else None,
        "renewed_at": entry.renewed_at.isoformat() if entry.renewed_at else None,
    }


def _linked_invitations(candidates: Sequence[Candidate]) -> list[Invitation]:
    """The assessment invitations sent for the candidates' applications, not yet erased."""
    return list(
        Invitation.objects.filter(application_link__application__candidate__in=candidates)
        .exclude(email="")
        .select_related("assessment")
        .order_by("id")
    )


def applicant_erase(candidates: Sequence[Candidate], user) -> None:
    ids = [candidate.id for candidate in candidates]
    # Named first so a change of on_delete can never leave a person's fit or a reason behind.
    FitRecord.objects.filter(application__candidate_id__in=ids).delete()
    RankingDecision.objects.filter(application__candidate_id__in=ids).delete()
    # Before the candidates go: deleting them takes the links, and the invitations could no longer be found.
    personal_data_records_erase(
        category=assessment_personal_data.CATEGORY, records=_linked_invitations(candidates), user=user
    )
    Hire.objects.filter(Q(candidate_id__in=ids) | Q(application__candidate_id__in=ids)).update(
        candidate=None,
        application=None,
        assessment_profile={},
        fit_status="",
        fit=None,
        fit_label="",
        fit_version="",
        fit_explanation={},
        anonymised_at=timezone.now(),
    )
    Candidate.objects.filter(id__in=ids).delete()


def application_drop(*, application: Application, user) -> None:
    """Delete one application of a person whose record stays (a merge keeps one of two applications to
    the same requisition). Its moves, e-mails, fit and decisions go with it; the assessment invitations
    sent for it are erased through assessments' handler (a link deleted alone would leave the
    invitation's name, e-mail and answers behind, reached by no later request), and the admin history
    of the rows loses the texts that named the person."""
    rows = applicant_related_to_applications([application.id])
    personal_data_records_erase(
        category=assessment_personal_data.CATEGORY,
        records=list(
            Invitation.objects.filter(application_link__application=application)
            .exclude(email="")
            .select_related("assessment")
        ),
        user=user,
    )
    FitRecord.objects.filter(application=application).delete()
    RankingDecision.objects.filter(application=application).delete()
    application.delete()
    admin_history_scrub(objects=rows)


def applicant_related_to_applications(ids) -> list[tuple[type, object]]:
    """The applications and every row that hangs off them (a list or a queryset of their ids)."""
    rows = [(Application, pk) for pk in ids]
    for model in (ApplicationMove, ApplicationInvitation, CandidateEmail, FitRecord, RankingDecision):
        rows += [(model, pk) for pk in model.objects.filter(application_id__in=ids).values_list("pk", flat=True)]
    return rows


def applicant_related(candidates: Sequence[Candidate]) -> list[tuple[type, object]]:
    ids = [candidate.id for candidate in candidates]
    rows = [(Candidate, pk) for pk in ids]
    rows += applicant_related_to_applications(
        Application.objects.filter(candidate_id__in=ids).values_list("pk", flat=True)
    )
    for model in (TalentPoolEntry, Hire):
        rows += [(model, pk) for pk in model.objects.filter(candidate_id__in=ids).values_list("pk", flat=True)]
    rows += [
        (DuplicateFlag, pk)
        for pk in DuplicateFlag.objects.filter(Q(candidate_id__in=ids) | Q(other_id__in=ids)).values_list(
            "pk", flat=True
        )
    ]
    rows += [
        (CandidateMergeAudit, pk)
        for pk in CandidateMergeAudit.objects.filter(survivor_id__in=ids).values_list("pk", flat=True)
    ]
    rows += [
        (SelfIdAnswer, pk) for pk in SelfIdAnswer.objects.filter(candidate_id__in=ids).values_list("pk", flat=True)
    ]
    # The invitations erased through assessments' handler (applicant_erase), so that what an erasure
    # will touch can be told in full beforehand.
    return rows + assessment_personal_data.candidate_related(_linked_invitations(candidates))


HANDLER = PersonalDataHandler(
    category=APPLICANT,
    models=tuple(EXPORTED),
    find=applicant_find,
    export=applicant_export,
    erase=applicant_erase,
    related=applicant_related,
    label=_("Applications and the hiring pipeline"),
    kept=_(
        "A hire stays as an anonymous count of the filled opening (requisition, team, role profile, date); "
        "everything else about the applicant is deleted."
    ),
)
