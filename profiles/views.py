from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from profiles import lexicon_file, selectors, services
from profiles.forms import RoleProfileForm, initial_from, shown_wording
from profiles.models import LexiconUpload, LexiconVersion, PartOfSpeech
from profiles.role_mix import SUM_TOLERANCE
from servicefit.core.decorators import policy_required
from servicefit.core.exceptions import ApplicationError
from servicefit.core.languages import LANGUAGE_CODES
from servicefit.core.policies import CLASSIFIER_RETRAIN, FRAMEWORK_EDIT, FRAMEWORK_READ, LEXICON_UPLOAD


def _ui_language() -> str:
    language = (get_language() or "en").split("-")[0]
    return language if language in LANGUAGE_CODES else "en"


@require_GET
@policy_required(FRAMEWORK_READ)
def index(request):
    return render(
        request,
        "profiles/index.html",
        {
            "service_types": selectors.service_type_list(),
            "competencies": selectors.competency_list(),
            "role_profiles": selectors.role_profile_list(),
            "can_edit": FRAMEWORK_EDIT.allows(request.user),
        },
    )


@require_GET
@policy_required(FRAMEWORK_READ)
def service_type_detail(request, code):
    service_type = get_object_or_404(selectors.service_type_list(), code=code)
    language = request.GET.get("language") or _ui_language()
    if language not in LANGUAGE_CODES:
        language = "en"
    return render(
        request,
        "profiles/service_type_detail.html",
        {
            "service_type": service_type,
            "translation": service_type.translation(),
            "markers": selectors.marker_list(language=language, service_type=code),
            "marker_language": language,
            "languages": LANGUAGE_CODES,
        },
    )


@require_GET
@policy_required(FRAMEWORK_READ)
def role_profile_detail(request, slug):
    role_profile = get_object_or_404(selectors.role_profile_list(), slug=slug)
    return render(
        request,
        "profiles/role_profile_detail.html",
        {
            "role_profile": role_profile,
            "can_edit": FRAMEWORK_EDIT.allows(request.user),
            "chart": {
                "labels": [str(w.service_type) for w in role_profile.type_weights.all()],
                "values": [float(w.weight) for w in role_profile.type_weights.all()],
            },
        },
    )


def _role_profile_form(request, *, with_slug: bool, initial: dict | None = None) -> RoleProfileForm:
    service_types = [(t.code, t.translation().name) for t in selectors.service_type_list()]
    competencies = [
        (c.code, t.name, t.description, t.anchors) for c in selectors.competency_list() for t in [c.translation()]
    ]
    return RoleProfileForm(
        request.POST if request.method == "POST" else None,
        initial=initial,
        service_types=service_types,
        competencies=competencies,
        with_slug=with_slug,
    )


def _role_profile_form_page(request, form: RoleProfileForm, **context):
    labels = [field.label for field in form.weight_fields()]
    return render(
        request,
        "profiles/role_profile_form.html",
        {
            "form": form,
            # The tolerance of the sum (thirds typed as 33.3 pass), in percentage points.
            "chart": {"labels": labels, "tolerance": float(SUM_TOLERANCE * 100)},
            "sum_words": {
                "exact": _("Adds up to 100 %."),
                # {points} is filled in by the page's script as the weights change.
                "under": _("%(points)s percentage points left to place.") % {"points": "{points}"},
                "over": _("%(points)s percentage points too many.") % {"points": "{points}"},
            },
            **context,
        },
    )


