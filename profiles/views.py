from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from profiles import lexicon_file, selectors, services
from profiles.models import LexiconUpload, LexiconVersion, PartOfSpeech
from servicefit.core.decorators import policy_required
from servicefit.core.exceptions import ApplicationError
from servicefit.core.languages import LANGUAGE_CODES
from servicefit.core.policies import CLASSIFIER_RETRAIN, FRAMEWORK_READ, LEXICON_UPLOAD


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
            "chart": {
                "labels": [str(w.service_type) for w in role_profile.type_weights.all()],
                "values": [float(w.weight) for w in role_profile.type_weights.all()],
            },
        },
    )


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
