"""The invitation e-mail, in the candidate's language as far as the catalogue has it."""

import ast
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.utils import formats, timezone, translation

from assessments import services
from assessments.models import Invitation

PO_FILE = Path(settings.BASE_DIR) / "locale" / "da" / "LC_MESSAGES" / "django.po"

SUBJECT = "Your invitation: %(title)s"
REMINDER_SUBJECT = "Reminder: %(title)s"
GREETING = "Dear %(name)s,"
VALID_UNTIL = "The link is personal and works until %(date)s."
INVITING = 'Thank you for your application. As the next step, we invite you to take the assessment "%(title)s".'
REMINDING = 'This is a friendly reminder that your assessment "%(title)s" is still waiting for you.'


def po_translations(path: Path) -> dict[str, str]:
    """The translated, non-fuzzy singular entries of a .po file: what a compiled catalogue serves."""
    entries, entry, field = {}, {}, None

    def close():
        served = entry.get("msgid") and entry.get("msgstr") and "fuzzy" not in entry.get("flags", "")
        if served and "msgctxt" not in entry and "msgid_plural" not in entry:
            entries[entry["msgid"]] = entry["msgstr"]

    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        line = line.strip()
        if not line:
            close()
            entry, field = {}, None
        elif line.startswith("#,"):
            entry["flags"] = line
        elif line.startswith("#"):
            continue
        elif line.startswith('"') and field:
            entry[field] += ast.literal_eval(line)
        else:
            field, _space, literal = line.partition(" ")
            entry[field] = ast.literal_eval(literal)
    return entries


@pytest.fixture(scope="module")
def danish():
    return po_translations(PO_FILE)


def in_danish(catalogue: dict[str, str], msgid: str, **values) -> str:
    """What the Danish e-mail must say: the translation if the catalogue has one, else the English."""
    return catalogue.get(msgid, msgid) % values


def test_the_catalogue_reader_agrees_with_the_compiled_catalogue(danish):
    # Guards the reader (and a stale .mo): every entry it finds is what Django serves in Danish.
    assert danish["Next"] == "Næste"
    with translation.override("da"):
        assert {msgid: translation.gettext(msgid) for msgid in danish} == danish


def test_the_danish_invitation_says_what_the_danish_catalogue_says(danish, battery, invitation, token):
    [message] = mail.outbox
    title = battery.title["da"]
    assert message.subject == in_danish(danish, SUBJECT, title=title)
    assert message.to == ["sofie@example.dk"]
    body = message.body
    assert body.startswith(in_danish(danish, GREETING, name="Sofie Jensen"))
    assert in_danish(danish, INVITING, title=title) in body
    with translation.override("da"):
        date = formats.date_format(timezone.localtime(invitation.expires_at), "DATETIME_FORMAT")
    assert in_danish(danish, VALID_UNTIL, date=date) in body
    assert f"{settings.SITE_URL.rstrip('/')}/take/{token}/" in body.split()


def test_a_danish_reminder_says_it_is_a_reminder(danish, battery, invitation, token):
    mail.outbox.clear()
    services.invitation_send(invitation_id=invitation.id, reminder=True)
    [message] = mail.outbox
    title = battery.title["da"]
    assert message.subject == in_danish(danish, REMINDER_SUBJECT, title=title)
    assert in_danish(danish, REMINDING, title=title) in message.body
    assert f"/take/{token}/" in message.body
    assert Invitation.objects.get(id=invitation.id).reminded_at is not None


@pytest.mark.parametrize("language", ["en", "nb", "sv"])
def test_each_language_gets_the_battery_title_in_that_language(
    battery, recruiter, language, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.invitation_create(
            assessment=battery, email="a@example.com", name="Alex", language=language, user=recruiter
        )
    [message] = mail.outbox
    assert battery.title[language] in message.subject
    assert "Alex" in message.body


def test_no_email_goes_to_a_withdrawn_invitation(invitation):
    mail.outbox.clear()
    services.invitation_revoke(invitation=invitation)
    services.invitation_send(invitation_id=invitation.id)
    assert mail.outbox == []
