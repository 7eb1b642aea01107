"""Writes to the service-type framework: lexicon versions, uploads and role profiles."""

import logging
from collections.abc import Mapping
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, ProtectedError
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from profiles import lexicon_file, selectors
from profiles.analysis import Analysis, AnalysisInputError, UnsupportedLanguage, analyze_text
from profiles.analysis.classifier import LabelledSentence, SentenceClassifier, cross_validated_macro_f1
from profiles.analysis.engine import MAX_CHARACTERS
from profiles.models import (
    ClassifierModel,
    Competency,
    LanguageMarker,
    LexiconUpload,
    LexiconVersion,
    RoleProfile,
    RoleProfileCompetency,
    RoleProfileTypeWeight,
    SentenceLabel,
    ServiceType,
)
from profiles.refusals import LANGUAGE_IN_SETTINGS, Refusal, TextRefused
from profiles.role_mix import Problem, WeightProblem, type_weight_problems
from profiles.service_types import SERVICE_TYPE_LABELS
from servicefit.core.exceptions import ApplicationError
from servicefit.core.jobs import JobRefused, job_retry, job_run
from servicefit.core.locks import cache_lock
from servicefit.core.unsafe_text import has_unsafe_text

logger = logging.getLogger(__name__)

# The address of the new-profile page: a profile with this short name would be shadowed by it.
RESERVED_SLUGS = frozenset({"new"})
# "What the role is for, in a sentence or two": the shipped profiles need under 200 characters.
ROLE_PROFILE_DESCRIPTION_MAX = 1000
MAX_UPLOAD_BYTES = 2 * 1024 * 1024


@transaction.atomic
def lexicon_import(*, lexicon: lexicon_file.LexiconFile, user=None, source: str = "") -> LexiconVersion:
    """Store a validated lexicon file as the next version, all rows or none."""
    types = {t.code: t for t in ServiceType.objects.all()}
    missing = sorted({m.type for m in lexicon.markers} - set(types))
    if missing:
        raise ApplicationError(f"Service types missing from the database: {', '.join(missing)}.")
    # Lock the newest version row so two imports at once cannot take the same number.
    latest = LexiconVersion.objects.select_for_update().order_by("-number").first()
    version = LexiconVersion.objects.create(
        number=(latest.number if latest else 0) + 1,
        note=lexicon.note,
        source=source[:300],
        created_by=user,
    )
    LanguageMarker.objects.bulk_create(
        LanguageMarker(
            lexicon_version=version,
            language=m.language,
            service_type=types[m.type],
            phrase=m.phrase,
            weight=m.weight,
            suggestions=list(m.suggestions),
            pos=m.pos,
        )
        for m in lexicon.markers
    )
    return version


@transaction.atomic
def lexicon_version_copy(*, base: LexiconVersion, user=None) -> LexiconVersion:
    """A new newest version with the same markers as `base`, to edit without rewriting history."""
    next_number = (LexiconVersion.objects.select_for_update().aggregate(n=Max("number"))["n"] or 0) + 1
    version = LexiconVersion.objects.create(
        number=next_number, note=f"Copy of {base.label}", source=base.label, created_by=user
    )
    LanguageMarker.objects.bulk_create(
        LanguageMarker(
            lexicon_version=version,
            language=m.language,
            service_type_id=m.service_type_id,
            phrase=m.phrase,
            weight=m.weight,
            suggestions=m.suggestions,
            pos=m.pos,
        )
        for m in base.markers.all()
    )
    return version


def lexicon_upload_create(*, filename: str, raw: bytes, user=None) -> LexiconUpload:
    """Accept a file for import; the parsing and import run in `lexicon_upload_process_task`."""
    from profiles.tasks import lexicon_upload_process_task

    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    fmt = {"json": "json", "yaml": "yaml", "yml": "yaml"}.get(extension)
    if fmt is None:
        raise ApplicationError(_("Upload a .json, .yaml or .yml file."))
    if len(raw) > MAX_UPLOAD_BYTES:
        raise ApplicationError(_("The file is larger than 2 MB."), status=413)
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ApplicationError(_("The file is not UTF-8 text (byte %(byte)s).") % {"byte": exc.start}) from exc
    if not content.strip():
        raise ApplicationError(_("The file is empty."))
    if has_unsafe_text(content):
        # Kept as typed until the task reads it: a NUL would fail the write on PostgreSQL.
        raise ApplicationError(_("%(name)s contains NUL characters; save it as plain text.") % {"name": filename})

    with transaction.atomic():
        upload = LexiconUpload.objects.create(filename=filename[:255], format=fmt, content=content, created_by=user)
        transaction.on_commit(lambda: lexicon_upload_process_task.delay(upload.id))
    return upload