@require_http_methods(["GET", "POST"])
@policy_required(FRAMEWORK_EDIT)
def role_profile_new(request):
    # "Start from": another profile's mix and competencies, under a name of the user's own.
    start = selectors.role_profile_list().filter(slug=request.GET.get("from", "")).first()
    initial = {**initial_from(start), "name": "", "description": ""} if start else None
    form = _role_profile_form(request, with_slug=True, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            role_profile = services.role_profile_create(
                slug=form.cleaned_data["slug"],
                name=form.cleaned_data["name"],
                description=form.cleaned_data["description"],
                type_weights=form.type_weights(),
                competencies=form.competency_levels(),
                user=request.user,
            )
        except ApplicationError as exc:
            form.service_errors_add(exc)
        else:
            messages.success(request, _("The role profile %(name)s was created.") % {"name": role_profile.name})
            return redirect("profiles:role-profile-detail", slug=role_profile.slug)
    return _role_profile_form_page(request, form, start=start)


@require_http_methods(["GET", "POST"])
@policy_required(FRAMEWORK_EDIT)
def role_profile_edit(request, slug):
    role_profile = get_object_or_404(selectors.role_profile_list(), slug=slug)
    form = _role_profile_form(request, with_slug=False, initial=initial_from(role_profile))
    if request.method == "POST" and form.is_valid():
        # Only a changed name or description is passed on: the service drops the translations of both,
        # and what the user wrote, in whatever language, becomes the profile's wording in every language.
        shown = shown_wording(role_profile)
        changed = {field: form.cleaned_data[field] for field in shown if form.cleaned_data[field] != shown[field]}
        try:
            services.role_profile_update(
                role_profile=role_profile,
                type_weights=form.type_weights(),
                competencies=form.competency_levels(),
                **changed,
            )
        except ApplicationError as exc:
            form.service_errors_add(exc)
        else:
            messages.success(request, _("The role profile %(name)s was saved.") % {"name": role_profile.name_in()})
            return redirect("profiles:role-profile-detail", slug=role_profile.slug)
    return _role_profile_form_page(request, form, role_profile=role_profile)


@require_GET
@policy_required(FRAMEWORK_READ)
def lexicon(request):
    latest = selectors.lexicon_version_latest()
    counts = selectors.marker_counts(version=latest) if latest else {}
    service_types = list(selectors.service_type_list())
    matrix = [
        {
            "service_type": service_type,
            "counts": [counts.get(language, {}).get(service_type.code, 0) for language in LANGUAGE_CODES],
        }
        for service_type in service_types
    ]
    totals = [sum(c.values()) for c in (counts.get(language, {}) for language in LANGUAGE_CODES)]
    pos_counts = selectors.marker_pos_counts(version=latest) if latest else {}
    pos_matrix = [
        {"pos": pos, "counts": [pos_counts.get(language, {}).get(pos, 0) for language in LANGUAGE_CODES]}
        for pos in PartOfSpeech.values
    ]
    return render(
        request,
        "profiles/lexicon.html",
        {
            "latest": latest,
            "versions": selectors.lexicon_version_list(),
            "languages": LANGUAGE_CODES,
            "matrix": matrix,
            "totals": totals,
            # Lexicons before v2 have no parts of speech: then the table is left out.
            "pos_matrix": pos_matrix if any(any(row["counts"]) for row in pos_matrix) else [],
            "uploads": selectors.lexicon_upload_list()[:10],
            "can_upload": LEXICON_UPLOAD.allows(request.user),
        },
    )


@require_GET
@policy_required(FRAMEWORK_READ)
def lexicon_export(request, number, fmt):
    if fmt not in lexicon_file.FORMATS:
        raise Http404
    version = get_object_or_404(LexiconVersion, number=number)
    body = lexicon_file.dump(
        selectors.lexicon_export_rows(version=version), version=str(version.number), note=version.note, fmt=fmt
    )
    content_type = "application/json" if fmt == "json" else "application/yaml"
    response = HttpResponse(body, content_type=f"{content_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="servicefit-lexicon-v{version.number}.{fmt}"'
    return response


@require_POST
@policy_required(LEXICON_UPLOAD)
def lexicon_upload(request):
    uploaded = request.FILES.get("file")
    if uploaded is None:
        messages.error(request, _("Choose a lexicon file to upload."))
        return redirect("profiles:lexicon")
    try:
        upload = services.lexicon_upload_create(filename=uploaded.name, raw=uploaded.read(), user=request.user)
    except ApplicationError as exc:
        messages.error(request, exc.message)
        return redirect("profiles:lexicon")
    return redirect("profiles:lexicon-upload-status", upload_id=upload.id)


@require_GET
@policy_required(LEXICON_UPLOAD)
def lexicon_upload_status(request, upload_id):
    upload = get_object_or_404(LexiconUpload.objects.select_related("lexicon_version"), id=upload_id)
    template = "profiles/_upload_status.html" if request.headers.get("HX-Request") else "profiles/upload.html"
    return render(request, template, {"upload": upload})


@require_POST
@policy_required(LEXICON_UPLOAD)
def lexicon_upload_retry(request, upload_id):
    upload = get_object_or_404(LexiconUpload, id=upload_id)
    try:
        services.lexicon_upload_retry(upload=upload)
    except ApplicationError as exc:
        messages.error(request, exc.message)
    return redirect("profiles:lexicon-upload-status", upload_id=upload.id)


@require_GET
@policy_required(FRAMEWORK_READ)
def classifier(request):
    return render(
        request,
        "profiles/classifier.html",
        {
            "versions": selectors.classifier_list()[:20],
            "labels": selectors.sentence_label_list()[:100],
            "can_retrain": CLASSIFIER_RETRAIN.allows(request.user),
        },
    )


@require_POST
@policy_required(CLASSIFIER_RETRAIN)
def classifier_retrain(request):
    try:
        model = services.classifier_retrain_request(user=request.user)
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        if model is None:
            messages.success(request, _("Retraining has started. The new version appears here when it is done."))
        else:
            messages.success(request, _("The classifier has been retrained: %(version)s.") % {"version": model.label})
    return redirect("profiles:classifier")
