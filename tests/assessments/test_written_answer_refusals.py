"""A written answer the analysis cannot read ("- - -") is kept as a code, and the result says why in
the reader's language, not in the English of the analysis engine."""

import pytest

from assessments import services
from assessments.models import Item

from . import factories

NO_WORDS = {
    "en": "The text has no words.",
    "da": "Teksten indeholder ingen ord.",
    "nb": "Teksten inneholder ingen ord.",
    "sv": "Texten innehåller inga ord.",
}


@pytest.fixture
def wordless(battery):
    """A submitted attempt whose written answers are only dashes."""
    invitation = factories.invitation(battery, number=1, language="da")
    items = factories.items_of(battery)
    services.attempt_start(invitation=invitation, consent=True)
    factories.answer_all(invitation, items)
    written = [item for item in items if item.kind == Item.Kind.TEXT]
    for item in written:
        services.answer_save(invitation=invitation, item_id=item.id, value="- - -")
    return services.attempt_submit(invitation=invitation), written


@pytest.mark.parametrize("language", NO_WORDS)
def test_the_result_says_why_a_written_answer_was_not_analysed_in_the_readers_language(
    api, hr_user, wordless, language
):
    attempt, written = wordless
    body = api.as_user(hr_user).get(f"/api/attempts/{attempt.id}/result/", HTTP_ACCEPT_LANGUAGE=language).json()
    assert written and all(
        body["text_analysis"][str(item.id)] == {"error_code": "no_words", "error": NO_WORDS[language]}
        for item in written
    )


def test_the_review_page_shows_no_controller_index_for_an_answer_that_was_not_analysed(client, hr_user, wordless):
    attempt, _written = wordless
    client.force_login(hr_user)
    page = client.get(f"/assessments/invitations/{attempt.invitation_id}/").content.decode()
    assert "- - -" in page and "Controller index" not in page
