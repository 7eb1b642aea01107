"""A person's decisions on possible duplicate candidates: link, dismiss or merge. Never automatic.

Merging keeps one record (the survivor) with, field by field, the values the person chose; the
other's applications, documents and consent move to it, and the other record is then erased
through the personal-data layer, so only the audit row (ids, field names) remains of it.
"""

from django.db import transaction
from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hiring import fit_records, pipeline_personal_data
from hiring.models import Application, Candidate, CandidateMergeAudit, DuplicateFlag, Stage
from hiring.pipeline import APPLICANT, _candidate_checked
from servicefit.core.exceptions import ApplicationError
from servicefit.core.policies import CANDIDATE_RESULTS_READ, Policy
from servicefit.core.services import personal_data_records_erase

# What a merge may take from either record; consent is one choice (the date with its text version).
MERGE_FIELDS = {
    "name": ("name",),
    "email": ("email",),
    "phone": ("phone",),
    "language": ("language",),
    "source": ("source",),
    "consent": ("consent_at", "consent_text_version"),
    "education": ("education",),
    "experience": ("experience",),
    "cv": ("cv_text",),
    "cover_letter": ("cover_letter_text",),
}
MERGE_FIELD_LABELS = {
    "name": gettext_lazy("Name"),
    "email": gettext_lazy("E-mail address"),
    "phone": gettext_lazy("Phone"),
    "language": gettext_lazy("Language"),
    "source": gettext_lazy("Source"),
    "consent": gettext_lazy("Consent"),
    "education": gettext_lazy("Education"),
    "experience": gettext_lazy("Experience"),
    "cv": gettext_lazy("CV"),
    "cover_letter": gettext_lazy("Cover letter"),
}
SURVIVOR, OTHER = "survivor", "other"
# How far an application got, to keep the further one when both applied to the same requisition.
STAGE_PROGRESS = {
    Stage.WITHDRAWN: 0,
    Stage.REJECTED: 0,
    Stage.APPLIED: 1,
    Stage.SCREENED: 2,
    Stage.ASSESSED: 3,
    Stage.INTERVIEW: 4,
    Stage.OFFER: 5,
    Stage.HIRED: 6,
}


# Reads ---------------------------------------------------------------------------------------------


def duplicate_flag_list(*, user, policy: Policy = CANDIDATE_RESULTS_READ) -> QuerySet[DuplicateFlag]:
    flags = DuplicateFlag.objects.select_related("candidate", "other", "decided_by")
    return policy.scope(flags, user, field="candidate__team")


def duplicate_flag_get(*, user, flag_id: int, policy: Policy = CANDIDATE_RESULTS_READ) -> DuplicateFlag:
    return get_object_or_404(duplicate_flag_list(user=user, policy=policy), id=flag_id)


def candidate_duplicate_flags(*, candidate: Candidate) -> list[DuplicateFlag]:
    """The candidate's flags either way round, each with `.counterpart` (the other person's record)."""
    flags = list(
        DuplicateFlag.objects.filter(Q(candidate=candidate) | Q(other=candidate))
        .select_related("candidate", "other", "decided_by")
        .order_by("status", "-created_at", "id")
    )
    for flag in flags:
        flag.counterpart = flag.other if flag.candidate_id == candidate.id else flag.candidate
    return flags


# Writes --------------------------------------------------------------------------------------------


def _locked_flag(flag: DuplicateFlag, allowed: tuple[str, ...]) -> DuplicateFlag:
    locked = DuplicateFlag.objects.select_for_update().select_related("candidate", "other").get(pk=flag.pk)
    if locked.status not in allowed:
        raise ApplicationError(
            _("This possible duplicate was already decided: %(status)s.") % {"status": locked.get_status_display()},
            extra={"fields": {"status": ["decided"]}},
            status=409,
        )
    return locked


def duplicate_flag_decide(*, flag: DuplicateFlag, status: str, user) -> DuplicateFlag:
    """Link (the same person: both records stay, shown linked) or dismiss (different people) an open flag."""
    if status not in (DuplicateFlag.Status.LINKED, DuplicateFlag.Status.DISMISSED):
        raise ApplicationError(_("Link or dismiss a possible duplicate."), extra={"fields": {"status": ["invalid"]}})
    with transaction.atomic():
        locked = _locked_flag(flag, (DuplicateFlag.Status.OPEN,))
        locked.status, locked.decided_by, locked.decided_at = status, user, timezone.now()
        locked.save(update_fields=["status", "decided_by", "decided_at", "updated_at"])
    return locked


