from assessments.models import Assessment

SLUG = "service-profile-standard"


def test_it_leaves_the_length_to_the_computed_duration_in_every_language(db):
    # The welcome page computes "about 50 minutes, the timed parts alone 40"; the stored introduction
    # used to say "about 35 minutes" beside it.
    intro = Assessment.objects.get(slug=SLUG).intro
    assert set(intro) == {"en", "da", "nb", "sv"}
    for text in intro.values():
        assert "35" not in text
        assert text.strip()
