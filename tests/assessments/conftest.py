import pytest

from assessments import services
from assessments.models import Assessment, Item

SLUG = "service-profile-standard"


@pytest.fixture
def battery(db):
    return Assessment.objects.get(slug=SLUG)


@pytest.fixture
def invitation(battery, recruiter, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return services.invitation_create(
            assessment=battery, email="sofie@example.dk", name="Sofie Jensen", language="da", user=recruiter
        )


@pytest.fixture
def token(invitation):
    return services.invitation_token(invitation)


def answer_for(item: Item, rng_value: int = 4):
    """A valid answer for any item kind."""
    if item.kind == "likert":
        return rng_value
    if item.kind == "text":
        return "Hej Anna. Jeg kan se, at du er blevet trukket to gange. Jeg sørger for, at pengene er tilbage i morgen."
    return item.options.order_by("order").first().id
