"""Reads of the service-type framework, with the prefetching that keeps query counts flat."""

import time
from functools import lru_cache

from django.db.models import Count, Max, Prefetch, QuerySet

from profiles.analysis.classifier import LabelledSentence, SentenceClassifier, read_corpus
from profiles.analysis.engine import Analyzer, RoleTarget
from profiles.analysis.gender import GenderCoder
from profiles.analysis.lexicon import CompiledLexicon
from profiles.analysis.lexicon import Marker as AnalysisMarker
from profiles.framework_file import DATA_DIR
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

CORPUS_PATH = DATA_DIR / "sentences.jsonl"


def service_type_list() -> QuerySet[ServiceType]:
    return ServiceType.objects.prefetch_related("translations")


def service_type_names() -> dict[str, str]:
    """{code: name in the active language}."""
    return {t.code: (t.translation().name if t.translation() else t.code) for t in service_type_list()}


def competency_list() -> QuerySet[Competency]:
    return Competency.objects.prefetch_related("translations")


def scale_names() -> dict[str, str]:
    """{code: name in the active language} of every scale an item can measure: types and competencies."""
    competencies = {c.code: (c.translation().name if c.translation() else c.code) for c in competency_list()}
    return {**service_type_names(), **competencies}


def lexicon_version_latest() -> LexiconVersion | None:
    return LexiconVersion.objects.order_by("-number").first()


def lexicon_version_list() -> QuerySet[LexiconVersion]:
    return LexiconVersion.objects.annotate(marker_count=Count("markers")).select_related("created_by")


def marker_list(
    *,
    version: LexiconVersion | None = None,
    language: str | None = None,
    service_type: str | None = None,
    pos: str | None = None,
) -> QuerySet[LanguageMarker]:
    """Markers of `version` (default: the newest), optionally of one language, type and part of speech."""
    version = version or lexicon_version_latest()
    markers = LanguageMarker.objects.filter(lexicon_version=version).select_related("service_type", "lexicon_version")
    if language:
        markers = markers.filter(language=language)
    if service_type:
        markers = markers.filter(service_type__code=service_type)
    if pos:
        markers = markers.filter(pos=pos)
    return markers.order_by("language", "service_type__order", "phrase")


def marker_counts(*, version: LexiconVersion) -> dict[str, dict[str, int]]:
    """{language: {type code: number of markers}} for one version, from one aggregate query."""
    counts: dict[str, dict[str, int]] = {}
    rows = (
        LanguageMarker.objects.filter(lexicon_version=version)
        .values("language", "service_type__code")
        .annotate(n=Count("id"))
    )
    for row in rows:
        counts.setdefault(row["language"], {})[row["service_type__code"]] = row["n"]
    return counts


def marker_pos_counts(*, version: LexiconVersion) -> dict[str, dict[str, int]]:
    """{language: {part of speech ("" when not set): number of markers}} for one version."""
    counts: dict[str, dict[str, int]] = {}
    rows = LanguageMarker.objects.filter(lexicon_version=version).values("language", "pos").annotate(n=Count("id"))
    for row in rows:
        counts.setdefault(row["language"], {})[row["pos"]] = row["n"]
    return counts


def lexicon_export_rows(*, version: LexiconVersion) -> list[dict]:
    """The markers of `version` in the lexicon file's own shape, ready for `lexicon_file.dump`."""
    return [
        {
            "language": m.language,
            "type": m.service_type.code,
            "phrase": m.phrase,
            "weight": m.weight,
            **({"pos": m.pos} if m.pos else {}),
            "suggestions": m.suggestions,
        }
        for m in marker_list(version=version)
    ]


def lexicon_upload_list() -> QuerySet[LexiconUpload]:
    return LexiconUpload.objects.select_related("created_by", "lexicon_version").defer("content")


def role_profile_list() -> QuerySet[RoleProfile]:
    return RoleProfile.objects.prefetch_related(
        Prefetch(
            "type_weights",
            queryset=RoleProfileTypeWeight.objects.select_related("service_type").order_by("service_type__order"),
        ),
        Prefetch(
            "competencies",
            queryset=RoleProfileCompetency.objects.select_related("competency")
            .prefetch_related("competency__translations")
            .order_by("competency__order"),
        ),
    )


