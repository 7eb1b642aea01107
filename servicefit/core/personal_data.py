"""The personal-data registry: each app that holds data about people registers a handler here.

An app registers in its `AppConfig.ready()`; the services in `servicefit.core.services` then export
or erase a person across every registered app. Core knows no app: it only knows the handlers.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from django.db.models import Model


@dataclass(frozen=True)
class Subject:
    """A person, identified by e-mail address (compared case-insensitively), a record reference
    (the id other apps use for the same person, e.g. a candidate id) and/or an employee number (the
    HR system's, for an employee imported without an e-mail address)."""

    email: str = ""
    reference: int | None = None
    employee_number: str = ""

    def __post_init__(self):
        object.__setattr__(self, "email", self.email.strip().lower())
        object.__setattr__(self, "employee_number", self.employee_number.strip())
        if not self.email and self.reference is None and not self.employee_number:
            raise ValueError("A subject needs an e-mail address, a record reference or an employee number.")


@dataclass(frozen=True)
class PersonalDataHandler:
    """What one app holds about people.

    `find` returns the app's records of a subject (model instances), `export` turns records into a
    JSON-able dict, `erase` removes or anonymises them (it runs inside the caller's transaction and
    must raise, not swallow, when it cannot finish). `models` lists every model whose rows hold the
    category's personal data: the access log derives the category from them. `related` returns the
    (model, pk) pairs of every row `erase` touches, so their admin history can be scrubbed and the
    erasure page can say beforehand what will go. `label` names the category to people, `kept` says
    in a sentence what erasure keeps as an anonymous record, and why (both translated).
    """

    category: str
    models: tuple[type[Model], ...]
    find: Callable[[Subject], Sequence[Model]]
    export: Callable[[Sequence[Model]], dict]
    erase: Callable[[Sequence[Model], object], None]
    related: Callable[[Sequence[Model]], list[tuple[type[Model], object]]] = field(
        default=lambda records: [(type(record), record.pk) for record in records]
    )
    label: object = ""
    kept: object = ""


_handlers: dict[str, PersonalDataHandler] = {}


def personal_data_handler_register(handler: PersonalDataHandler) -> None:
    registered = _handlers.get(handler.category)
    if registered is not None and registered != handler:
        raise ValueError(f"A personal-data handler for {handler.category!r} is already registered.")
    taken = {model: h.category for h in _handlers.values() for model in h.models if h.category != handler.category}
    clash = [model._meta.label for model in handler.models if model in taken]
    if clash:
        raise ValueError(f"{clash} already belong to another personal-data category.")
    _handlers[handler.category] = handler


def personal_data_handlers() -> list[PersonalDataHandler]:
    return list(_handlers.values())


def personal_data_handler(category: str) -> PersonalDataHandler:
    try:
        return _handlers[category]
    except KeyError:
        raise LookupError(f"No personal-data handler is registered for {category!r}.") from None


def personal_data_category(model: type[Model]) -> str:
    """The category of a model's personal data; an unregistered model is a programming error, so
    that nobody logs access to people's data under a made-up name."""
    for handler in _handlers.values():
        if model in handler.models:
            return handler.category
    raise LookupError(f"{model._meta.label} is in no personal-data handler's models; register it first.")
