"""Demo job ads for `seed_demo`: the eight sample ads in hiring/demo_ads, two per language."""

from pathlib import Path

from hiring import services
from hiring.models import BulkAnalysis, JobAd
from hiring.pipeline_demo import demo_requisitions_load
from profiles.models import RoleProfile
from servicefit.core.policies import JOB_AD_WRITE, team_for_new_record

DEMO_ADS = Path(__file__).resolve().parent / "demo_ads"
DEMO_BULK_NAME = "Demo: all sample ads"
ROLE_FOR = {
    "salg": "advisor-controller-led",
    "sales": "advisor-controller-led",
    "teknisk": "technical-support-specialist",
}


def demo_job_ads_load(*, owner) -> int:
    """Create the demo ads that do not exist yet (matched by title); returns how many were made.

    Existing demo ads move to the owner's team, so a demo made before teams existed stays visible.
    """
    team = team_for_new_record(policy=JOB_AD_WRITE, user=owner)
    made = 0
    for path in sorted(DEMO_ADS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        title = text.strip().splitlines()[0].strip()
        if JobAd.objects.filter(title=title).update(team=team):
            continue
        slug = next((slug for key, slug in ROLE_FOR.items() if key in path.stem), "advisor-controller-led")
        job_ad = services.job_ad_create(
            title=title, text=text, owner=owner, role_profile=RoleProfile.objects.filter(slug=slug).first()
        )
        if path.stem.startswith("da_"):
            # A second revision, so the studio has something to compare.
            services.job_ad_apply_suggestion(job_ad=job_ad, index=0, revision_number=1, user=owner)
        made += 1
    if not BulkAnalysis.objects.filter(name=DEMO_BULK_NAME).update(team=team):
        services.bulk_analysis_create(
            name=DEMO_BULK_NAME,
            items=[{"name": p.name, "text": p.read_text(encoding="utf-8")} for p in sorted(DEMO_ADS.glob("*.txt"))],
            user=owner,
        )
    return made


def demo_pipeline_load(*, users: dict) -> str:
    """The seed_demo entry point for requisitions and candidates; registered after the assessments'
    demo, whose battery and norms the candidates' results are scored against."""
    return f"demo requisitions created: {demo_requisitions_load(user=users['recruiter'])}"


def demo_load(*, users: dict) -> str:
    """The seed_demo entry point (registered in HiringConfig.ready)."""
    return f"demo job ads created: {demo_job_ads_load(owner=users['recruiter'])}"
