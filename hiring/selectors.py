"""Reads for job ads: lists with their latest scores, revisions, comparisons, bulk results.

Job ads and bulk analyses belong to a team: every read takes the user and the policy it reads
under, and a record of a team the user does not reach is as absent as one that never existed.
"""

from django.db.models import CharField, Count, Exists, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce, NullIf
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from hiring.models import BulkAnalysis, BulkAnalysisItem, JobAd, JobAdRevision
from profiles.analysis import RoleTarget
from profiles.analysis.engine import wanted_types
from profiles.models import RoleProfileTypeWeight
from profiles.refusals import LANGUAGE_IN_CSV, Refusal, refusal_message
from profiles.service_types import SERVICE_TYPES
from servicefit.core.policies import JOB_AD_READ, Policy


def job_ads_reachable(*, user, policy: Policy = JOB_AD_READ) -> QuerySet[JobAd]:
    return policy.scope(JobAd.objects.select_related("role_profile", "owner", "team"), user)


def job_ad_list(
    *, user, q: str = "", language: str = "", role_profile: str = "", below_target: bool = False
) -> QuerySet[JobAd]:
    latest = JobAdRevision.objects.filter(job_ad=OuterRef("pk")).order_by("-number")
    ads = job_ads_reachable(user=user).annotate(
        revision_count=Count("revisions"),
        latest_language=Subquery(latest.values("language")[:1]),
        latest_controller_index=Subquery(latest.values("controller_index")[:1]),
        latest_verdict=Subquery(latest.values("analysis__verdict__code")[:1]),
        latest_alignment=Subquery(latest.values("alignment_score")[:1]),
    )
    if q:
        # Exists, not a join: a join on revisions would multiply revision_count.
        text_hit = JobAdRevision.objects.filter(job_ad=OuterRef("pk"), text__icontains=q)
        ads = ads.filter(Q(title__icontains=q) | Exists(text_hit))
    if language:
        ads = ads.filter(latest_language=language)
    if role_profile:
        ads = ads.filter(role_profile__slug=role_profile)
    if below_target:
        ads = ads.filter(id__in=job_ad_ids_below_target(user=user))
    return ads.order_by("-updated_at")


def job_ad_ids_below_target(*, user) -> list[int]:
    """The ads the user reaches whose latest revision says too little of a type their role profile
    wants, as the studio decides it: a type's share of the ad is short of its target by the gap
    threshold or more (`wanted_types`, the types the studio's suggestions then steer towards).
    Measured against the role profile as it is now, not as it was when the revision was saved.
    Two queries, however many ads."""
    latest = JobAdRevision.objects.filter(job_ad=OuterRef("pk")).order_by("-number")
    rows = list(
        job_ads_reachable(user=user)
        .filter(role_profile__isnull=False)
        .annotate(latest_scores=Subquery(latest.values("analysis__scores")[:1]))
        .values_list("id", "role_profile_id", "latest_scores")
    )
    weights: dict[int, dict[str, float]] = {}
    role_profile_ids = {role_profile_id for _id, role_profile_id, _scores in rows}
    for role_profile_id, code, weight in RoleProfileTypeWeight.objects.filter(
        role_profile_id__in=role_profile_ids
    ).values_list("role_profile_id", "service_type__code", "weight"):
        weights.setdefault(role_profile_id, {})[code] = float(weight)
    return [
        ad_id
        for ad_id, role_profile_id, scores in rows
        if scores and wanted_types(scores, RoleTarget(slug="", weights=weights.get(role_profile_id, {})))
    ]


def job_ad_get(*, user, job_ad_id: int, policy: Policy = JOB_AD_READ) -> JobAd:
    """The ad, if the user reaches its team under `policy`; otherwise 404."""
    return get_object_or_404(job_ads_reachable(user=user, policy=policy), id=job_ad_id)


def revision_list(*, job_ad: JobAd) -> QuerySet[JobAdRevision]:
    return job_ad.revisions.select_related("created_by").order_by("-number")


