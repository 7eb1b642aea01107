from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from assessments import forms, kinds, selectors, services
from assessments.models import Answer, Assessment, Item, translated
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
            messages.error(request, exc.message + " " + _format_fields(exc.extra))
        else:
            messages.success(request, _("Invitation sent to %(email)s.") % {"email": invitation.email})
            return redirect("assessments:invitation", invitation_id=invitation.id)
    else:
        messages.error(request, _("The invitation was not sent: %(errors)s") % {"errors": form.errors.as_text()})
    return redirect("assessments:index")


def _format_fields(extra: dict) -> str:
    return " ".join(f"{field}: {' '.join(errors)}" for field, errors in extra.get("fields", {}).items())


@require_GET
@policy_required(CANDIDATE_RESULTS_READ)
def invitation(request, invitation_id):
    invitation = selectors.invitation_get(user=request.user, invitation_id=invitation_id)
    access_log(user=request.user, action="view", target=invitation)
    attempt = getattr(invitation, "attempt", None)
    result = None
    written = []
    if attempt is not None and attempt.submitted_at and hasattr(attempt, "result"):
        result = selectors.attempt_result(attempt=attempt)
        names = profile_selectors.service_type_names()
        competency_names = {c.code: c.translation().name for c in profile_selectors.competency_list()}
        result["chart"] = {
            "labels": [names[t] for t in result["type_scores"]],
            "values": [(v - 1) / 4 for v in result["type_scores"].values()],  # 1–5 → 0–1 for the radar
        }
        result["type_rows"] = _rows(result, result["type_scores"], names)
        result["competency_rows"] = _rows(result, result["competency_scores"], competency_names)
        written = [
            {
                "answer": answer,
                "stem": translated(answer.item.stem),
                "criteria": [
                    (index, text, (answer.review.scores.get(str(index)) if hasattr(answer, "review") else None))
                    for index, text in enumerate(
                        answer.item.rubric.get(request.LANGUAGE_CODE) or answer.item.rubric.get("en", [])
                    )
                ],
                "analysis": result["text_analysis"].get(str(answer.item_id)),
                "review": getattr(answer, "review", None),
            }
            for answer in Answer.objects.filter(attempt=attempt, item__kind=kinds.TEXT).select_related("item", "review")
        ]
    token = services.invitation_token(invitation)
    return render(
        request,
        "assessments/invitation.html",
        {
            "invitation": invitation,
            "attempt": attempt,
            "result": result,
            "written": written,
            "link": settings.SITE_URL.rstrip("/") + reverse("take:welcome", args=[token]),
            "review_levels": range(4),
        },
    )


def _rows(result: dict, scores: dict, names: dict) -> list[dict]:
    return [
        {
            "code": code,
            "name": names.get(code, code),
            "score": score,
            "percentile": result["percentiles"].get(code),
            "sten": result["stens"].get(code),
            "top": code == result["top_type"],
        }
        for code, score in scores.items()
    ]


@require_POST
@policy_required(CANDIDATE_WRITE)
def invitation_action(request, invitation_id, action):
    invitation = selectors.invitation_get(user=request.user, invitation_id=invitation_id, policy=CANDIDATE_WRITE)
    try:
        if action == "resend":
            services.invitation_resend(invitation=invitation)
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
    for index in range(len(answer.item.rubric.get("en", []))):
        raw = request.POST.get(f"criterion-{index}", "")
        scores[str(index)] = int(raw) if raw.isdigit() else -1
    try:
        services.review_save(answer=answer, scores=scores, reviewer=request.user)
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Review saved; the competency scores were updated."))
    return redirect("assessments:invitation", invitation_id=answer.attempt.invitation_id)


@require_GET
@policy_required(ITEM_ANALYSIS_RUN)
def item_analysis(request, slug):
    assessment = get_object_or_404(Assessment, slug=slug)
    report = selectors.psychometric_report_latest(assessment=assessment)
    keys = {}
    if report is not None:
        keys = {item.id: translated(item.stem) for item in Item.objects.filter(section__assessment=assessment)}
    return render(
        request,
        "assessments/item_analysis.html",
        {"assessment": assessment, "report": report, "stems": keys, "scale_names": profile_selectors.scale_names()},
    )


@require_POST
@policy_required(ITEM_ANALYSIS_RUN)
def item_analysis_recompute(request, slug):
    from assessments.tasks import psychometrics_compute_task

    assessment = get_object_or_404(Assessment, slug=slug)
    psychometrics_compute_task.delay(assessment.id)
    messages.success(request, _("The statistics are being recomputed; reload the page in a moment."))
    return redirect("assessments:item-analysis", slug=slug)