def lexicon_upload_process(*, upload_id: int) -> None:
    """Validate and import one upload. Safe to run twice: a claimed or finished upload is left alone."""
    job_run(model=LexiconUpload, job_id=upload_id, work=_lexicon_upload_import)


def _lexicon_upload_import(upload: LexiconUpload) -> dict:
    try:
        lexicon = lexicon_file.load(upload.content, upload.format)
    except lexicon_file.LexiconFileError as exc:
        raise JobRefused(_("The file was refused."), fields={"errors": [str(error) for error in exc.errors]}) from exc
    version = lexicon_import(lexicon=lexicon, user=upload.created_by, source=upload.filename)
    return {"lexicon_version": version, "errors": []}


def lexicon_upload_retry(*, upload: LexiconUpload) -> None:
    """Queue a failed or stalled upload again (not a refused file: that has to be fixed first)."""
    from profiles.tasks import lexicon_upload_process_task

    if upload.errors:
        raise ApplicationError(_("This file was refused. Fix the rows listed and upload it again."), status=409)
    with transaction.atomic():
        job_retry(model=LexiconUpload, job_id=upload.id)
        transaction.on_commit(lambda: lexicon_upload_process_task.delay(upload.id))


def weight_problem_text(problem: WeightProblem) -> str:
    """A problem of a service-type mix in the user's language; a known type by its name."""
    code = problem.codes[0] if problem.codes else ""
    name = SERVICE_TYPE_LABELS.get(code, code)
    if problem.problem == Problem.EMPTY:
        return _("Give a weight for at least one service type.")
    if problem.problem == Problem.UNKNOWN_TYPES:
        return _("Unknown service types: %(codes)s.") % {"codes": ", ".join(problem.codes)}
    if problem.problem == Problem.NOT_A_NUMBER:
        return _("The weight of %(type)s is not a number.") % {"type": name}
    if problem.problem == Problem.OUT_OF_RANGE:
        return _("The weight of %(type)s must be between 0 and 1.") % {"type": name}
    return _("The service-type weights must sum to 1 (they sum to %(total)s).") % {"total": problem.total.normalize()}


def _role_profile_validate(
    *, role_profile: RoleProfile, type_weights: Mapping[str, object], competencies: Mapping[str, int]
) -> None:
    """Raise one error naming every problem (fields, weights, competencies), so one fix suffices."""
    errors = {}
    try:
        role_profile.full_clean()
    except ValidationError as exc:
        errors.update(exc.message_dict)
    if role_profile._state.adding and role_profile.slug in RESERVED_SLUGS:
        errors.setdefault("slug", []).append(
            _("“%(slug)s” is reserved: choose another short name.") % {"slug": role_profile.slug}
        )
    if len(role_profile.description) > ROLE_PROFILE_DESCRIPTION_MAX:
        errors.setdefault("description", []).append(
            _("Keep the description to %(max)s characters or fewer (it has %(length)s).")
            % {
                "max": number_format(ROLE_PROFILE_DESCRIPTION_MAX, force_grouping=True),
                "length": number_format(len(role_profile.description), force_grouping=True),
            }
        )
    weight_errors = [weight_problem_text(problem) for problem in type_weight_problems(type_weights)]
    if weight_errors:
        errors["type_weights"] = weight_errors
    known = set(Competency.objects.filter(code__in=list(competencies)).values_list("code", flat=True))
    competency_errors = [
        _("Unknown competency: %(code)s.") % {"code": code} for code in sorted(set(competencies) - known)
    ]
    competency_errors += [
        _("The target level of %(code)s must be a whole number from 1 to 5.") % {"code": code}
        for code, level in competencies.items()
        if isinstance(level, bool) or not isinstance(level, int) or not 1 <= level <= 5
    ]
    if competency_errors:
        errors["competencies"] = competency_errors
    if errors:
        raise ApplicationError(_("The role profile is not valid."), extra={"fields": errors})