def framework_overview() -> dict:
    latest = lexicon_version_latest()
    return {
        "service_types": ServiceType.objects.count(),
        "competencies": Competency.objects.count(),
        "role_profiles": RoleProfile.objects.count(),
        "lexicon_version": latest.label if latest else None,
        "markers": latest.markers.count() if latest else 0,
    }


# The analyzer for the newest lexicon and classifier, built once per process and version pair.
_analyzers: dict[tuple[int, int], Analyzer] = {}


_versions_checked: list = [0.0, (0, 0)]  # [monotonic time, (lexicon number, classifier version)]
VERSION_RECHECK_SECONDS = 1.0


def analyzer_current() -> Analyzer:
    """The analyzer for the newest lexicon and classifier. The version pair is looked up at most
    once a second per process, so a new version is in use within a second of being saved."""
    now = time.monotonic()
    if now - _versions_checked[0] >= VERSION_RECHECK_SECONDS or not _analyzers:
        _versions_checked[:] = [now, analysis_versions()]
    key = _versions_checked[1]
    analyzer = _analyzers.get(key)
    if analyzer is None:
        analyzer = _analyzer_build(*key)
        _analyzers.clear()  # only the newest pair is ever used again
        _analyzers[key] = analyzer
    return analyzer


def analysis_versions() -> tuple[int, int]:
    return (
        LexiconVersion.objects.aggregate(n=Max("number"))["n"] or 0,
        ClassifierModel.objects.aggregate(n=Max("version"))["n"] or 0,
    )


def _analyzer_build(lexicon_number: int, classifier_version: int) -> Analyzer:
    rows = LanguageMarker.objects.filter(lexicon_version__number=lexicon_number).values_list(
        "language", "service_type__code", "phrase", "weight", "suggestions", "pos"
    )
    lexicon = CompiledLexicon(
        [
            AnalysisMarker(
                language=lang, type=code, phrase=phrase, weight=weight, suggestions=tuple(suggestions), pos=pos
            )
            for lang, code, phrase, weight, suggestions, pos in rows
        ],
        version=f"v{lexicon_number}",
    )
    classifier = None
    if classifier_version:
        blob = ClassifierModel.objects.values_list("blob", flat=True).get(version=classifier_version)
        classifier = SentenceClassifier.loads(bytes(blob))
    return Analyzer(lexicon=lexicon, gender=_gender_coder(), classifier=classifier, examples=_examples())


@lru_cache(maxsize=1)
def _gender_coder() -> GenderCoder:
    return GenderCoder.from_file()


@lru_cache(maxsize=1)
def _examples() -> dict[tuple[str, str], list[str]]:
    examples: dict[tuple[str, str], list[str]] = {}
    for row in shipped_corpus():
        examples.setdefault((row.language, row.label), []).append(row.text)
    return examples


@lru_cache(maxsize=1)
def shipped_corpus() -> tuple[LabelledSentence, ...]:
    with CORPUS_PATH.open(encoding="utf-8") as lines:
        return tuple(read_corpus(lines))


def role_target(role_profile: RoleProfile) -> RoleTarget:
    return RoleTarget(
        slug=role_profile.slug,
        weights={w.service_type.code: float(w.weight) for w in role_profile.type_weights.all()},
    )


def role_profile_for_analysis(slug: str) -> RoleProfile | None:
    """A role profile with just what an analysis needs (its type weights): two queries."""
    weights = RoleProfileTypeWeight.objects.select_related("service_type")
    return RoleProfile.objects.prefetch_related(Prefetch("type_weights", queryset=weights)).filter(slug=slug).first()


def classifier_list() -> QuerySet[ClassifierModel]:
    return ClassifierModel.objects.defer("blob").select_related("created_by")


def sentence_label_list() -> QuerySet[SentenceLabel]:
    return SentenceLabel.objects.select_related("created_by", "used_in")
