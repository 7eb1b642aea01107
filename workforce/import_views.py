"""The HRIS import page: upload a CSV or XLSX export, map its columns (guessed, changeable), import
all rows or none. The file waits in the session, as a table of strings, only while it is mapped."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from servicefit.core.decorators import policy_required
from servicefit.core.exceptions import ApplicationError
from servicefit.core.policies import AGENT_WRITE, team_choices
from workforce import hris_import
from workforce.hris_checks import FIELD_LABELS
from workforce.hris_columns import columns_guess
from workforce.hris_files import MAX_BYTES, UNWANTED, Table
from workforce.import_forms import AgentImportMappingForm, AgentImportUploadForm

IMPORT_SESSION_KEY = "workforce_agent_import"
IMPORT_DONE_KEY = "workforce_agent_import_done"
PREVIEW_ROWS = 5
ERRORS_SHOWN = 500


@require_http_methods(["GET", "POST"])
@policy_required(AGENT_WRITE)
def agent_import(request):
    form = AgentImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            # One byte over the limit is enough for the reader to refuse the file as too large.
            table = hris_import.table_from_file(filename=upload.name, data=upload.read(MAX_BYTES + 1))
        except ApplicationError as exc:
            form.add_error("file", exc.message)
        else:
            request.session[IMPORT_SESSION_KEY] = {"table": table.as_json(), "name": upload.name[:100]}
            return redirect("workforce:agent-import-map")
    return render(request, "workforce/agent_import.html", {"form": form}, status=400 if form.is_bound else 200)


@require_http_methods(["GET", "POST"])
@policy_required(AGENT_WRITE)
def agent_import_map(request):
    pending = request.session.get(IMPORT_SESSION_KEY)
    if not pending:
        messages.error(request, _("Upload the file first."))
        return redirect("workforce:agent-import")
    table = Table.from_json(pending["table"])
    initial = {f"column_{name}": table.header[index] for name, index in columns_guess(table.header).items()}
    teams = team_choices(policy=AGENT_WRITE, user=request.user)
    form = AgentImportMappingForm(request.POST or None, initial=initial, header=table.header, teams=teams)
    error, errors = "", []
    if request.method == "POST" and form.is_valid():
        try:
            result = hris_import.agents_import(
                table=table,
                mapping=form.mapping(),
                user=request.user,
                team_default=form.cleaned_data.get("team_default"),
            )
        except ApplicationError as exc:
            error, errors = exc.message, exc.extra.get("errors", [])
        else:
            del request.session[IMPORT_SESSION_KEY]
            request.session[IMPORT_DONE_KEY] = {
                "created": result.created,
                "updated": result.updated,
                "unchanged": result.unchanged,
                "renumbered": result.renumbered,
            }
            return redirect("workforce:agent-import-done")
    for row in errors[:ERRORS_SHOWN]:
        label = FIELD_LABELS.get(row["column"])
        row["column_label"] = str(label) if label else ""
    context = {
        "form": form,
        "file_name": pending["name"],
        "header": table.header,
        "preview": [_shown(cells, len(table.header)) for _line, cells in table.rows[:PREVIEW_ROWS]],
        "row_count": len(table.rows),
        "error": error,
        "errors": errors[:ERRORS_SHOWN],
        "errors_hidden": max(0, len(errors) - ERRORS_SHOWN),
    }
    return render(request, "workforce/agent_import_map.html", context, status=400 if form.is_bound else 200)


def _shown(cells: list[str], width: int) -> list[str]:
    """A row as the preview shows it: as wide as the header, unprintable characters as �."""
    return [UNWANTED.sub("\ufffd", cell) for cell in cells] + [""] * (width - len(cells))


@require_GET
@policy_required(AGENT_WRITE)
def agent_import_done(request):
    summary = request.session.get(IMPORT_DONE_KEY)
    if not summary:
        return redirect("workforce:agent-import")
    return render(request, "workforce/agent_import_done.html", {"summary": summary})
