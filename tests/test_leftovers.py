"""Raw codes and English left on pages a recruiter, HR user or team lead reads in Danish, Norwegian or
Swedish (found on the demo data)."""

import pytest
from django.urls import reverse

from workforce.models import AttritionModel

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "written"),
    [("da", "Medarbejderoplysninger"), ("nb", "Medarbeideropplysninger"), ("sv", "Medarbetaruppgifter")],
)
def test_it_names_the_source_of_the_risk_model_in_words(client, hr_user, language, written):
    # Was the code "agents" in the Source column of every language.
    AttritionModel.objects.create(
        kind="hazard", version=1, n_rows=100, positives=10, schema=[], schema_hash="x" * 64, parameters={}
    )
    AttritionModel.objects.update(source="agents")
    client.force_login(hr_user)
    page = client.get(reverse("workforce:attrition-models"), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    row = page.split("<tbody>")[1].split("</tr>")[0]
    assert written in row and "<td>agents</td>" not in row


def test_it_writes_a_models_row_count_as_the_readers_language_does(client, hr_user):
    # Was "6116" beside "35.040" on the traffic page.
    AttritionModel.objects.create(
        kind="hazard", version=1, n_rows=6116, positives=1288, schema=[], schema_hash="x" * 64, parameters={}
    )
    client.force_login(hr_user)
    page = client.get(reverse("workforce:attrition-models"), HTTP_ACCEPT_LANGUAGE="nb").content.decode()
    row = page.split("<tbody>")[1].split("</tr>")[0]
    assert "<td>6\xa0116</td><td>1\xa0288</td>" in row
