"""How a page names a user: by their name, or by their username when no name is set."""

from django.db.models import Case, QuerySet, Value, When
from django.db.models.functions import Concat, Lower, Trim


def person_name(user) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def persons_by_name(users: QuerySet) -> QuerySet:
    """`users` in the order a list of their names reads (`person_name`), not by username."""
    full_name = Trim(Concat("first_name", Value(" "), "last_name"))
    shown = Case(When(first_name="", last_name="", then="username"), default=full_name)
    return users.order_by(Lower(shown), "username")
