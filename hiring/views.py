from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from hiring import forms, selectors, services
from hiring.evidence import part_reason, verdict_context
from hiring.highlight import blocks
from hiring.models import JobAd
from hiring.suggestions import applied_note, suggestion_words, suggestions_fitted
from profiles import selectors as profile_selectors
from profiles import services as profile_services
from profiles.analysis.text import split_sentences
from profiles.models import SentenceLabel
from profiles.service_types import SERVICE_TYPES
from servicefit.core.csv import csv_write
from servicefit.core.decorators import policy_required
from servicefit.core.exceptions import ApplicationError
from servicefit.core.policies import (
    CANDIDATE_RESULTS_READ,
    JOB_AD_READ,
    JOB_AD_WRITE,
    SENTENCE_LABEL_WRITE,
    team_choices,
)

BULK_COLUMNS = ["name", "language", "word_count", "controller_index", "alignment", "lix", "gender_coding"]


@require_GET
@policy_required(JOB_AD_READ)
def index(request):
    filters = forms.JobAdFilterForm(request.GET or None)
    cleaned = filters.cleaned_data if filters.is_valid() else {}
    ads = selectors.job_ad_list(
        user=request.user,
        q=cleaned.get("q", ""),
        language=cleaned.get("language", ""),
        role_profile=cleaned.get("role_profile", ""),
        below_target=cleaned.get("below_target", False),
    )
    page = Paginator(ads, 25).get_page(request.GET.get("page"))
    return render(
        request,
        "hiring/index.html",
        {
            "filters": filters,
            "page": page,
            "role_profiles": profile_selectors.role_profile_list(),
            "can_write": JOB_AD_WRITE.allows(request.user),
            "can_see_candidates": CANDIDATE_RESULTS_READ.allows(request.user),
        },
    )


@require_http_methods(["GET", "POST"])
@policy_required(JOB_AD_WRITE)
def job_ad_new(request):
    form = forms.JobAdForm(request.POST or None, teams=team_choices(policy=JOB_AD_WRITE, user=request.user))
    status = 200 if request.method == "GET" else 400
    if request.method == "POST" and form.is_valid():
        try:
            job_ad = services.job_ad_create(owner=request.user, **form.cleaned_data)
        except ApplicationError as exc:
            form.add_error(None, exc.message)
            status = exc.status
        else:
            messages.success(request, _("The job ad was saved as revision 1."))
            return redirect("hiring:studio", job_ad_id=job_ad.id)
    return render(request, "hiring/job_ad_new.html", {"form": form}, status=status)


def _analysis_context(request, job_ad: JobAd, text: str) -> dict:
    """The analysis partial's context for `text`, or the error a user should see instead."""
    try:
        analysis = profile_services.text_analyze(text=text, language=job_ad.language, role_profile=job_ad.role_profile)
    except ApplicationError as exc:
        return {"analysis_error": exc.message, "job_ad": job_ad}
    data = analysis.to_dict()
    sentences = split_sentences(text)
    parts = data.get("parts", [])
    for match in data["matches"]:
        match["sentence_text"] = next((s.text for s in sentences if s.start <= match["start"] < s.end), match["text"])
        sentence = match.get("sentence")
        match["language"] = parts[sentence]["language"] if sentence is not None and sentence < len(parts) else ""
    target = data.get("alignment")
    weights = {}
    if job_ad.role_profile:
        weights = {w.service_type.code: float(w.weight) for w in job_ad.role_profile.type_weights.all()}
    total = sum(data["scores"].values()) or 1.0
    names = profile_selectors.service_type_names()
    gaps = [
        {
            **gap,
            "name": names[gap["type"]],
            "actual_pct": round(100 * gap["actual"]),
            "target_pct": round(100 * gap["target"]),
        }
        for gap in (target or {}).get("gaps", [])
    ]
    data["suggestions"] = suggestions_fitted(data["suggestions"], text)
    for suggestion in data["suggestions"]:
        suggestion["text"], suggestion["why"] = suggestion_words(suggestion, names)
    for part in data.get("parts", []):
        part["shown_reason"] = "" if part["counted"] else part_reason(part)
    index = data["controller_index"]
    return {
        "job_ad": job_ad,
        "analysis": data,
        "gaps": gaps,
        "blocks": blocks(text, data["matches"], data.get("parts", [])),
        "verdict": verdict_context(data),
        "type_rows": [
            {"code": t, "name": names[t], "score": data["scores"][t], "share": round(100 * data["scores"][t] / total)}
            for t in SERVICE_TYPES
        ],
        # -100…100 → -90…90 degrees; no needle when there is too little evidence for a number.
        "gauge_angle": None if index is None else round(index * 0.9, 1),
        "legend_types": [{"code": t, "name": names[t]} for t in SERVICE_TYPES],
        "chart": {
            "labels": [names[t] for t in SERVICE_TYPES],
            "actual": [round(data["scores"][t] / total, 3) for t in SERVICE_TYPES],
            "target": [weights.get(t, 0.0) for t in SERVICE_TYPES] if target else None,
        },
        "label_choices": SentenceLabel.Label.choices,
        "can_write": JOB_AD_WRITE.allows_team(request.user, job_ad.team_id),
    }