def _more_advanced(a: Application, b: Application) -> Application:
    """The application that got further; on a tie the older one (it carries the longer history)."""
    key_a, key_b = (STAGE_PROGRESS[a.stage], -a.id), (STAGE_PROGRESS[b.stage], -b.id)
    return a if key_a >= key_b else b


def _applications_moved(survivor: Candidate, merged: Candidate, user) -> tuple[list[int], list[dict]]:
    ours = {a.requisition_id: a for a in Application.objects.select_for_update().filter(candidate=survivor)}
    moved, dropped = [], []
    for theirs in Application.objects.select_for_update().filter(candidate=merged).order_by("id"):
        mine = ours.get(theirs.requisition_id)
        if mine is not None:
            kept = _more_advanced(mine, theirs)
            lost = theirs if kept is mine else mine
            dropped.append(
                {"requisition": theirs.requisition_id, "kept": kept.id, "dropped": lost.id, "dropped_stage": lost.stage}
            )
            pipeline_personal_data.application_drop(application=lost, user=user)
            if kept is mine:
                continue
        Application.objects.filter(pk=theirs.pk).update(candidate=survivor)
        moved.append(theirs.id)
    return moved, dropped


def _flags_carried_over(survivor: Candidate, merged: Candidate) -> None:
    """The merged record's other flags now concern the survivor, unless the survivor has one with
    the same person already (or it is the survivor)."""
    known = set(DuplicateFlag.objects.filter(candidate=survivor).values_list("other_id", flat=True)) | set(
        DuplicateFlag.objects.filter(other=survivor).values_list("candidate_id", flat=True)
    )
    for flag in DuplicateFlag.objects.filter(Q(candidate=merged) | Q(other=merged)).exclude(
        Q(candidate=survivor) | Q(other=survivor)
    ):
        third = flag.other_id if flag.candidate_id == merged.id else flag.candidate_id
        if third in known:
            continue  # erased with the merged record
        if flag.candidate_id == merged.id:
            flag.candidate = survivor
        else:
            flag.other = survivor
        flag.save(update_fields=["candidate", "other", "updated_at"])
        known.add(third)


def candidates_merge(*, flag: DuplicateFlag, survivor: Candidate, choices: dict[str, str], user) -> CandidateMergeAudit:
    """Merge the flag's two records into `survivor`. `choices`: MERGE_FIELDS key → "survivor" or
    "other" (left out: the survivor's value). One transaction: all of it, or nothing."""
    unknown = sorted(set(choices) - set(MERGE_FIELDS))
    wrong = sorted(key for key, side in choices.items() if side not in (SURVIVOR, OTHER))
    if unknown or wrong:
        raise ApplicationError(
            _("Choose, for each field, the value of the surviving record or of the other one."),
            extra={"fields": {key: ["invalid"] for key in unknown + wrong}},
        )
    with transaction.atomic():
        locked = _locked_flag(flag, (DuplicateFlag.Status.OPEN, DuplicateFlag.Status.LINKED))
        if survivor.pk not in (locked.candidate_id, locked.other_id):
            raise ApplicationError(
                _("The surviving record must be one of the two possible duplicates."),
                extra={"fields": {"survivor": ["invalid"]}},
            )
        ids = sorted({locked.candidate_id, locked.other_id})
        records = {c.id: c for c in Candidate.objects.select_for_update().filter(id__in=ids)}
        kept, merged = records[survivor.pk], records[ids[0] if ids[1] == survivor.pk else ids[1]]
        taken = [key for key in MERGE_FIELDS if choices.get(key) == OTHER]
        for key in taken:
            for attribute in MERGE_FIELDS[key]:
                setattr(kept, attribute, getattr(merged, attribute))
        # Two records of one person may share the e-mail address: the survivor's is checked as any other's.
        _candidate_checked(kept)
        kept.save()
        moved, dropped = _applications_moved(kept, merged, user)
        _flags_carried_over(kept, merged)
        CandidateMergeAudit.objects.filter(survivor=merged).update(survivor=kept)  # its own earlier merges
        audit = CandidateMergeAudit.objects.create(
            survivor=kept,
            merged_away_id=merged.id,
            flag_id=locked.id,
            fields_taken=taken,
            applications_moved=moved,
            applications_dropped=dropped,
            by=user,
        )
        personal_data_records_erase(category=APPLICANT, records=[merged], user=user)
        # The survivor's applications (its own and the moved ones) may now have another cover letter.
        fit_records.candidate_fit_refresh_later(candidate_id=kept.id)
    return audit
