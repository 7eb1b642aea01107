"""Staff pages for applicants' data: the talent pool and the Swedish merit statement."""

import datetime

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from hiring import forms, pipeline_selectors, talent_pool
from hiring.merit_statement import STATEMENT_LANGUAGES, merit_statement
from servicefit.core.decorators import policy_required
from servicefit.core.exceptions import ApplicationError
from servicefit.core.models import AccessLog
from servicefit.core.policies import CANDIDATE_RESULTS_READ, CANDIDATE_WRITE
from servicefit.core.services import access_log_many


@require_GET
@policy_required(CANDIDATE_RESULTS_READ)
def talent_pool_list(request):
    filters = forms.TalentPoolFilterForm(request.GET or None)
    cleaned = filters.cleaned_data if filters.is_valid() else {}
    entries = talent_pool.talent_pool_list(
        user=request.user,
        expiring=cleaned.get("expiring", False),
        language=cleaned.get("language", ""),
        source=cleaned.get("source", ""),
    )
    page = Paginator(entries, 25).get_page(request.GET.get("page"))
    access_log_many(user=request.user, action=AccessLog.Action.VIEW, targets=[e.candidate for e in page])
    return render(
        request,
        "hiring/talent_pool/list.html",
        {"filters": filters, "page": page, "can_write": CANDIDATE_WRITE.allows(request.user)},
    )


@require_http_methods(["GET", "POST"])
@policy_required(CANDIDATE_WRITE)
def talent_pool_add(request, candidate_id):
    candidate = pipeline_selectors.candidate_get(user=request.user, candidate_id=candidate_id, policy=CANDIDATE_WRITE)
    form = forms.TalentPoolAddForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            given_on = form.cleaned_data["consent_given_on"]
            given_at = None
            if given_on is not None and given_on != timezone.localdate():
                given_at = timezone.make_aware(datetime.datetime.combine(given_on, datetime.time(12)))
            try:
                talent_pool.talent_pool_add(
                    user=request.user,
                    candidate=candidate,
                    consent_text_version=form.cleaned_data["consent_text_version"],
                    consent_given_at=given_at,
                )
            except ApplicationError as exc:
                form.add_error(None, exc.message)
                for name, errors in exc.extra.get("fields", {}).items():
                    target = "consent_given_on" if name == "consent_given_at" else name
                    for error in errors:
                        form.add_error(target if target in form.fields else None, error)
                status = exc.status
            else:
                messages.success(request, _("The candidate is now in the talent pool."))
                return redirect("hiring:talent-pool")
    return render(request, "hiring/talent_pool/add.html", {"form": form, "candidate": candidate}, status=status)


@require_POST
@policy_required(CANDIDATE_WRITE)
def talent_pool_remove(request, talent_pool_entry_id):
    entry = talent_pool.talent_pool_entry_get(user=request.user, entry_id=talent_pool_entry_id)
    talent_pool.talent_pool_remove(entry=entry)
    messages.success(request, _("The candidate was removed from the talent pool."))
    return redirect("hiring:talent-pool")


@require_GET
@policy_required(CANDIDATE_RESULTS_READ)
def merit_statement_page(request, requisition_id):
    requisition = pipeline_selectors.requisition_get(
        user=request.user, requisition_id=requisition_id, policy=CANDIDATE_RESULTS_READ
    )
    language = request.GET.get("lang")
    if language not in STATEMENT_LANGUAGES:
        ad_language = requisition.job_ad.language if requisition.job_ad_id else ""
        language = ad_language if ad_language in STATEMENT_LANGUAGES else "sv"
    try:
        with translation.override(language):
            merits = merit_statement(requisition=requisition, user=request.user)
    except ApplicationError as exc:
        return render(
            request,
            "hiring/merit_statement.html",
            {"requisition": requisition, "error": exc.message},
            status=exc.status,
        )
    context = {
        "requisition": requisition,
        "merits": merits,
        "statement_language": language,
        "languages": STATEMENT_LANGUAGES,
        "today": timezone.localdate(),
    }
    if request.GET.get("format") == "txt":
        with translation.override(language):
            text = render_to_string("hiring/merit_statement.txt", context)
        response = HttpResponse(text, content_type="text/plain; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="merit-statement-{requisition.id}-{language}.txt"'
        response["Cache-Control"] = "no-store"
        return response
    with translation.override(language):
        statement = render_to_string("hiring/_merit_statement.html", context)
    return render(request, "hiring/merit_statement.html", {**context, "statement": statement})
