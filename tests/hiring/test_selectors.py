from hiring import selectors, services
from tests.hiring.factories import ADVISOR, DA_AD, DA_AD_CONTROLLER, SV_AD, job_ad_make


def test_a_search_does_not_multiply_the_revision_count(recruiter):
    job_ad = job_ad_make(owner=recruiter, title="Kundeservice Aarhus")
    job_ad_make(owner=recruiter, title="Kundtjänst Malmö", text=SV_AD)
    services.job_ad_revise(job_ad=job_ad, text=DA_AD + " Du er grundig.", user=recruiter)
    services.job_ad_revise(job_ad=job_ad, text=DA_AD + " Du er systematisk.", user=recruiter)

    def counts(**filters):
        return {ad.title: ad.revision_count for ad in selectors.job_ad_list(user=recruiter, **filters)}

    assert counts() == {"Kundeservice Aarhus": 3, "Kundtjänst Malmö": 1}
    assert counts(q="problemløser") == {"Kundeservice Aarhus": 3}
    assert counts(q="Aarhus") == {"Kundeservice Aarhus": 3}


def test_the_list_carries_the_latest_revisions_scores(recruiter):
    job_ad = job_ad_make(owner=recruiter, role=ADVISOR)
    latest = services.job_ad_revise(job_ad=job_ad, text=DA_AD_CONTROLLER, user=recruiter)
    listed = selectors.job_ad_list(user=recruiter).get(id=job_ad.id)
    assert listed.latest_controller_index == latest.controller_index
    assert listed.latest_alignment == latest.alignment_score
    assert listed.latest_language == "da"


def test_a_comparison_without_a_role_has_no_alignment_change(recruiter):
    job_ad = job_ad_make(owner=recruiter)
    services.job_ad_revise(job_ad=job_ad, text=DA_AD_CONTROLLER, user=recruiter)
    a, b = job_ad.revisions.get(number=1), job_ad.revisions.get(number=2)
    diff = selectors.revision_compare(a=a, b=b)
    assert diff["alignment"] == {"a": None, "b": None, "change": None}
    assert diff["word_count"]["change"] == b.analysis["word_count"] - a.analysis["word_count"]
    assert set(diff["gender_coding"]) == {"a", "b"}
