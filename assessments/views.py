from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from assessments import forms, item_analysis_report, result_report, scoring, selectors, services
from assessments.models import Assessment
from profiles import selectors as profile_selectors
from servicefit.core.decorators import policy_required
from servicefit.core.exceptions import ApplicationError
from servicefit.core.policies import CANDIDATE_RESULTS_READ, CANDIDATE_WRITE, ITEM_ANALYSIS_RUN, team_choices
from servicefit.core.services import access_log


@require_GET
@policy_required(CANDIDATE_RESULTS_READ)
def index(request):
    filters = forms.InvitationFilterForm(request.GET or None)
    cleaned = filters.cleaned_data if filters.is_valid() else {}
    invitations = selectors.invitation_list(
        user=request.user,
        assessment=cleaned.get("assessment", ""),
        status=cleaned.get("status", ""),
        q=cleaned.get("q", ""),
    )
    page = Paginator(invitations, 25).get_page(request.GET.get("page"))
    page.object_list = selectors.invitations_shown(user=request.user, invitations=page.object_list)
    return render(
        request,
        "assessments/index.html",
        {
            "assessments": selectors.assessment_list(),
            "page": page,
            "filters": filters,
            "invite_form": _invite_form(request),
            "competencies": profile_selectors.competency_list(),
        },
    )


def _invite_form(request, *args):
    return forms.InvitationForm(*args, teams=team_choices(policy=CANDIDATE_WRITE, user=request.user))


@require_POST
@policy_required(CANDIDATE_WRITE)
def invite(request):
    form = _invite_form(request, request.POST)
    if form.is_valid():
        try:
            invitation = services.invitation_create(user=request.user, **form.cleaned_data)
        except ApplicationError as exc:
            messages.error(request, exc.message + " " + _field_errors(form, exc.extra.get("fields", {})))
        else:
            messages.success(request, _("Invitation sent to %(email)s.") % {"email": invitation.email})
            return redirect("assessments:invitation", invitation_id=invitation.id)
    else:
        messages.error(
            request, _("The invitation was not sent: %(errors)s") % {"errors": _field_errors(form, form.errors)}
        )
    return redirect("assessments:index")


def _field_errors(form, errors: dict) -> str:
    """ "E-mail: Enter a valid email address." — each field by its label, as the form shows it, not its code."""
    return " ".join(
        f"{form.fields[field].label}: {' '.join(texts)}" if field in form.fields else " ".join(texts)
        for field, texts in errors.items()
    )


@require_GET
@policy_required(CANDIDATE_RESULTS_READ)
def invitation(request, invitation_id):
    invitation = selectors.invitation_get(user=request.user, invitation_id=invitation_id)
    access_log(user=request.user, action="view", target=invitation)
    attempt = getattr(invitation, "attempt", None)
    result = written = None
    if _scored(attempt):
        result = result_report.result_report(invitation=invitation, attempt=attempt)
        written = selectors.written_answers_for_review(attempt=attempt)
    token = services.invitation_token(invitation)
    return render(
        request,
        "assessments/invitation.html",
        {
            "invitation": invitation,
            "attempt": attempt,
            "result": result,
            "written": written or [],
            "link": settings.SITE_URL.rstrip("/") + reverse("take:welcome", args=[token]),
            "review_levels": range(scoring.RUBRIC_MAX + 1),
        },
    )


def _scored(attempt) -> bool:
    return attempt is not None and attempt.submitted_at is not None and hasattr(attempt, "result")


@require_GET
@policy_required(CANDIDATE_RESULTS_READ)
def invitation_report(request, invitation_id):
    """The result on one printable page for the hiring manager."""
    invitation = selectors.invitation_get(user=request.user, invitation_id=invitation_id)
    access_log(user=request.user, action="view", target=invitation)
    attempt = getattr(invitation, "attempt", None)
    result = result_report.result_report(invitation=invitation, attempt=attempt) if _scored(attempt) else None
    return render(
        request,
        "assessments/report.html",
        {"invitation": invitation, "attempt": attempt, "result": result, "printed_at": timezone.now()},
    )


@require_POST
@policy_required(CANDIDATE_WRITE)
def invitation_action(request, invitation_id, action):
    invitation = selectors.invitation_get(user=request.user, invitation_id=invitation_id, policy=CANDIDATE_WRITE)
    try:
        if action == "resend":
            services.invitation_resend(invitation=invitation, user=request.user)
            messages.success(request, _("The invitation was sent again."))
        elif action == "revoke":
            services.invitation_revoke(invitation=invitation)
            messages.success(request, _("The invitation was withdrawn; the link no longer works."))
        else:
            messages.error(request, _("Unknown action."))
    except ApplicationError as exc:
        messages.error(request, exc.message)
    return redirect("assessments:invitation", invitation_id=invitation.id)


@require_POST
@policy_required(CANDIDATE_WRITE)
def review(request, answer_id):
    answer = selectors.answer_get(user=request.user, answer_id=answer_id, policy=CANDIDATE_WRITE)
    scores = {}
    # Only the levels the form offers: str.isdigit() lets "²" and 5,000 nines through to int() (a 500),
    # and "٣" would have been read as 3.
    levels = {str(level): level for level in range(scoring.RUBRIC_MAX + 1)}
    for index in range(len(answer.item.rubric.get("en", []))):
        raw = request.POST.get(f"criterion-{index}", "")
        # Left empty: not reviewed yet (never 0). Anything else is refused by the service.
        scores[str(index)] = None if raw == "" else levels.get(raw, -1)
    try:
        review = services.review_save(answer=answer, scores=scores, reviewer=request.user)
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _review_message(review, len(scores)))
    return redirect(reverse("assessments:invitation", args=[answer.attempt.invitation_id]) + f"#answer-{answer.id}")


def _review_message(review, criteria: int) -> str:
    if review is None:
        return _("Nothing scored: the answer stays not reviewed.")
    if review.reviewed_at is None:
        scored = sum(value is not None for value in review.scores.values())
        return _(
            "Saved: %(scored)s of %(criteria)s criteria scored. The answer counts once every criterion is scored."
        ) % {"scored": scored, "criteria": criteria}
    return _("Review saved; the competency scores were updated.")


@require_GET
@policy_required(ITEM_ANALYSIS_RUN)
def item_analysis(request, slug):
    assessment = get_object_or_404(Assessment, slug=slug)
    report = selectors.psychometric_report_latest(assessment=assessment)
    view = item_analysis_report.item_analysis_view(report=report) if report is not None else None
    newer = selectors.attempts_not_in_report(report=report) if report is not None else 0
    return render(
        request,
        "assessments/item_analysis.html",
        {"assessment": assessment, "report": report, "view": view, "newer": newer},
    )


@require_POST
@policy_required(ITEM_ANALYSIS_RUN)
def item_analysis_recompute(request, slug):
    from assessments.tasks import psychometrics_compute_task

    assessment = get_object_or_404(Assessment, slug=slug)
    psychometrics_compute_task.delay(assessment.id)
    messages.success(request, _("The statistics are being recomputed; reload the page in a moment."))
    return redirect("assessments:item-analysis", slug=slug)
