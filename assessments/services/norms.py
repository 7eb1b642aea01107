"""Norm statistics of the completed attempts, kept current in the transaction that changes them."""

from django.db import transaction
from django.utils import timezone

from assessments import norms
from assessments.models import Assessment, AttemptResult, NormStatistic

REBUILD_CHUNK = 2000


def norm_statistics_replace(*, assessment_id: int, old: dict[str, float], new: dict[str, float]) -> None:
    """One attempt's scores leave the norm group (`old`, empty for a first scoring) and its new
    scores join it. Call inside the transaction that writes the result."""
    scales = sorted(scale for scale in set(old) | set(new) if old.get(scale) != new.get(scale))
    if not scales:
        return
    with transaction.atomic():
        # The assessment row serialises every change of its norms, rebuilds included: two
        # submissions at once must not both add to the same stale histogram.
        Assessment.objects.select_for_update().filter(id=assessment_id).values_list("id").first()
        NormStatistic.objects.bulk_create(
            [NormStatistic(assessment_id=assessment_id, scale=scale) for scale in scales], ignore_conflicts=True
        )
        rows = list(NormStatistic.objects.filter(assessment_id=assessment_id, scale__in=scales))
        now = timezone.now()  # bulk_update does not apply auto_now
        for row in rows:
            row.updated_at = now
            row.histogram = norms.histogram_changed(row.histogram, remove=old.get(row.scale), add=new.get(row.scale))
            row.n, row.mean, row.sd = norms.summary(row.histogram)
        NormStatistic.objects.bulk_update(rows, ["histogram", "n", "mean", "sd", "updated_at"])


def norm_statistics_rebuild(*, assessment: Assessment) -> int:
    """Recount the norm group from the stored results (after an erasure, or to repair drift).
    Returns the number of completed attempts counted."""
    with transaction.atomic():
        Assessment.objects.select_for_update().filter(id=assessment.id).values_list("id").first()
        histograms: dict[str, norms.Histogram] = {}
        counted = 0
        results = AttemptResult.objects.filter(
            attempt__invitation__assessment=assessment, attempt__submitted_at__isnull=False
        ).values_list("type_scores", "competency_scores", "provisional_scales")
        for type_scores, competency_scores, provisional in results.iterator(chunk_size=REBUILD_CHUNK):
            counted += 1
            for scale, value in norms.group_scores(type_scores, competency_scores, provisional).items():
                key = norms.score_key(value)
                histogram = histograms.setdefault(scale, {})
                histogram[key] = histogram.get(key, 0) + 1
        NormStatistic.objects.filter(assessment=assessment).delete()
        rows = []
        for scale, histogram in sorted(histograms.items()):
            n, mean, sd = norms.summary(histogram)
            rows.append(NormStatistic(assessment=assessment, scale=scale, n=n, mean=mean, sd=sd, histogram=histogram))
        NormStatistic.objects.bulk_create(rows)
    return counted


def norm_statistics_rebuild_all() -> dict[str, int]:
    return {assessment.slug: norm_statistics_rebuild(assessment=assessment) for assessment in Assessment.objects.all()}
