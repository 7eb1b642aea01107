from django import template
from django.utils.formats import get_format, number_format

register = template.Library()


@register.filter
def share(value: float | None, digits: int = 1) -> str:
    """0.0296 → "3.0 %" in the reader's locale (— when unknown)."""
    if value is None:
        return "—"
    return f"{number_format(round(value * 100, digits), digits)} %"


def short_number(value: float) -> str:
    """80.0 → "80", 87.5 → "87,5" in Danish: as few digits as the value needs, in the reader's locale, as a
    form field shows it and reads it back."""
    return f"{value:g}".replace(".", get_format("DECIMAL_SEPARATOR"))
