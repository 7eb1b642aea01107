"""Figures on the retention dashboard, in the reader's number format."""

from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def percent(value: float | None) -> str:
    # Rounded before formatting: number_format cuts the decimals off (2/3 would read 66 %).
    return "—" if value is None else f"{number_format(round(value * 100), 0)} %"
