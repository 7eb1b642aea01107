"""Candidate pages: the list (and its CSV), a candidate's page, the forms, documents, the CSV
import with its column mapping, and the decisions on possible duplicates. Every page that shows
people writes them to the access log."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from hiring import candidate_forms as forms
from hiring import duplicates, pipeline, pipeline_import, pipeline_selectors
from hiring.candidate_csv import FIELDS, columns_map, header_of
from hiring.documents import MAX_BYTES, DocumentError, document_error_message, document_text
from hiring.models import Candidate, DuplicateFlag
from servicefit.core.csv import csv_write
from servicefit.core.decorators import policy_required
from servicefit.core.exceptions import ApplicationError
from servicefit.core.models import AccessLog
from servicefit.core.policies import CANDIDATE_RESULTS_READ, CANDIDATE_WRITE, team_choices
from servicefit.core.services import access_log_many

CSV_COLUMNS = ["id", "name", "email", "phone", "language", "source", "consent_at", "consent_text_version", "created_at"]
IMPORT_SESSION_KEY = "hiring_candidate_import"
IMPORT_DONE_KEY = "hiring_candidate_import_done"


def _requisitions(request, *, open_only: bool = False):
    requisitions = pipeline_selectors.requisition_list(user=request.user, policy=CANDIDATE_RESULTS_READ)
    if open_only:
        requisitions = requisitions.filter(status__in=pipeline.TAKING_APPLICATIONS)
    return requisitions.order_by("title", "id")


def _filtered(request):
    filters = forms.CandidateFilterForm(request.GET or None, requisitions=_requisitions(request))
    cleaned = filters.cleaned_data if filters.is_valid() else {}
    requisition = cleaned.get("requisition")
    candidates = pipeline_selectors.candidate_list(
        user=request.user,
        q=cleaned.get("q", ""),
        source=cleaned.get("source", ""),
        language=cleaned.get("language", ""),
        open_duplicates=cleaned.get("duplicates") == "open",
        requisition=requisition.id if requisition else None,
    )
    return filters, candidates


@require_GET
@policy_required(CANDIDATE_RESULTS_READ)
def candidate_list(request):
    filters, candidates = _filtered(request)
    page = Paginator(candidates, 25).get_page(request.GET.get("page"))
    pipeline_selectors.people_shown(user=request.user, records=page.object_list)
    return render(
        request,
        "hiring/candidates.html",
        {
            "filters": filters,
            "page": page,
            "can_write": CANDIDATE_WRITE.allows(request.user),
            "query": request.GET.urlencode(),
        },
    )


@require_GET
@policy_required(CANDIDATE_RESULTS_READ)
def candidate_list_csv(request):
    _filters, candidates = _filtered(request)
    candidates = list(candidates)
    access_log_many(user=request.user, action=AccessLog.Action.EXPORT, targets=candidates)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="servicefit-candidates.csv"'
    response.write("\ufeff")  # so Excel opens æ/ø/å correctly
    rows = (
        {
            **{column: getattr(c, column) for column in CSV_COLUMNS},
            "consent_at": c.consent_at.isoformat() if c.consent_at else "",
            "created_at": c.created_at.isoformat(),
        }
        for c in candidates
    )
    csv_write(response, columns=CSV_COLUMNS, rows=rows)
    return response


def _form_values(form) -> dict:
    values = {k: form.cleaned_data[k] for k in ("name", "email", "phone", "language", "source")}
    values |= {k: form.cleaned_data[k] for k in ("consent_text_version", "education", "experience")}
    return values


def _errors_shown(form, exc: ApplicationError) -> None:
    fields = exc.extra.get("fields", {})
    for name, problems in fields.items():
        if name in form.fields and all(isinstance(p, str) and " " in p for p in problems):
            form.add_error(name, problems)
    form.add_error(None, exc.message)


@require_http_methods(["GET", "POST"])
@policy_required(CANDIDATE_WRITE)
def candidate_new(request):
    form = forms.CandidateForm(
        request.POST or None,
        teams=team_choices(policy=CANDIDATE_WRITE, user=request.user),
        requisitions=_requisitions(request, open_only=True),
    )
    if request.method == "POST" and form.is_valid():
        values = _form_values(form)
        values["consent_at"] = timezone.now() if form.cleaned_data["consent_given"] else None
        if not form.cleaned_data["consent_given"]:
            values["consent_text_version"] = ""
        try:
            with transaction.atomic():
                saved = pipeline.candidate_create(user=request.user, team=form.cleaned_data.get("team"), **values)
                if form.cleaned_data.get("requisition"):
                    pipeline.application_create(
                        user=request.user, candidate=saved.candidate, requisition=form.cleaned_data["requisition"]
                    )
        except ApplicationError as exc:
            _errors_shown(form, exc)
        else:
            count = len(saved.possible_duplicates)
            messages.success(request, _("The candidate was saved."))
            if count:
                messages.warning(
                    request,
                    ngettext(
                        "%(count)d existing candidate may be the same person: decide below.",
                        "%(count)d existing candidates may be the same person: decide below.",
                        count,
                    )
                    % {"count": count},
                )
            return redirect("hiring:candidate", candidate_id=saved.candidate.id)
    status = 400 if form.is_bound else 200
    return render(request, "hiring/candidate_form.html", {"form": form, "candidate": None}, status=status)


@require_http_methods(["GET", "POST"])
@policy_required(CANDIDATE_WRITE)
def candidate_edit(request, candidate_id):
    candidate = pipeline_selectors.candidate_get(user=request.user, candidate_id=candidate_id, policy=CANDIDATE_WRITE)
    pipeline_selectors.people_shown(user=request.user, records=[candidate])
    initial = {
        **{k: getattr(candidate, k) for k in ("name", "email", "phone", "language", "source", "education")},
        "experience": candidate.experience,
        "consent_text_version": candidate.consent_text_version,
        "consent_given": candidate.consent_at is not None,
    }
    form = forms.CandidateForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        values = _form_values(form)
        if form.cleaned_data["consent_given"]:
            values["consent_at"] = candidate.consent_at or timezone.now()
        else:
            values["consent_at"], values["consent_text_version"] = None, ""
        try:
            pipeline.candidate_update(candidate=candidate, **values)
        except ApplicationError as exc:
            _errors_shown(form, exc)
        else:
            messages.success(request, _("The candidate was saved."))
            return redirect("hiring:candidate", candidate_id=candidate.id)
    status = 400 if form.is_bound else 200
    return render(request, "hiring/candidate_form.html", {"form": form, "candidate": candidate}, status=status)


@require_GET
@policy_required(CANDIDATE_RESULTS_READ)
def candidate_detail(request, candidate_id):
    candidate = pipeline_selectors.candidate_get(user=request.user, candidate_id=candidate_id)
    flags = duplicates.candidate_duplicate_flags(candidate=candidate)
    applications = pipeline_selectors.application_list(user=request.user).filter(candidate=candidate)
    pipeline_selectors.people_shown(user=request.user, records=[candidate, *{f.counterpart for f in flags}])
    return render(
        request,
        "hiring/candidate.html",
        {
            "candidate": candidate,
            "applications": applications,
            "open_flags": [f for f in flags if f.status == DuplicateFlag.Status.OPEN],
            "linked_flags": [f for f in flags if f.status == DuplicateFlag.Status.LINKED],
            "dismissed_flags": [f for f in flags if f.status == DuplicateFlag.Status.DISMISSED],
            "audits": candidate.merge_audits.select_related("by"),
            "merge_labels": duplicates.MERGE_FIELD_LABELS,
            "can_write": CANDIDATE_WRITE.allows_team(request.user, candidate.team_id),
            "document_form": forms.DocumentForm(),
        },
    )


@require_POST
@policy_required(CANDIDATE_WRITE)
def candidate_document(request, candidate_id):
    candidate = pipeline_selectors.candidate_get(user=request.user, candidate_id=candidate_id, policy=CANDIDATE_WRITE)
    form = forms.DocumentForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choose the kind of document and a file."))
        return redirect("hiring:candidate", candidate_id=candidate.id)
    upload = form.cleaned_data["file"]
    try:
        if upload.size > MAX_BYTES:
            raise DocumentError("too_large", {"limit": MAX_BYTES // 1_000_000})
        text = document_text(upload.name, upload.read())
    except DocumentError as exc:
        messages.error(request, document_error_message(exc))
    else:
        pipeline.candidate_document_save(candidate=candidate, kind=form.cleaned_data["kind"], text=text)
        messages.success(request, _("The document's text was saved; the file itself is not kept."))
    return redirect("hiring:candidate", candidate_id=candidate.id)


@require_POST
@policy_required(CANDIDATE_WRITE)
def candidate_document_remove(request, candidate_id):
    candidate = pipeline_selectors.candidate_get(user=request.user, candidate_id=candidate_id, policy=CANDIDATE_WRITE)
    try:
        pipeline.candidate_document_save(candidate=candidate, kind=request.POST.get("kind", ""), text="")
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("The document was removed."))
    return redirect("hiring:candidate", candidate_id=candidate.id)


# Possible duplicates ------------------------------------------------------------------------------


def _back_to(flag: DuplicateFlag, raw: str | None) -> int:
    """The candidate page the decision was taken from: one of the flag's two records."""
    return int(raw) if raw in (str(flag.candidate_id), str(flag.other_id)) else flag.candidate_id