def _role_profile_write_parts(
    *, role_profile: RoleProfile, type_weights: Mapping[str, object], competencies: Mapping[str, int]
) -> None:
    types = {t.code: t for t in ServiceType.objects.all()}
    by_code = {c.code: c for c in Competency.objects.filter(code__in=list(competencies))}
    role_profile.type_weights.all().delete()
    role_profile.competencies.all().delete()
    RoleProfileTypeWeight.objects.bulk_create(
        RoleProfileTypeWeight(role_profile=role_profile, service_type=types[code], weight=Decimal(str(weight)))
        for code, weight in type_weights.items()
    )
    RoleProfileCompetency.objects.bulk_create(
        RoleProfileCompetency(role_profile=role_profile, competency=by_code[code], target_level=level)
        for code, level in competencies.items()
    )


@transaction.atomic
def role_profile_create(
    *,
    slug: str,
    name: str,
    description: str = "",
    type_weights: Mapping[str, object],
    competencies: Mapping[str, int],
    is_template: bool = False,
    user=None,
) -> RoleProfile:
    role_profile = RoleProfile(slug=slug, name=name, description=description, is_template=is_template, created_by=user)
    _role_profile_validate(role_profile=role_profile, type_weights=type_weights, competencies=competencies)
    role_profile.save()
    _role_profile_write_parts(role_profile=role_profile, type_weights=type_weights, competencies=competencies)
    return role_profile


@transaction.atomic
def role_profile_update(
    *,
    role_profile: RoleProfile,
    name: str | None = None,
    description: str | None = None,
    type_weights: Mapping[str, object] | None = None,
    competencies: Mapping[str, int] | None = None,
) -> RoleProfile:
    if name is not None:
        role_profile.name = name
    if description is not None:
        role_profile.description = description
    if name is not None or description is not None:
        role_profile.translations = {}  # they translated the old wording, not the new one
    new_weights = type_weights if type_weights is not None else _current_weights(role_profile)
    new_competencies = competencies if competencies is not None else _current_competencies(role_profile)
    _role_profile_validate(role_profile=role_profile, type_weights=new_weights, competencies=new_competencies)
    role_profile.save()
    if type_weights is not None or competencies is not None:
        _role_profile_write_parts(role_profile=role_profile, type_weights=new_weights, competencies=new_competencies)
    return role_profile


def _current_weights(role_profile: RoleProfile) -> dict[str, Decimal]:
    return {w.service_type.code: w.weight for w in role_profile.type_weights.select_related("service_type")}


def _current_competencies(role_profile: RoleProfile) -> dict[str, int]:
    return {c.competency.code: c.target_level for c in role_profile.competencies.select_related("competency")}


@transaction.atomic
def role_profile_delete(*, role_profile: RoleProfile) -> None:
    try:
        role_profile.delete()
    except ProtectedError as exc:
        raise ApplicationError(
            _("%(name)s is still in use and cannot be deleted.") % {"name": role_profile.name}, status=409
        ) from exc


