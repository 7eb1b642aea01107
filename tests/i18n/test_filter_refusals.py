"""A list page given a filter it cannot use (an unknown team, a date that is no date, a status that
does not exist) says which filter under the label the form shows, in the reader's language, and
lists what the other filters find. It never prints the form's field name ("* team", "* hired_from")."""

import re
from pathlib import Path

import pytest
from django import forms
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from tests.hiring.board_helpers import requisition_make
from tests.workforce.agent_factories import model_make
from workforce.models import AttritionModel

pytestmark = pytest.mark.django_db

LANGUAGES = ["da", "nb", "sv"]
INVALID_CHOICE = forms.ChoiceField.default_error_messages["invalid_choice"]
INVALID_MODEL_CHOICE = forms.ModelChoiceField.default_error_messages["invalid_choice"]
INVALID_DATE = forms.DateField.default_error_messages["invalid"]
# (url name, what the page needs, query, [(field name, English label, Django's message, the value)])
PAGES = [
    ("hiring:index", False, "language=xx", [("language", "Language", INVALID_CHOICE, "xx")]),
    ("hiring:candidates", False, "source=bogus", [("source", "Source", INVALID_CHOICE, "bogus")]),
    ("hiring:talent-pool", False, "source=bogus", [("source", "Source", INVALID_CHOICE, "bogus")]),
    ("hiring:requisitions", False, "team=999999", [("team", "Team", INVALID_MODEL_CHOICE, "999999")]),
    ("hiring:requisition-board", "requisition", "stage=bogus", [("stage", "Stage", INVALID_CHOICE, "bogus")]),
    ("hiring:requisition-ranking", "requisition", "label=bogus", [("label", "Label", INVALID_CHOICE, "bogus")]),
    ("assessments:index", False, "status=bogus", [("status", "Status", INVALID_CHOICE, "bogus")]),
    (
        "workforce:index",
        False,
        "team=abc&hired_from=yesterday",
        [("team", "Team", INVALID_MODEL_CHOICE, "abc"), ("hired_from", "Hired from", INVALID_DATE, "yesterday")],
    ),
    (
        "workforce:at-risk",
        "risk model",
        "team=999999&band=bogus",
        [("team", "Team", INVALID_CHOICE, "999999"), ("band", "Risk band", INVALID_CHOICE, "bogus")],
    ),
]


def alert_of(html: str) -> str:
    match = re.search(r'<div class="error" role="alert">(.*?)</div>', html, re.S)
    assert match, "the page does not say that a filter was refused"
    return match.group(1)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("name", "needs", "query", "refused"), PAGES, ids=[p[0] for p in PAGES])
def test_it_names_a_refused_filter_by_its_label_in_the_readers_language(
    client, hr_user, language, name, needs, query, refused
):
    args = [requisition_make(hr_user).id] if needs == "requisition" else []
    if needs == "risk model":
        AttritionModel.objects.filter(id=model_make().id).update(is_active=True, horizon_months=6)
    client.force_login(hr_user)
    response = client.get(f"{reverse(name, args=args)}?{query}", HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200  # the page's status: it lists what the other filters find
    alert = alert_of(response.content.decode())
    for field, label, message, value in refused:
        with translation.override(language):
            said = escape(str(message) % {"value": value})
            assert translation.gettext("Some filters were not understood and are ignored:") in alert
            assert f"{translation.gettext(label)}: {said}" in alert
        with translation.override("en"):
            assert escape(str(message) % {"value": value}) not in alert
        assert not re.search(rf"(?<![\w-]){field}(?![\w-])", alert)


def test_it_says_a_refusal_of_the_period_under_its_label(client, hr_user):
    client.force_login(hr_user)
    response = client.get("/workforce/?hired_from=2024-05-01&hired_to=2024-01-01", HTTP_ACCEPT_LANGUAGE="sv")
    alert = alert_of(response.content.decode())
    assert "Anställd till: Periodens slut kan inte ligga före dess början." in alert
    assert "hired_to" not in alert


def test_it_has_no_template_that_prints_a_forms_errors_by_field_name():
    """`form.errors` (and its `as_text`, `as_ul`) keys each message by the field's name."""
    root = Path(__file__).resolve().parents[2]
    printing = re.compile(r"\{\{\s*(form|filters|\w+_form)\.errors(\.as_\w+)?\s*[|}]")
    found = [
        str(path.relative_to(root))
        for path in root.glob("*/**/templates/**/*.html")
        if ".venv" not in path.parts and printing.search(path.read_text(encoding="utf-8"))
    ]
    assert found == []