def _flag_decide(request, flag_id, status):
    flag = duplicates.duplicate_flag_get(user=request.user, flag_id=flag_id, policy=CANDIDATE_WRITE)
    back = _back_to(flag, request.POST.get("back"))
    try:
        duplicates.duplicate_flag_decide(flag=flag, status=status, user=request.user)
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request,
            _("The two records are linked as the same person.")
            if status == DuplicateFlag.Status.LINKED
            else _("Dismissed: they are different people."),
        )
    return redirect("hiring:candidate", candidate_id=back)


@require_POST
@policy_required(CANDIDATE_WRITE)
def duplicate_link(request, flag_id):
    return _flag_decide(request, flag_id, DuplicateFlag.Status.LINKED)


@require_POST
@policy_required(CANDIDATE_WRITE)
def duplicate_dismiss(request, flag_id):
    return _flag_decide(request, flag_id, DuplicateFlag.Status.DISMISSED)


def _merge_rows(a: Candidate, b: Candidate) -> list[dict]:
    def shown(candidate, key):
        if key == "language":
            return candidate.get_language_display()
        if key == "source":
            return candidate.get_source_display()
        if key == "consent" and candidate.consent_at:
            when = date_format(timezone.localtime(candidate.consent_at), "SHORT_DATETIME_FORMAT")
            return f"{when} ({candidate.consent_text_version})"
        return getattr(candidate, duplicates.MERGE_FIELDS[key][0])

    return [
        {"key": key, "label": label, "a": shown(a, key), "b": shown(b, key)}
        for key, label in duplicates.MERGE_FIELD_LABELS.items()
    ]