def revision_latest(*, job_ad: JobAd) -> JobAdRevision | None:
    return job_ad.revisions.select_related("created_by").order_by("-number").first()


def revision_compare(*, a: JobAdRevision, b: JobAdRevision) -> dict:
    """What changed from revision `a` to revision `b`: every score side by side with the change."""

    def row(before, after):
        change = None if before is None or after is None else round(after - before, 2)
        return {"a": before, "b": after, "change": change}

    sa, sb = a.analysis, b.analysis
    return {
        "a": a.number,
        "b": b.number,
        "scores": {t: row(sa["scores"].get(t), sb["scores"].get(t)) for t in SERVICE_TYPES},
        "controller_index": row(sa.get("controller_index"), sb.get("controller_index")),
        "alignment": row(a.alignment_score, b.alignment_score),
        "lix": row(sa["readability"]["lix"], sb["readability"]["lix"]),
        "word_count": row(sa["word_count"], sb["word_count"]),
        "gender_coding": {"a": sa["gender_coding"]["verdict"], "b": sb["gender_coding"]["verdict"]},
    }


def bulk_analysis_list(*, user, policy: Policy = JOB_AD_READ) -> QuerySet[BulkAnalysis]:
    """With `title`: the run's name, or "Bulk analysis" in the reader's language when it has none."""
    runs = BulkAnalysis.objects.select_related("created_by", "role_profile", "team")
    title = Coalesce(NullIf("name", Value("")), Value(_("Bulk analysis")), output_field=CharField())
    return policy.scope(runs.annotate(title=title), user)


def bulk_analysis_get(*, user, bulk_id: int, policy: Policy = JOB_AD_READ) -> BulkAnalysis:
    """The bulk analysis, if the user reaches its team under `policy`; otherwise 404."""
    return get_object_or_404(bulk_analysis_list(user=user, policy=policy), id=bulk_id)


# A result row's `error_code`: "" for an analysed ad, a Refusal, or one of these.
BULK_NOT_ANALYSED = "not_analysed"  # not reached yet, or the run stopped before it
BULK_ERROR_UNKNOWN = "unknown"  # refused in a run from before error codes: only its message was kept
BULK_ERROR_CODES = ("", *Refusal.values, BULK_NOT_ANALYSED, BULK_ERROR_UNKNOWN)


def bulk_result_rows(*, bulk: BulkAnalysis) -> list[dict]:
    """One flat row per ad, for the results table, the CSV download and the API, with each error
    in the active language: the reader's, not that of the worker that met it."""
    rows = []
    for item in bulk.items.defer("text").order_by("position"):
        result = item.result or {}
        row = {
            "name": item.name,
            "language": result.get("language", item.language),
            "word_count": result.get("word_count"),
            "controller_index": result.get("controller_index"),
            "alignment": (result.get("alignment") or {}).get("score"),
            "lix": (result.get("readability") or {}).get("lix"),
            "gender_coding": (result.get("gender_coding") or {}).get("verdict"),
            **_bulk_item_error(item),
        }
        scores = result.get("scores") or {}
        for service_type in SERVICE_TYPES:
            row[service_type] = scores.get(service_type)
        row["type_scores"] = [scores.get(t) for t in SERVICE_TYPES]
        rows.append(row)
    return rows


def _bulk_item_error(item: BulkAnalysisItem) -> dict:
    if item.error_code:
        message = refusal_message(item.error_code, item.error_params, language_in=LANGUAGE_IN_CSV)
        return {"error_code": item.error_code, "error": message}
    if item.error:  # in the language of the worker that ran it; we cannot tell which refusal it was
        return {"error_code": BULK_ERROR_UNKNOWN, "error": item.error}
    if item.result is None:
        return {"error_code": BULK_NOT_ANALYSED, "error": _("Not analysed yet.")}
    return {"error_code": "", "error": ""}
