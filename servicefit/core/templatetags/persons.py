from django import template

from servicefit.core.persons import person_name as _person_name

register = template.Library()


@register.filter
def person_name(user) -> str:
    """`{{ agent.manager|person_name|default:"–" }}`: a name, never a username when a name is set."""
    return _person_name(user)
