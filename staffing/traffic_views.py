"""The traffic pages: the imports and each channel's history, the import in two steps (upload, then
map the columns and import all rows or none), and deleting an import.

Between the two steps the file waits in storage (staffing.traffic_files); the session holds only
its token, its header and the first rows."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from servicefit.core.decorators import policy_required
from servicefit.core.exceptions import ApplicationError
from servicefit.core.policies import STAFFING_READ, STAFFING_WRITE
from staffing import traffic_columns, traffic_csv, traffic_files, traffic_selectors, traffic_services
from staffing.models import TrafficImport
from staffing.traffic_forms import TrafficMappingForm, TrafficUploadForm
from workforce.hris_files import FileError

IMPORT_SESSION_KEY = "staffing_traffic_import"
IMPORT_DONE_KEY = "staffing_traffic_import_done"
PREVIEW_ROWS = 5
IMPORTS_PER_PAGE = 25


@require_GET
@policy_required(STAFFING_READ)
def traffic_list(request):
    imports = Paginator(traffic_selectors.traffic_import_list(), IMPORTS_PER_PAGE).get_page(request.GET.get("page"))
    for row in imports.object_list:
        row.channel_labels = [traffic_selectors.CHANNEL_LABELS.get(c, c) for c in row.channels]
    context = {
        "imports": imports,
        "coverage": traffic_selectors.traffic_coverage(),
        "can_write": STAFFING_WRITE.allows(request.user),
    }
    return render(request, "staffing/traffic/list.html", context)


@require_http_methods(["GET", "POST"])
@policy_required(STAFFING_WRITE)
def traffic_import(request):
    form = TrafficUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        # One byte over the limit is enough for the reader to refuse the file as too large.
        data = upload.read(traffic_csv.MAX_BYTES + 1)
        try:
            shown = traffic_csv.preview(data, rows=PREVIEW_ROWS)
        except FileError as exc:
            form.add_error("file", traffic_services.file_error(exc).message)
        else:
            previous = request.session.get(IMPORT_SESSION_KEY)
            if previous:
                traffic_files.pending_delete(previous["token"])
            request.session[IMPORT_SESSION_KEY] = {
                "token": traffic_files.pending_save(data),
                "name": upload.name[:100],
                "header": shown.header,
                "preview": shown.rows,
                "row_count": shown.row_count,
            }
            return redirect("staffing:traffic-import-map")
    return render(request, "staffing/traffic/import.html", {"form": form}, status=400 if form.is_bound else 200)


def _initial(header: list[str]) -> dict:
    initial = {f"column_{name}": header[index] for name, index in traffic_columns.columns_guess(header).items()}
    aht = initial.get("column_aht")
    initial["aht_unit"] = traffic_columns.aht_unit_guess(aht) if aht else "seconds"
    return initial


@require_http_methods(["GET", "POST"])
@policy_required(STAFFING_WRITE)
def traffic_import_map(request):
    pending = request.session.get(IMPORT_SESSION_KEY)
    data = traffic_files.pending_read(pending["token"]) if pending else None
    if data is None:
        messages.error(request, _("Upload the file first."))
        return redirect("staffing:traffic-import")
    header = pending["header"]
    form = TrafficMappingForm(request.POST or None, initial=_initial(header), header=header)
    error, errors = "", []
    if request.method == "POST" and form.is_valid():
        try:
            result = traffic_services.traffic_import_file(
                filename=pending["name"],
                data=data,
                user=request.user,
                mapping=form.mapping(),
                channel_default=form.cleaned_data["channel_default"] or None,
                interval_minutes=form.cleaned_data["interval_minutes"],
                aht_unit=form.cleaned_data["aht_unit"],
            )
        except ApplicationError as exc:
            error, errors = exc.message, exc.extra.get("errors", [])
        else:
            traffic_files.pending_delete(pending["token"])
            del request.session[IMPORT_SESSION_KEY]
            request.session[IMPORT_DONE_KEY] = {
                "import_id": result.traffic_import.id,
                "rows": result.rows,
                "replaced": result.replaced,
            }
            return redirect("staffing:traffic-import-done")
    for row in errors:
        label = traffic_services.FIELD_LABELS.get(row["column"])
        row["column_label"] = str(label) if label else ""
    contacts = form["column_contacts"].value()
    context = {
        "form": form,
        "file_name": pending["name"],
        "header": header,
        "preview": pending["preview"],
        "row_count": pending["row_count"],
        "answered_column": contacts if contacts and traffic_columns.is_answered_header(contacts) else "",
        "error": error,
        "errors": errors,
    }
    return render(request, "staffing/traffic/import_map.html", context, status=400 if form.is_bound else 200)


@require_GET
@policy_required(STAFFING_WRITE)
def traffic_import_done(request):
    summary = request.session.get(IMPORT_DONE_KEY)
    traffic_import = TrafficImport.objects.filter(id=summary["import_id"]).first() if summary else None
    if traffic_import is None:
        return redirect("staffing:traffic-import")
    context = {"summary": summary, "traffic_import": traffic_import, "coverage": traffic_selectors.traffic_coverage()}
    return render(request, "staffing/traffic/import_done.html", context)


@require_http_methods(["GET", "POST"])
@policy_required(STAFFING_WRITE)
def traffic_import_delete(request, import_id):
    traffic_import = get_object_or_404(traffic_selectors.traffic_import_list(), id=import_id)
    if request.method == "POST":
        removed = traffic_services.traffic_import_delete(traffic_import=traffic_import, user=request.user)
        name = traffic_import.filename or traffic_import.get_source_display()
        message = _("The import of %(file)s is deleted, with its %(count)s intervals.")
        messages.success(request, message % {"file": name, "count": number_format(removed, force_grouping=True)})
        return redirect("staffing:traffic")
    return render(request, "staffing/traffic/import_delete.html", {"traffic_import": traffic_import})