def _merge_initial(a: Candidate, b: Candidate) -> dict:
    """Keep the page's record, and take the other's value where this one has none."""
    initial = {"survivor": "a"}
    for key, attributes in duplicates.MERGE_FIELDS.items():
        empty_here = not getattr(a, attributes[0]) and getattr(b, attributes[0])
        initial[f"take_{key}"] = "b" if empty_here else "a"
    return initial


@require_http_methods(["GET", "POST"])
@policy_required(CANDIDATE_WRITE)
def duplicate_merge(request, flag_id):
    flag = duplicates.duplicate_flag_get(user=request.user, flag_id=flag_id, policy=CANDIDATE_WRITE)
    back = _back_to(flag, request.GET.get("from") or request.POST.get("back"))
    a, b = (flag.candidate, flag.other) if back == flag.candidate_id else (flag.other, flag.candidate)
    pipeline_selectors.people_shown(user=request.user, records=[a, b])
    form = forms.MergeForm(request.POST or None, initial=_merge_initial(a, b))
    if request.method == "POST" and form.is_valid():
        survivor_side = form.cleaned_data["survivor"]
        survivor = a if survivor_side == "a" else b
        choices = {
            key: duplicates.SURVIVOR if form.cleaned_data[f"take_{key}"] == survivor_side else duplicates.OTHER
            for key in duplicates.MERGE_FIELDS
        }
        try:
            duplicates.candidates_merge(flag=flag, survivor=survivor, choices=choices, user=request.user)
        except ApplicationError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("The records were merged; the other record was erased."))
            return redirect("hiring:candidate", candidate_id=survivor.id)
    context = {
        "flag": flag,
        "a": a,
        "b": b,
        "form": form,
        "rows": [{**row, "checked": form[f"take_{row['key']}"].value()} for row in _merge_rows(a, b)],
        "applications_a": a.applications.select_related("requisition"),
        "applications_b": b.applications.select_related("requisition"),
    }
    return render(request, "hiring/merge.html", context, status=400 if form.is_bound else 200)


