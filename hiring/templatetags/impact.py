"""Figures on the adverse-impact page, in the reader's number format."""

from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def percent(value: float | None) -> str:
    return "—" if value is None else f"{number_format(value * 100, 0)} %"


@register.filter
def p_value(value: float | None) -> str:
    # Below 0.001 the digits say nothing more: the difference is very unlikely to be chance.
    if value is None:
        return "—"
    return f"< {number_format(0.001, 3)}" if value < 0.001 else number_format(value, 3)
