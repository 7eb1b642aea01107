"""`{{ revision.analysis|verdict_word }}`: a saved analysis's verdict in the reader's language."""

from django import template

from hiring.evidence import verdict_word as word_for

register = template.Library()


@register.filter
def verdict_word(value) -> str:
    """The verdict of an analysis dict, or of a verdict code; "—" when there is none."""
    if isinstance(value, dict):
        value = (value.get("verdict") or {}).get("code")
    return word_for(value)