# CSV import -----------------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@policy_required(CANDIDATE_WRITE)
def candidate_import(request):
    form = forms.ImportUploadForm(
        request.POST or None, request.FILES or None, teams=team_choices(policy=CANDIDATE_WRITE, user=request.user)
    )
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read(pipeline_import.MAX_BYTES + 1)
        if len(data) > pipeline_import.MAX_BYTES:
            form.add_error(
                "file", _("The file is larger than %(limit)s MB.") % {"limit": pipeline_import.MAX_BYTES // 1_000_000}
            )
        else:
            try:
                text = data.decode("utf-8-sig")
            except UnicodeDecodeError:
                form.add_error("file", _("The file is not UTF-8 text: save it as “CSV UTF-8” and try again."))
            else:
                if not header_of(text) or not any(header_of(text)):
                    form.add_error("file", _("The file is empty."))
                else:
                    team = form.cleaned_data.get("team")
                    # The file waits in the session (server-side) for the mapping step, and no longer.
                    request.session[IMPORT_SESSION_KEY] = {
                        "text": text,
                        "name": upload.name[:100],
                        "team": team.id if team else None,
                    }
                    return redirect("hiring:candidate-import-map")
    status = 400 if form.is_bound else 200
    return render(request, "hiring/candidate_import.html", {"form": form}, status=status)


@require_http_methods(["GET", "POST"])
@policy_required(CANDIDATE_WRITE)
def candidate_import_map(request):
    pending = request.session.get(IMPORT_SESSION_KEY)
    if not pending:
        messages.error(request, _("Upload the CSV file first."))
        return redirect("hiring:candidate-import")
    header = header_of(pending["text"])
    guessed, _errors = columns_map(header, None)
    initial = {f"column_{name}": header[index] for name, index in guessed.items()}
    form = forms.ImportMappingForm(
        request.POST or None, initial=initial, header=header, requisitions=_requisitions(request, open_only=True)
    )
    rows, error = [], ""
    if request.method == "POST" and form.is_valid():
        team = None
        if pending["team"]:
            team = team_choices(policy=CANDIDATE_WRITE, user=request.user).filter(id=pending["team"]).first()
        requisition = form.cleaned_data.get("requisition")
        try:
            result = pipeline_import.candidates_import(
                text=pending["text"],
                mapping=form.mapping(),
                team=team or (requisition.team if requisition else None),
                user=request.user,
                requisition=requisition,
                default_language=form.cleaned_data.get("default_language") or None,
            )
        except ApplicationError as exc:
            error, rows = exc.message, exc.extra.get("rows", [])
        else:
            del request.session[IMPORT_SESSION_KEY]
            request.session[IMPORT_DONE_KEY] = {
                "imported": len(result.imported),
                "applications": result.applications,
                "flagged": [row.candidate.id for row in result.imported if row.possible_duplicates][:500],
                "flagged_count": result.flagged,
            }
            return redirect("hiring:candidate-import-done")
    field_labels = {name: forms.IMPORT_FIELD_LABELS[name] for name in FIELDS}
    for row in rows:
        row["field_label"] = field_labels.get(row["field"], "")
    context = {"form": form, "file_name": pending["name"], "header": header, "error": error, "rows": rows}
    return render(request, "hiring/candidate_import_map.html", context, status=400 if form.is_bound else 200)


@require_GET
@policy_required(CANDIDATE_WRITE)
def candidate_import_done(request):
    summary = request.session.get(IMPORT_DONE_KEY)
    if not summary:
        return redirect("hiring:candidate-import")
    flagged = list(
        pipeline_selectors.candidate_list(user=request.user).filter(id__in=summary["flagged"]).order_by("name", "id")
    )
    pipeline_selectors.people_shown(user=request.user, records=flagged)
    return render(request, "hiring/candidate_import_done.html", {"summary": summary, "flagged": flagged})
