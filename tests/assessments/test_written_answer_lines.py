"""A written answer sent by the page's form (no JavaScript) arrives with CRLF line breaks, while the
text box counted each line break as one character: the answer is kept as the candidate typed it."""

from django.test import Client
from django.utils import translation

from assessments import services
from assessments.models import Answer, Attempt, Item
from assessments.services.attempts import MAX_TEXT_ANSWER


def test_it_keeps_a_full_length_answer_with_line_breaks_from_the_form(battery, invitation, token):
    services.attempt_start(invitation=invitation, consent=True)
    item = Item.objects.filter(section__assessment=battery, kind=Item.Kind.TEXT).first()
    services.section_open(invitation=invitation, section_id=item.section_id)
    number = Attempt.objects.get().layout["sections"].index(item.section_id) + 1
    typed = ("Hej Anna." + "\n" + "x" * 89 + "\n") * 50  # 5000 characters as the text box counts them
    assert len(typed) == MAX_TEXT_ANSWER

    response = Client().post(f"/take/{token}/part/{number}/", {f"item-{item.id}": typed.replace("\n", "\r\n")})

    with translation.override("da"):
        too_long = translation.gettext("Your answer is longer than %(n)s characters.") % {"n": MAX_TEXT_ANSWER}
    assert too_long not in response.content.decode()
    assert Answer.objects.get(item=item).value == typed


def test_the_same_answer_saved_by_script_and_by_form_is_the_same_text(client, battery, invitation, token):
    services.attempt_start(invitation=invitation, consent=True)
    item = Item.objects.filter(section__assessment=battery, kind=Item.Kind.TEXT).first()
    services.section_open(invitation=invitation, section_id=item.section_id)

    services.answer_save(invitation=invitation, item_id=item.id, value="Hej Anna,\r\nvi ordner det.\rHilsen Bo")

    assert Answer.objects.get(item=item).value == "Hej Anna,\nvi ordner det.\nHilsen Bo"
