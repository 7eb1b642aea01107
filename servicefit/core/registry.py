"""What the project needs from each app, registered by the app itself in `AppConfig.ready()`.

Core imports no app: an app adds its navigation area, its home-page panel, its demo data and the
models the admin role manages by calling these functions, the way `django.contrib.admin` finds
`admin.py`. Adding an app is then its line in INSTALLED_APPS and its URL include.
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
class DemoLoader:
    """Loads an app's demo data; gets the demo users by username and returns a line for the console."""

    name: str
    load: Callable[..., str]
    order: int


_areas: dict[str, Area] = {}
_home_panels: dict[str, HomePanel] = {}
_demo_loaders: dict[str, DemoLoader] = {}
_admin_app_labels: set[str] = set()


def area_register(*, namespace: str, label, order: int) -> None:
    _areas[namespace] = Area(namespace=namespace, label=label, order=order)


def home_panel_register(*, template: str, context: Callable, order: int) -> None:
    _home_panels[template] = HomePanel(template=template, context=context, order=order)


def demo_loader_register(*, name: str, load: Callable[..., str], order: int) -> None:
    _demo_loaders[name] = DemoLoader(name=name, load=load, order=order)


def admin_models_register(*app_labels: str) -> None:
    """Apps whose models the admin role may manage in the Django admin."""
    _admin_app_labels.update(app_labels)


def areas() -> list[Area]:
    return sorted(_areas.values(), key=lambda area: (area.order, area.namespace))


def home_panels() -> list[HomePanel]:
    return sorted(_home_panels.values(), key=lambda panel: (panel.order, panel.template))


def demo_loaders() -> list[DemoLoader]:
    return sorted(_demo_loaders.values(), key=lambda loader: (loader.order, loader.name))


def admin_app_labels() -> frozenset[str]:
    return frozenset(_admin_app_labels)