def classifier_train(*, user=None, measure: bool = True) -> ClassifierModel:
    """Train the next classifier version on the shipped corpus plus every recruiter correction.

    A correction replaces the shipped label of the same sentence. Training runs outside any
    transaction (it takes seconds); the new version and the bookkeeping are written in one.

    The shipped classifier v2 (migration 0009) also learnt from sentences of real job ads, which are
    not shipped (their licences forbid it): a retrained version learns from the shipped, synthetic
    sentences and this installation's corrections only, so it can know less about real ads than v2
    did. Recruiters' corrections of real sentences are how an installation gains that back.
    """
    labels = list(SentenceLabel.objects.all())
    corrected = {(label.language, label.text) for label in labels}
    rows = [row for row in selectors.shipped_corpus() if (row.language, row.text) not in corrected]
    rows += [LabelledSentence(label.language, label.label, label.text) for label in labels]
    classifier = SentenceClassifier.train(rows, version="")
    macro_f1 = {k: round(v, 3) for k, v in cross_validated_macro_f1(rows).items()} if measure else {}
    with transaction.atomic():
        latest = ClassifierModel.objects.select_for_update().order_by("-version").only("version").first()
        number = (latest.version if latest else 0) + 1
        classifier.version = f"m{number}"
        model = ClassifierModel.objects.create(
            version=number,
            blob=classifier.dumps(),
            sentences=len(rows),
            corrections=len(labels),
            macro_f1=macro_f1,
            created_by=user,
        )
        SentenceLabel.objects.filter(id__in=[label.id for label in labels]).update(used_in=model)
    return model


def classifier_retrain_if_needed() -> ClassifierModel | None:
    """For the nightly job: retrain only when corrections arrived since the last model."""
    if not SentenceLabel.objects.filter(used_in__isnull=True).exists():
        return None
    return classifier_train()


@transaction.atomic
def sentence_label_save(*, language: str, text: str, label: str, user=None) -> SentenceLabel:
    text = " ".join(text.split())
    if not text:
        raise ApplicationError(_("The sentence is empty."))
    sentence_label = SentenceLabel.objects.filter(language=language, text=text).first() or SentenceLabel(
        language=language, text=text
    )
    sentence_label.label = label
    sentence_label.created_by = user
    sentence_label.used_in = None
    sentence_label.full_clean(validate_unique=False)
    sentence_label.save()
    return sentence_label


def text_analyze(
    *,
    text: str,
    language: str | None = None,
    role_profile: RoleProfile | None = None,
    language_in: str = LANGUAGE_IN_SETTINGS,
) -> Analysis:
    """Analyse a text with the installed lexicon and classifier; bad input becomes a 4xx error (TextRefused)."""
    try:
        return analyze_text(text, language or None, role_profile)
    except AnalysisInputError as exc:
        # As with the language below: the engine writes English, the user reads their own language.
        if exc.code == "too_long":
            params = {"length": len(text), "limit": MAX_CHARACTERS}
            raise TextRefused(Refusal.TOO_LONG, params, language_in=language_in) from exc
        empty = not isinstance(text, str) or not text.strip()
        raise TextRefused(Refusal.EMPTY if empty else Refusal.NO_WORDS, language_in=language_in) from exc
    except UnsupportedLanguage as exc:
        # The engine's English message goes to the logs; the user reads one in their own language.
        logger.info("text refused: %s", exc)
        raise TextRefused(*_language_refusal(exc), language_in=language_in) from exc


def _language_refusal(exc: UnsupportedLanguage) -> tuple[Refusal, dict]:
    if exc.code == "nynorsk":
        return Refusal.LANGUAGE_NYNORSK, {}
    if exc.code == "unsure":
        return Refusal.LANGUAGE_UNSURE, {"candidates": list(exc.candidates)}
    return Refusal.LANGUAGE_UNSUPPORTED, {"detected": exc.detected} if exc.detected else {}


# Training takes ~13 s of CPU; the lock outlives a worker killed mid-training by at most this long.
CLASSIFIER_TRAINING_LOCK_SECONDS = 10 * 60


def classifier_retrain_request(*, user=None) -> ClassifierModel | None:
    """With a broker, queue the training for the worker (returns None). Without one it runs in this
    request, and only one at a time across all web workers: several at once exhausted the workers."""
    from profiles.tasks import classifier_retrain_task

    if not settings.CELERY_TASK_ALWAYS_EAGER:
        transaction.on_commit(lambda: classifier_retrain_task.delay(user.id if user else None))
        return None
    with cache_lock("profiles:classifier-training", timeout=CLASSIFIER_TRAINING_LOCK_SECONDS) as acquired:
        if not acquired:
            raise ApplicationError(
                _("The classifier is already being retrained. Try again in a minute, when that has finished."),
                status=409,
            )
        return classifier_train(user=user)
