"""Writes for job ads: creating, revising, applying suggestions, bulk analysis."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from hiring.html_text import html_to_text
from hiring.models import BulkAnalysis, BulkAnalysisItem, JobAd, JobAdRevision
from hiring.suggestions import applied_note, suggestions_fitted
from profiles.analysis import Analysis
from profiles.models import RoleProfile
from profiles.refusals import LANGUAGE_IN_CSV, LANGUAGE_IN_FORM, TextRefused
from profiles.selectors import service_type_names
from profiles.services import text_analyze
from servicefit.core.exceptions import ApplicationError
from servicefit.core.jobs import JobClaimLost, job_heartbeat, job_retry, job_run
from servicefit.core.models import Team
from servicefit.core.policies import JOB_AD_WRITE, team_for_new_record

MAX_BULK_ITEMS = 500
# The same ad submitted again this soon after is a double click, not a second ad.
DOUBLE_SUBMIT_WINDOW = timedelta(minutes=2)


def _revision_fields(analysis: Analysis) -> dict:
    data = analysis.to_dict()
    return {
        "analysis": data,
        "language": analysis.language,
        "lexicon_version": analysis.lexicon_version,
        "model_version": analysis.model_version or "",
        "controller_index": analysis.controller_index,
        "alignment_score": data.get("alignment", {}).get("score"),
    }


def _one_create_at_a_time(user) -> None:
    """Lock the user's row until the transaction ends: a second request from the same double click
    waits here, then finds the first one's record instead of making its own."""
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()


def _validated(job_ad: JobAd) -> None:
    try:
        job_ad.full_clean(exclude=["owner"])
    except ValidationError as exc:
        raise ApplicationError(_("The job ad is not valid."), extra={"fields": exc.message_dict}) from exc


def job_ad_create(
    *,
    title: str,
    text: str,
    owner,
    language: str = "",
    role_profile: RoleProfile | None = None,
    team: Team | None = None,
) -> JobAd:
    """A new ad with its first revision, in `team` (default: the owner's). Analysed before anything is written."""
    team = team_for_new_record(policy=JOB_AD_WRITE, user=owner, team=team)
    job_ad = JobAd(title=title.strip(), language=language or "", role_profile=role_profile, owner=owner, team=team)
    _validated(job_ad)
    text = html_to_text(text)
    analysis = text_analyze(
        text=text, language=job_ad.language, role_profile=role_profile, language_in=LANGUAGE_IN_FORM
    )
    with transaction.atomic():
        _one_create_at_a_time(owner)  # so a double click on "Analyse and save" makes one ad
        just_made = JobAd.objects.filter(
            owner=owner,
            team=team,
            title=job_ad.title,
            created_at__gte=timezone.now() - DOUBLE_SUBMIT_WINDOW,
            revisions__number=1,
            revisions__text=text,
        ).first()
        if just_made is not None:
            return just_made
        job_ad.save()
        JobAdRevision.objects.create(
            job_ad=job_ad, number=1, text=text, created_by=owner, note=_("First version"), **_revision_fields(analysis)
        )
    return job_ad


def job_ad_update(*, job_ad: JobAd, title: str | None = None, language: str | None = None, role_profile=...) -> JobAd:
    if title is not None:
        job_ad.title = title.strip()
    if language is not None:
        job_ad.language = language
    if role_profile is not ...:
        job_ad.role_profile = role_profile
    _validated(job_ad)
    job_ad.save()
    return job_ad


class RevisionConflict(ApplicationError):
    """Someone saved `revision` after the one the text was edited from; the message is the studio's."""

    def __init__(self, revision: JobAdRevision):
        self.saved_by = revision.created_by.username if revision.created_by else "—"
        self.number = revision.number
        super().__init__(
            _(
                "%(user)s saved revision %(number)s while you were editing, so your text was not saved. "
                "It is still in the editor: compare it with revision %(number)s, "
                "then save again to put your version on top."
            )
            % {"user": self.saved_by, "number": self.number},
            extra={"revision": self.number, "saved_by": self.saved_by},
            status=409,
        )


