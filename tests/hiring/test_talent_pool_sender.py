"""The talent-pool renewal request names who is asking: it comes from the employer and is signed
with its name, as the candidate's other e-mails are; "our talent pool" from a no-reply address,
signed "the recruitment team", did not say whose pool it was."""

import pytest
from django.core import mail

from hiring import talent_pool
from servicefit.core.employer import employer_profile_update

from .privacy_factories import candidate_make, pooled

SIGN_OFFS = {"da": "Venlig hilsen", "nb": "Vennlig hilsen", "sv": "Vänliga hälsningar", "en": "Kind regards"}


@pytest.mark.parametrize("language", ["da", "nb", "sv", "en"])
def test_it_comes_from_and_is_signed_by_the_employer(recruiter, language):
    employer_profile_update(
        name="Nordlys Energi", sender_name="", sender_email="job@nordlys.example", candidate_feedback=False, logo=None
    )
    entry = pooled(recruiter, candidate_make(recruiter, language=language), expires_in_days=20)

    talent_pool.talent_pool_renewal_request(entry_id=entry.id)

    [message] = mail.outbox
    assert message.from_email == '"Nordlys Energi" <job@nordlys.example>'
    assert message.body.rstrip().endswith(f"{SIGN_OFFS[language]}\nNordlys Energi")


def test_without_an_employer_name_the_recruitment_team_signs(recruiter):
    entry = pooled(recruiter, candidate_make(recruiter, language="da"), expires_in_days=20)
    talent_pool.talent_pool_renewal_request(entry_id=entry.id)
    [message] = mail.outbox
    assert message.body.rstrip().endswith("Venlig hilsen\nRekrutteringsteamet")
