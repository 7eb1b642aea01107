"""Two presses of "Submit my answers" (or two tabs) that reach the server together: the second finds
the answers submitted by the first and goes to the thank-you page, not to an error on the summary."""

from django.test import Client
from pytest_django.asserts import assertRedirects

from assessments import services
from assessments.models import Invitation

from .factories import answer_all, items_of


def test_the_second_of_two_simultaneous_submits_lands_on_the_thank_you_page(battery, invitation, token, monkeypatch):
    services.attempt_start(invitation=invitation, consent=True)
    answer_all(invitation, items_of(battery))
    # The second request read the link before the first one's submission was committed.
    read_before = Invitation.objects.select_related("assessment", "attempt").get(id=invitation.id)
    services.attempt_submit(invitation=invitation)
    monkeypatch.setattr(services, "invitation_signed", lambda token: read_before)

    response = Client().post(f"/take/{token}/finish/")

    assertRedirects(response, f"/take/{token}/done/", fetch_redirect_response=False)