def job_ad_revise(
    *,
    job_ad: JobAd,
    text: str,
    user,
    note: str = "",
    applied_suggestion: dict | None = None,
    base_number: int | None = None,
) -> JobAdRevision:
    """Save a new revision; saving the same text as the latest revision changes nothing.

    `base_number` is the revision the text was edited from: when someone else has saved a later
    one meanwhile, nothing is saved, so their changes are not silently written over.
    """
    text = html_to_text(text)
    analysis = text_analyze(text=text, language=job_ad.language, role_profile=job_ad.role_profile)
    with transaction.atomic():
        # Lock the ad so two saves at once get consecutive numbers instead of a constraint error.
        JobAd.objects.select_for_update().filter(pk=job_ad.pk).first()
        latest = job_ad.revisions.order_by("-number").first()
        if latest is not None and latest.text == text:
            return latest  # a double click, or a save with nothing changed
        if base_number is not None and latest is not None and latest.number != base_number:
            raise RevisionConflict(latest)
        revision = JobAdRevision.objects.create(
            job_ad=job_ad,
            number=(latest.number if latest else 0) + 1,
            text=text,
            created_by=user,
            note=note[:300],
            applied_suggestion=applied_suggestion,
            **_revision_fields(analysis),
        )
        JobAd.objects.filter(pk=job_ad.pk).update(updated_at=timezone.now())
    return revision


def job_ad_apply_suggestion(
    *,
    job_ad: JobAd,
    index: int,
    user,
    revision_number: int | None = None,
    text: str | None = None,
    base_number: int | None = None,
    shown: dict | None = None,
) -> JobAdRevision:
    """Apply suggestion `index` and save the result as a new revision.

    Either to the studio's current `text` (analysed afresh, so the offsets fit it), or to the
    latest revision, which must be `revision_number`: the suggestion was made for that text.
    `shown` ({"original", "replacement"}) is the suggestion as the recruiter saw it: the text may
    have changed since it was shown, and then the same suggestion may sit at another index.
    """
    if text is None:
        latest = job_ad.revisions.order_by("-number").first()
        if latest is None or latest.number != revision_number:
            raise ApplicationError(
                _("The ad has changed since these suggestions were made. Look at the new analysis and try again."),
                extra=RevisionConflict(latest).extra if latest else {},
                status=409,
            )
        text, suggestions = latest.text, latest.analysis.get("suggestions", [])
    else:
        text = html_to_text(text)
        analysis = text_analyze(text=text, language=job_ad.language, role_profile=job_ad.role_profile)
        suggestions = analysis.to_dict()["suggestions"]
    suggestions = suggestions_fitted(suggestions, text)
    if shown is not None:
        index = _shown_suggestion_index(suggestions, index=index, shown=shown)
    if not 0 <= index < len(suggestions):
        raise ApplicationError(_("There is no such suggestion."), status=404)
    suggestion = suggestions[index]
    if suggestion["kind"] == "rewrite":
        text = text[: suggestion["start"]] + suggestion["replacement"] + text[suggestion["end"] :]
    elif suggestion["kind"] == "add" and suggestion.get("start") is not None:
        # At the end of the requirements, before benefits and how to apply (the engine's insertion point).
        at = suggestion["start"]
        text = text[:at] + suggestion["replacement"] + text[at:]
    elif suggestion["kind"] == "add":  # saved before suggestions had an insertion point
        text = text.rstrip() + "\n" + suggestion["replacement"].strip("\n")
    else:
        raise ApplicationError(_("This suggestion needs your own wording; edit the text instead."))
    return job_ad_revise(
        job_ad=job_ad,
        text=text,
        user=user,
        note=applied_note(suggestion, service_type_names())[:300],
        applied_suggestion=suggestion,
        base_number=base_number if base_number is not None else revision_number,
    )


def _shown_suggestion_index(suggestions: list[dict], *, index: int, shown: dict) -> int:
    def plain(value: str | None) -> str:
        return " ".join((value or "").split())  # a browser sends a form's line breaks as CRLF

    def same(suggestion: dict) -> bool:
        return all(plain(suggestion.get(key)) == plain(shown.get(key)) for key in ("original", "replacement"))

    if 0 <= index < len(suggestions) and same(suggestions[index]):
        return index
    found = next((i for i, suggestion in enumerate(suggestions) if same(suggestion)), None)
    if found is None:
        raise ApplicationError(
            _("The ad has changed since these suggestions were made. Look at the new analysis and try again."),
            status=409,
        )
    return found


