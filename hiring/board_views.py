"""Requisition pages and the pipeline board: list, form, board, moves, bulk actions, e-mail templates."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from assessments.models import Invitation
from hiring import board_forms, pipeline, pipeline_bulk, pipeline_selectors
from hiring import messages as candidate_messages
from hiring.board_selectors import board_applications, board_columns, requisition_figures_get, requisition_rows
from hiring.models import Candidate, CandidateEmailTemplate, Requisition, Stage
from servicefit.core.csv import csv_write
from servicefit.core.decorators import policy_required
from servicefit.core.exceptions import ApplicationError
from servicefit.core.policies import (
    ADVERSE_IMPACT_READ,
    CANDIDATE_RESULTS_READ,
    CANDIDATE_WRITE,
    JOB_AD_READ,
    JOB_AD_WRITE,
    PIPELINE_READ,
    RANKING_READ,
    team_choices,
)

BOARD_FILTERS = ("q", "stage", "source", "language")
CSV_COLUMNS = ["id", "title", "status", "role_profile", "team", "openings", "applications", "opened_on", "closed_on"]


def _field_errors_to_form(form, exc: ApplicationError) -> None:
    """A service's per-field errors on the form's fields; codes (not sentences) become its message."""
    shown = False
    for field, errors in (exc.extra.get("fields") or {}).items():
        texts = [str(e) for e in errors if " " in str(e)]
        if field in form.fields:
            form.add_error(field, texts or [exc.message])
            shown = True
    if not shown:
        form.add_error(None, exc.message)


# Requisitions ------------------------------------------------------------------------------------


def _requisition_filters(request):
    filters = board_forms.RequisitionFilterForm(request.GET or None, user=request.user)
    cleaned = filters.cleaned_data if filters.is_valid() else {}
    requisitions = requisition_rows(
        user=request.user,
        q=cleaned.get("q", ""),
        status=cleaned.get("status", ""),
        team=cleaned.get("team"),
        role_profile=cleaned.get("role_profile"),
        without_candidates=cleaned.get("without_candidates", False),
    )
    return filters, requisitions


@require_GET
@policy_required(JOB_AD_READ)
def requisition_index(request):
    filters, requisitions = _requisition_filters(request)
    page = Paginator(requisitions, 25).get_page(request.GET.get("page"))
    return render(
        request,
        "hiring/requisitions.html",
        {
            "filters": filters,
            "page": page,
            "can_write": JOB_AD_WRITE.allows(request.user),
            "csv_query": request.GET.urlencode(),
        },
    )


@require_GET
@policy_required(JOB_AD_READ)
def requisition_csv(request):
    _filters, requisitions = _requisition_filters(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="servicefit-requisitions.csv"'
    response.write("\ufeff")  # so Excel opens æ/ø/å correctly
    rows = (
        {
            "id": r.id,
            "title": r.title,
            "status": r.get_status_display(),
            "role_profile": r.role_profile.name_in(),
            "team": r.team.name,
            "openings": r.openings,
            "applications": r.application_count,
            "opened_on": r.opened_on.isoformat() if r.opened_on else "",
            "closed_on": r.closed_on.isoformat() if r.closed_on else "",
        }
        for r in requisitions
    )
    csv_write(response, columns=CSV_COLUMNS, rows=rows)
    return response


def _requisition_form(request, *args, **kwargs):
    return board_forms.RequisitionForm(
        *args, user=request.user, teams=team_choices(policy=JOB_AD_WRITE, user=request.user), **kwargs
    )


@require_http_methods(["GET", "POST"])
@policy_required(JOB_AD_WRITE)
def requisition_new(request):
    form = _requisition_form(request, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            requisition = pipeline.requisition_create(user=request.user, **form.cleaned_data)
        except ApplicationError as exc:
            _field_errors_to_form(form, exc)
        else:
            messages.success(request, _("The requisition “%(title)s” was created.") % {"title": requisition.title})
            return redirect("hiring:requisition-board", requisition_id=requisition.id)
    status = 400 if request.method == "POST" else 200
    return render(request, "hiring/requisition_form.html", {"form": form, "requisition": None}, status=status)


@require_http_methods(["GET", "POST"])
@policy_required(JOB_AD_WRITE)
def requisition_edit(request, requisition_id):
    requisition = pipeline_selectors.requisition_get(
        user=request.user, requisition_id=requisition_id, policy=JOB_AD_WRITE
    )
    initial = board_forms.RequisitionForm.initial_for(requisition)
    form = board_forms.RequisitionForm(request.POST or None, initial=initial, user=request.user)
    if request.method == "POST" and form.is_valid():
        changes = {k: v for k, v in form.cleaned_data.items() if k != "team"}
        try:
            pipeline.requisition_update(requisition=requisition, **changes)
        except ApplicationError as exc:
            _field_errors_to_form(form, exc)
        else:
            messages.success(request, _("The requisition was saved."))
            return redirect("hiring:requisition-board", requisition_id=requisition.id)
    status = 400 if request.method == "POST" else 200
    return render(request, "hiring/requisition_form.html", {"form": form, "requisition": requisition}, status=status)


# The board ---------------------------------------------------------------------------------------


def _figures_for_page(figures: dict) -> dict:
    label = dict(Stage.choices)
    sources = dict(Candidate.Source.choices)
    for row in figures["time_in_stage"] + figures["conversion"]:
        row["label"] = label.get(row["stage"], row["stage"])
    # "Reached applied" says nothing (every application did): the columns start at the next stage.
    figures["reach_columns"] = [(stage, label.get(stage, stage)) for stage in figures["forward"][1:]]
    for row in figures["sources"]:
        row["label"] = sources.get(row["source"], row["source"])
        row["reached_list"] = [row["reached"].get(stage, 0) for stage, _label in figures["reach_columns"]]
    return figures


@require_GET
@policy_required(PIPELINE_READ)
def requisition_board(request, requisition_id):
    requisition = pipeline_selectors.requisition_get(
        user=request.user, requisition_id=requisition_id, policy=PIPELINE_READ
    )
    filters = board_forms.BoardFilterForm(request.GET or None)
    cleaned = filters.cleaned_data if filters.is_valid() else {}
    applications = pipeline_selectors.people_shown(
        user=request.user,
        records=board_applications(requisition=requisition, **{k: cleaned.get(k, "") for k in BOARD_FILTERS}),
    )
    invitation_labels = dict(Invitation.Status.choices)
    for application in applications:
        application.invitation_label = invitation_labels.get(application.invitation_status)
    columns = board_columns(requisition=requisition, applications=applications)
    can_write = CANDIDATE_WRITE.allows_team(request.user, requisition.team_id)
    stages = [(column.stage, column.label) for column in columns]
    bulk_form = board_forms.BulkActionForm()
    bulk_form.fields["stage"].choices = stages
    return render(
        request,
        "hiring/board.html",
        {
            "requisition": requisition,
            "filters": filters,
            "columns": columns,
            "shown": len(applications),
            "can_write": can_write,
            "can_edit": JOB_AD_WRITE.allows_team(request.user, requisition.team_id),
            "can_rank": RANKING_READ.allows_team(request.user, requisition.team_id),
            "can_see_impact": ADVERSE_IMPACT_READ.allows_team(request.user, requisition.team_id),
            "can_see_merits": requisition.status == Requisition.Status.FILLED
            and CANDIDATE_RESULTS_READ.allows_team(request.user, requisition.team_id),
            "bulk_form": bulk_form,
            "interview_form": board_forms.InterviewForm(),
            "figures": _figures_for_page(requisition_figures_get(requisition=requisition)),
            "back": _board_query(request.GET),
        },
    )


def _board_query(data) -> str:
    """The board's filters from a query string (or a form's `back` field), nothing else."""
    kept = QueryDict(mutable=True)
    for key in BOARD_FILTERS:
        if data.get(key):
            kept[key] = data[key][:100]
    return kept.urlencode()


def _back_to_board(request, requisition_id: int):
    url = reverse("hiring:requisition-board", kwargs={"requisition_id": requisition_id})
    query = _board_query(QueryDict(request.POST.get("back", "")))
    return redirect(f"{url}?{query}" if query else url)


def _application_for_writing(request, application_id):
    return pipeline_selectors.application_get(user=request.user, application_id=application_id, policy=CANDIDATE_WRITE)


@require_POST
@policy_required(CANDIDATE_WRITE)
def application_move(request, application_id):
    application = _application_for_writing(request, application_id)
    form = board_forms.MoveForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose the stage to move to."))
        return _back_to_board(request, application.requisition_id)
    try:
        pipeline.application_move(application=application, user=request.user, **form.cleaned_data)
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request,
            _("%(name)s moved to %(stage)s.")
            % {"name": application.candidate.name, "stage": Stage(form.cleaned_data["stage"]).label},
        )
    return _back_to_board(request, application.requisition_id)


def _undo_message(name: str, undone: pipeline.MoveUndone) -> str:
    text = [
        _("The last move was taken back: %(name)s is in %(stage)s again.")
        % {"name": name, "stage": Stage(undone.application.stage).label}
    ]
    restored, expired = undone.links.restored, undone.links.expired
    if restored:
        text.append(
            ngettext(
                "The assessment link that the move had withdrawn works again: the candidate can take or "
                "finish the assessment.",
                "The %(count)d assessment links that the move had withdrawn work again: the candidate can "
                "take or finish the assessments.",
                restored,
            )
            % {"count": restored}
        )
    if expired:
        text.append(
            ngettext(
                "The assessment link that the move had withdrawn has expired meanwhile, so it stays "
                "withdrawn: invite the candidate again.",
                "%(count)d assessment links that the move had withdrawn have expired meanwhile, so they stay "
                "withdrawn: invite the candidate again.",
                expired,
            )
            % {"count": expired}
        )
    return " ".join(text)


@require_POST
@policy_required(CANDIDATE_WRITE)
def application_undo(request, application_id):
    application = _application_for_writing(request, application_id)
    try:
        undone = pipeline.application_move_undo_outcome(application=application, user=request.user)
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _undo_message(application.candidate.name, undone))
    return _back_to_board(request, application.requisition_id)


@require_POST
@policy_required(CANDIDATE_WRITE)
def application_interview(request, application_id):
    application = _application_for_writing(request, application_id)
    form = board_forms.InterviewForm(request.POST)
    if not form.is_valid():
        messages.error(
            request, _("The interview invitation was not sent: %(errors)s") % {"errors": form.errors.as_text()}
        )
        return _back_to_board(request, application.requisition_id)
    try:
        pipeline_bulk.application_interview_invite(application=application, user=request.user, **form.cleaned_data)
    except ApplicationError as exc:
        messages.error(request, _("The interview invitation was not sent: %(errors)s") % {"errors": _details(exc)})
    else:
        messages.success(request, _("%(name)s is invited to an interview.") % {"name": application.candidate.name})
    return _back_to_board(request, application.requisition_id)


def _details(exc: ApplicationError) -> str:
    texts = [str(e) for errors in (exc.extra.get("fields") or {}).values() for e in errors if " " in str(e)]
    return " ".join(texts) or exc.message


@require_POST
@policy_required(CANDIDATE_WRITE)
def requisition_bulk(request, requisition_id):
    requisition = pipeline_selectors.requisition_get(
        user=request.user, requisition_id=requisition_id, policy=CANDIDATE_WRITE
    )
    applications = {
        a.id: a
        for a in pipeline_selectors.application_list(
            user=request.user, policy=CANDIDATE_WRITE, requisition=requisition.id
        ).select_related("requisition")
    }
    form = board_forms.BulkActionForm(request.POST, application_ids=applications)
    if not form.is_valid():
        errors = form.errors.get("applications")
        messages.error(
            request,
            _("Select at least one application.")
            if errors and not request.POST.getlist("applications")
            else _("Nothing was done: %(errors)s") % {"errors": " ".join(e for es in form.errors.values() for e in es)},
        )
        return _back_to_board(request, requisition.id)
    data = form.cleaned_data
    selected = [applications[pk] for pk in dict.fromkeys(data["applications"])]
    try:
        if data["action"] == form.INVITE:
            done = pipeline_bulk.application_bulk_invite(
                applications=selected, assessment=data["assessment"], user=request.user
            )
        elif data["action"] == form.REJECT:
            done = pipeline_bulk.application_bulk_reject(
                applications=selected, reason=data["reason"], user=request.user
            )
        else:
            done = pipeline_bulk.application_bulk_move(
                applications=selected, stage=data["stage"], reason=data["reason"], user=request.user
            )
    except ApplicationError as exc:
        messages.error(request, exc.message)
        for refusal in exc.extra.get("refused", []):
            messages.error(request, f"{refusal['name']}: {refusal['reason']}")
        if not exc.extra.get("refused"):
            details = _details(exc)
            if details != exc.message:
                messages.error(request, details)
    else:
        text = {
            form.MOVE: ngettext("%(count)d application moved.", "%(count)d applications moved.", done),
            form.INVITE: ngettext(
                "%(count)d candidate invited to the assessment.",
                "%(count)d candidates invited to the assessment.",
                done,
            ),
            form.REJECT: ngettext(
                "%(count)d application rejected; the e-mail goes out now.",
                "%(count)d applications rejected; the e-mails go out now.",
                done,
            ),
        }[data["action"]]
        messages.success(request, text % {"count": done})
    return _back_to_board(request, requisition.id)


# E-mail templates --------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@policy_required(CANDIDATE_WRITE)
def requisition_emails(request, requisition_id):
    requisition: Requisition = pipeline_selectors.requisition_get(
        user=request.user, requisition_id=requisition_id, policy=CANDIDATE_WRITE
    )
    templates = CandidateEmailTemplate.objects.filter(team=requisition.team)
    initial = {}
    if request.method == "GET" and request.GET.get("kind") and request.GET.get("language"):
        chosen = templates.filter(kind=request.GET["kind"], language=request.GET["language"]).first()
        initial = board_forms.EmailTemplateForm.for_template(chosen) if chosen else dict(request.GET.items())
    form = board_forms.EmailTemplateForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if "delete" in request.POST:
            for template in templates.filter(kind=data["kind"], language=data["language"]):
                candidate_messages.email_template_delete(template=template)
            messages.success(request, _("The team's own text was removed; the built-in text is used again."))
            return redirect("hiring:requisition-emails", requisition_id=requisition.id)
        try:
            candidate_messages.email_template_save(team=requisition.team, **data)
        except ApplicationError as exc:
            _field_errors_to_form(form, exc)
        else:
            messages.success(request, _("The e-mail text was saved."))
            return redirect("hiring:requisition-emails", requisition_id=requisition.id)
    return render(
        request,
        "hiring/requisition_emails.html",
        {"requisition": requisition, "templates": templates, "form": form},
        status=400 if request.method == "POST" else 200,
    )