def _studio_job_ad(request, job_ad_id: int, policy=JOB_AD_READ) -> JobAd:
    job_ad = selectors.job_ad_get(user=request.user, job_ad_id=job_ad_id, policy=policy)
    if job_ad.role_profile_id:
        job_ad.role_profile = profile_selectors.role_profile_list().get(pk=job_ad.role_profile_id)
    return job_ad


@require_GET
@policy_required(JOB_AD_READ)
def studio(request, job_ad_id):
    return _studio_page(request, _studio_job_ad(request, job_ad_id))


def _studio_page(request, job_ad: JobAd, text: str | None = None, status: int = 200):
    """The studio; with `text`, the recruiter's own unsaved text in the editor instead of the latest revision's."""
    latest = selectors.revision_latest(job_ad=job_ad)
    if text is None:
        text = latest.text if latest else ""
    revisions, names = list(selectors.revision_list(job_ad=job_ad)), profile_selectors.service_type_names()
    for revision in revisions:
        # A note the engine wrote reads in the reader's language; a person's own note as written.
        applied = revision.applied_suggestion
        revision.shown_note = applied_note(applied, names) if applied else revision.note
    return render(
        request,
        "hiring/studio.html",
        {
            **_analysis_context(request, job_ad, text),
            "text": text,
            "latest": latest,
            "revisions": revisions,
            "settings_form": forms.JobAdSettingsForm(instance=job_ad),
        },
        status=status,
    )


def _base_number(request) -> int | None:
    """The revision the studio's text was edited from (absent from forms of older pages)."""
    try:
        return int(request.POST["base"])
    except (KeyError, ValueError):
        return None


@require_POST
@policy_required(JOB_AD_READ)
def studio_analyze(request, job_ad_id):
    """The live analysis as the recruiter types (htmx, debounced). Saves nothing."""
    job_ad = _studio_job_ad(request, job_ad_id)
    return render(request, "hiring/_analysis.html", _analysis_context(request, job_ad, request.POST.get("text", "")))


@require_POST
@policy_required(JOB_AD_WRITE)
def studio_save(request, job_ad_id):
    job_ad = _studio_job_ad(request, job_ad_id, JOB_AD_WRITE)
    text = request.POST.get("text", "")
    try:
        revision = services.job_ad_revise(
            job_ad=job_ad,
            text=text,
            user=request.user,
            note=request.POST.get("note", ""),
            base_number=_base_number(request),
        )
    except ApplicationError as exc:
        # The recruiter's text stays in the editor: a redirect would replace it with the saved one.
        messages.error(request, exc.message)
        return _studio_page(request, job_ad, text=text, status=exc.status)
    else:
        messages.success(request, _("Saved as revision %(number)s.") % {"number": revision.number})
    return redirect("hiring:studio", job_ad_id=job_ad.id)


def _shown_suggestion(request) -> dict | None:
    """The suggestion as the page showed it (absent from forms of older pages)."""
    if "replacement" not in request.POST:
        return None
    return {"original": request.POST.get("original", ""), "replacement": request.POST["replacement"]}


@require_POST
@policy_required(JOB_AD_WRITE)
def studio_apply(request, job_ad_id):
    job_ad = _studio_job_ad(request, job_ad_id, JOB_AD_WRITE)
    text = request.POST.get("text") or None
    base = _base_number(request)
    if base is None and not text:
        latest = selectors.revision_latest(job_ad=job_ad)
        base = latest.number if latest else None
    try:
        index = int(request.POST.get("index", ""))
        revision = services.job_ad_apply_suggestion(
            job_ad=job_ad,
            index=index,
            text=text,
            revision_number=None if text else base,
            base_number=base,
            shown=_shown_suggestion(request),
            user=request.user,
        )
    except ValueError:
        messages.error(request, _("There is no such suggestion."))
    except ApplicationError as exc:
        messages.error(request, exc.message)
        if text:  # keep the recruiter's unsaved text in the editor
            return _studio_page(request, job_ad, text=text, status=exc.status)
    else:
        messages.success(
            request, _("Suggestion applied and saved as revision %(number)s.") % {"number": revision.number}
        )
    return redirect("hiring:studio", job_ad_id=job_ad.id)


