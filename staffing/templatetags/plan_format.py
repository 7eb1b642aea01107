from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def share(value: float | None, digits: int = 1) -> str:
    """0.0296 → "3.0 %" in the reader's locale (— when unknown)."""
    if value is None:
        return "—"
    return f"{number_format(round(value * 100, digits), digits)} %"
