"""An answer of the wrong JSON type is refused, even when Python would call it equal to a right one."""

import pytest

from assessments import services
from assessments.models import Answer, Attempt, Item

from .conftest import answer_for


@pytest.mark.parametrize("kind", [Item.Kind.SJT, Item.Kind.FORCED_CHOICE, Item.Kind.MCQ])
def test_it_refuses_an_option_id_written_as_a_decimal_number(client, battery, invitation, token, kind):
    services.attempt_start(invitation=invitation, consent=True)
    item = Item.objects.filter(section__assessment=battery, kind=kind).first()
    services.section_open(invitation=invitation, section_id=item.section_id)
    services.answer_save(invitation=invitation, item_id=item.id, value=answer_for(item))
    shown = Attempt.objects.get().layout["options"][str(item.id)][-1]

    response = client.put(
        f"/api/take/{token}/answers/{item.id}/", {"value": float(shown)}, content_type="application/json"
    )

    assert response.status_code == 422
    kept = Answer.objects.get(item=item).value
    assert kept == answer_for(item)
    assert type(kept) is int