def job_ad_delete(*, job_ad: JobAd) -> None:
    job_ad.delete()


def bulk_analysis_create(
    *, name: str, items: list[dict], user, role_profile: RoleProfile | None = None, team: Team | None = None
) -> BulkAnalysis:
    """Queue many ads ({"name", "text", "language"?}) for analysis by `bulk_analysis_run_task`."""
    from hiring.tasks import bulk_analysis_run_task

    if not items:
        raise ApplicationError(_("Add at least one ad."))
    if len(items) > MAX_BULK_ITEMS:
        raise ApplicationError(_("At most %(n)s ads at a time.") % {"n": MAX_BULK_ITEMS}, status=413)
    team = team_for_new_record(policy=JOB_AD_WRITE, user=user, team=team)
    name = name.strip()[:200]
    rows = [(item["name"][:255], html_to_text(item["text"]), item.get("language") or "") for item in items]
    with transaction.atomic():
        _one_create_at_a_time(user)  # so a double click on "Start analysis" starts one run
        just_started = _bulk_analysis_just_started(
            name=name, rows=rows, user=user, role_profile=role_profile, team=team
        )
        if just_started is not None:
            return just_started
        bulk = BulkAnalysis.objects.create(
            name=name, role_profile=role_profile, total=len(rows), created_by=user, team=team
        )
        BulkAnalysisItem.objects.bulk_create(
            BulkAnalysisItem(bulk_analysis=bulk, position=position, name=item_name, text=text, language=language)
            for position, (item_name, text, language) in enumerate(rows)
        )
        transaction.on_commit(lambda: bulk_analysis_run_task.delay(bulk.id))
    return bulk


def _bulk_analysis_just_started(
    *, name: str, rows: list[tuple], user, role_profile: RoleProfile | None, team: Team
) -> BulkAnalysis | None:
    """The same user's run of the same ads started within DOUBLE_SUBMIT_WINDOW: a double click."""
    recent = BulkAnalysis.objects.filter(
        created_by=user,
        team=team,
        name=name,
        role_profile=role_profile,
        total=len(rows),
        created_at__gte=timezone.now() - DOUBLE_SUBMIT_WINDOW,
    ).order_by("created_at")
    for bulk in recent:
        if list(bulk.items.order_by("position").values_list("name", "text", "language")) == rows:
            return bulk
    return None


def bulk_analysis_run(*, bulk_analysis_id: int) -> None:
    """Analyse the items not yet done. Safe to run twice: a claimed or finished run is left alone."""
    # Not atomic: the page shows progress item by item, and a retry skips the items already done.
    job_run(model=BulkAnalysis, job_id=bulk_analysis_id, work=_bulk_analysis_items, atomic=False)


def _bulk_analysis_items(bulk: BulkAnalysis) -> None:
    pending = bulk.items.filter(result__isnull=True, error_code="", error="").order_by("position")
    for item in pending.iterator(chunk_size=50):
        try:
            analysis = text_analyze(
                text=item.text, language=item.language, role_profile=bulk.role_profile, language_in=LANGUAGE_IN_CSV
            )
            item.result, item.error_code, item.error_params = analysis.to_dict(), "", {}
        except TextRefused as exc:  # this ad's own problem: record why, to be put in words for each reader
            item.error_code, item.error_params = exc.refusal, exc.params
        with transaction.atomic():
            item.save(update_fields=["result", "error_code", "error_params"])
            if not job_heartbeat(
                model=BulkAnalysis, job_id=bulk.id, attempt=bulk.attempts, processed=F("processed") + 1
            ):
                raise JobClaimLost(f"bulk analysis {bulk.id}: attempt {bulk.attempts} was superseded")


def bulk_analysis_retry(*, bulk: BulkAnalysis) -> None:
    """Queue a failed or stalled run again; the ads already analysed are kept."""
    from hiring.tasks import bulk_analysis_run_task

    with transaction.atomic():
        job_retry(model=BulkAnalysis, job_id=bulk.id)
        transaction.on_commit(lambda: bulk_analysis_run_task.delay(bulk.id))
