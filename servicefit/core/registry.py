"""What the project needs from each app, registered by the app itself in `AppConfig.ready()`.

Core imports no app: an app adds its navigation area, its home-page panel, its part of the home
page's "what to do next", its demo data and the models the admin role manages by calling these
functions, the way `django.contrib.admin` finds `admin.py`. Adding an app is then its line in
INSTALLED_APPS and its URL include.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Area:
    """A navigation area: the app's URL namespace (its index page is `<namespace>:index`)."""

    namespace: str
    label: str
    order: int


@dataclass(frozen=True)
class HomePanel:
    """A card on the home page. `context(request)` returns its template context, or None to hide it."""

    template: str
    context: Callable
    order: int


@dataclass(frozen=True)
class WorkItem:
    """One line of the home page's "what to do next": how many records wait for the user, and the
    list that shows exactly those records. `urgent` marks what has a deadline (expiring links)."""

    label: str
    count: int
    url: str
    urgent: bool = False


@dataclass(frozen=True)
class FirstStep:
    """Where to start when nothing waits: a link for someone new to this part of the product."""

    label: str
    url: str


@dataclass(frozen=True)
class HomeWork:
    """An app's part of the home page. `items(user)` gives the work the user's roles make theirs
    (zero counts included; the page hides them), `first_steps(user)` what to do when nothing waits."""

    name: str
    items: Callable[..., list[WorkItem]]
    first_steps: Callable[..., list[FirstStep]]
    order: int


@dataclass(frozen=True)
class DemoLoader:
    """Loads an app's demo data; gets the demo users by username and returns a line for the console."""

    name: str
    load: Callable[..., str]
    order: int


@dataclass(frozen=True)
class ShippedData:
    """Rows an app's data migrations ship (the service types, say), which its demo needs. `flush`
    empties them too, and only `migrate` on an empty database loads them again. `label` says what
    they are, to people; `present()` tells whether they are there."""

    name: str
    label: str
    present: Callable[[], bool]


@dataclass(frozen=True)
class ErrorPages:
    """The error pages of the addresses under `prefix` (e.g. the candidate pages, which have a layout
    and a language of their own). `render(request, status)` returns the response; it must not read
    the request's query or body, which may be what was refused."""

    prefix: str
    render: Callable


_areas: dict[str, Area] = {}
_error_pages: dict[str, ErrorPages] = {}
_home_panels: dict[str, HomePanel] = {}
_home_work: dict[str, HomeWork] = {}
_demo_loaders: dict[str, DemoLoader] = {}
_shipped_data: dict[str, ShippedData] = {}
_admin_app_labels: set[str] = set()


def area_register(*, namespace: str, label, order: int) -> None:
    _areas[namespace] = Area(namespace=namespace, label=label, order=order)


def home_panel_register(*, template: str, context: Callable, order: int) -> None:
    _home_panels[template] = HomePanel(template=template, context=context, order=order)


def _nothing(user) -> list:
    return []


def home_work_register(
    *,
    name: str,
    items: Callable[..., list[WorkItem]] = _nothing,
    first_steps: Callable[..., list[FirstStep]] = _nothing,
    order: int,
) -> None:
    _home_work[name] = HomeWork(name=name, items=items, first_steps=first_steps, order=order)


def demo_loader_register(*, name: str, load: Callable[..., str], order: int) -> None:
    _demo_loaders[name] = DemoLoader(name=name, load=load, order=order)


def shipped_data_register(*, name: str, label, present: Callable[[], bool]) -> None:
    _shipped_data[name] = ShippedData(name=name, label=label, present=present)


def admin_models_register(*app_labels: str) -> None:
    """Apps whose models the admin role may manage in the Django admin."""
    _admin_app_labels.update(app_labels)


def error_pages_register(*, prefix: str, render: Callable) -> None:
    _error_pages[prefix] = ErrorPages(prefix=prefix, render=render)


def error_pages_for(path: str) -> ErrorPages | None:
    """The registered error pages with the longest prefix of `path`, if any."""
    matching = [pages for prefix, pages in _error_pages.items() if path.startswith(prefix)]
    return max(matching, key=lambda pages: len(pages.prefix), default=None)


def areas() -> list[Area]:
    return sorted(_areas.values(), key=lambda area: (area.order, area.namespace))


def home_panels() -> list[HomePanel]:
    return sorted(_home_panels.values(), key=lambda panel: (panel.order, panel.template))


def home_work() -> list[HomeWork]:
    return sorted(_home_work.values(), key=lambda work: (work.order, work.name))


def demo_loaders() -> list[DemoLoader]:
    return sorted(_demo_loaders.values(), key=lambda loader: (loader.order, loader.name))


def shipped_data_missing() -> list[str]:
    """The labels of the shipped data that is not there (after a flush)."""
    return sorted(str(data.label) for data in _shipped_data.values() if not data.present())


def admin_app_labels() -> frozenset[str]:
    return frozenset(_admin_app_labels)
