"""Reads of the service-type framework, with the prefetching that keeps query counts flat."""

from django.db.models import Count, Prefetch, QuerySet

from profiles.models import (
    Competency,
    LanguageMarker,
    LexiconUpload,
    LexiconVersion,
    RoleProfile,
    RoleProfileCompetency,
    RoleProfileTypeWeight,
    ServiceType,
)


def service_type_list() -> QuerySet[ServiceType]:
    return ServiceType.objects.prefetch_related("translations")


def competency_list() -> QuerySet[Competency]:
    return Competency.objects.prefetch_related("translations")


def lexicon_version_latest() -> LexiconVersion | None:
    return LexiconVersion.objects.order_by("-number").first()


def lexicon_version_list() -> QuerySet[LexiconVersion]:
    return LexiconVersion.objects.annotate(marker_count=Count("markers")).select_related("created_by")


def marker_list(
    *, version: LexiconVersion | None = None, language: str | None = None, service_type: str | None = None
) -> QuerySet[LanguageMarker]:
    """Markers of `version` (default: the newest), optionally of one language and type."""
    version = version or lexicon_version_latest()
    markers = LanguageMarker.objects.filter(lexicon_version=version).select_related("service_type", "lexicon_version")
    if language:
        markers = markers.filter(language=language)
    if service_type:
        markers = markers.filter(service_type__code=service_type)
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


def lexicon_export_rows(*, version: LexiconVersion) -> list[dict]:
    """The markers of `version` in the lexicon file's own shape, ready for `lexicon_file.dump`."""
    return [
        {
            "language": m.language,
            "type": m.service_type.code,
            "phrase": m.phrase,
            "weight": m.weight,
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