@require_POST
@policy_required(JOB_AD_WRITE)
def studio_settings(request, job_ad_id):
    job_ad = _studio_job_ad(request, job_ad_id, JOB_AD_WRITE)
    form = forms.JobAdSettingsForm(request.POST, instance=job_ad)
    if form.is_valid():
        services.job_ad_update(job_ad=job_ad, **form.cleaned_data)
        messages.success(request, _("Settings saved."))
    else:
        messages.error(request, _("The settings were not saved: %(errors)s") % {"errors": form.errors.as_text()})
    return redirect("hiring:studio", job_ad_id=job_ad.id)


@require_POST
@policy_required(JOB_AD_WRITE)
def studio_delete(request, job_ad_id):
    job_ad = _studio_job_ad(request, job_ad_id, JOB_AD_WRITE)
    services.job_ad_delete(job_ad=job_ad)
    messages.success(request, _("“%(title)s” was deleted.") % {"title": job_ad.title})
    return redirect("hiring:index")


@require_GET
@policy_required(JOB_AD_READ)
def compare(request, job_ad_id):
    job_ad = _studio_job_ad(request, job_ad_id)
    revisions = list(selectors.revision_list(job_ad=job_ad))
    by_number = {r.number: r for r in revisions}
    try:
        a, b = by_number[int(request.GET["a"])], by_number[int(request.GET["b"])]
    except (KeyError, ValueError):
        messages.error(request, _("Choose two revisions of this ad to compare."))
        return redirect("hiring:studio", job_ad_id=job_ad.id)
    return render(
        request,
        "hiring/compare.html",
        {"job_ad": job_ad, "a": a, "b": b, "diff": selectors.revision_compare(a=a, b=b), "revisions": revisions},
    )


@require_POST
@policy_required(SENTENCE_LABEL_WRITE)
def sentence_label(request):
    form = forms.SentenceLabelForm(request.POST)
    if not form.is_valid():
        return render(request, "hiring/_label_result.html", {"error": form.errors.as_text()}, status=400)
    profile_services.sentence_label_save(user=request.user, **form.cleaned_data)
    return render(request, "hiring/_label_result.html", {"label": form.cleaned_data["label"]})


def _bulk_form(request, *args):
    return forms.BulkAnalysisForm(*args, teams=team_choices(policy=JOB_AD_WRITE, user=request.user))


def _bulk_page(request, form, status=200):
    return render(
        request,
        "hiring/bulk.html",
        {
            "form": form,
            "runs": selectors.bulk_analysis_list(user=request.user)[:50],
            "can_write": JOB_AD_WRITE.allows(request.user),
        },
        status=status,
    )


@require_GET
@policy_required(JOB_AD_READ)
def bulk(request):
    return _bulk_page(request, _bulk_form(request))


@require_POST
@policy_required(JOB_AD_WRITE)
def bulk_create(request):
    form = _bulk_form(request, request.POST, request.FILES)
    if form.is_valid():
        try:
            run = services.bulk_analysis_create(
                name=form.cleaned_data["name"],
                role_profile=form.cleaned_data["role_profile"],
                items=form.cleaned_data["items"],
                user=request.user,
                team=form.cleaned_data.get("team"),
            )
        except ApplicationError as exc:
            form.add_error(None, exc.message)
        else:
            return redirect("hiring:bulk-detail", bulk_id=run.id)
    return _bulk_page(request, form, status=400)


@require_GET
@policy_required(JOB_AD_READ)
def bulk_detail(request, bulk_id):
    run = selectors.bulk_analysis_get(user=request.user, bulk_id=bulk_id)
    context = {"run": run, "rows": selectors.bulk_result_rows(bulk=run) if run.is_finished else None}
    context["types"] = SERVICE_TYPES
    context["can_write"] = JOB_AD_WRITE.allows_team(request.user, run.team_id)
    template = "hiring/_bulk_progress.html" if request.headers.get("HX-Request") else "hiring/bulk_detail.html"
    return render(request, template, context)


@require_POST
@policy_required(JOB_AD_WRITE)
def bulk_retry(request, bulk_id):
    run = selectors.bulk_analysis_get(user=request.user, bulk_id=bulk_id, policy=JOB_AD_WRITE)
    try:
        services.bulk_analysis_retry(bulk=run)
    except ApplicationError as exc:
        messages.error(request, exc.message)
    return redirect("hiring:bulk-detail", bulk_id=run.id)


@require_GET
@policy_required(JOB_AD_READ)
def bulk_csv(request, bulk_id):
    run = selectors.bulk_analysis_get(user=request.user, bulk_id=bulk_id)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="servicefit-bulk-{run.id}.csv"'
    response.write("\ufeff")  # so Excel opens æ/ø/å correctly
    csv_write(response, columns=[*BULK_COLUMNS, *SERVICE_TYPES, "error"], rows=selectors.bulk_result_rows(bulk=run))
    return response
