"""The People area's own menu: the pages of workforce a user may open, in one row under the heading."""

from django import template
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from servicefit.core.policies import AGENT_READ, AGENT_WRITE, ATTRITION_MODEL_MANAGE, RETENTION_READ

register = template.Library()

# (URL name, label, policy): in the order a team lead or HR works through them.
PAGES = (
    ("workforce:index", _("Agents"), AGENT_READ),
    ("workforce:team", _("My team at a glance"), AGENT_READ),
    ("workforce:retention", _("Retention"), RETENTION_READ),
    ("workforce:at-risk", _("At risk of leaving"), RETENTION_READ),
    ("workforce:pulse-list", _("Pulse surveys"), RETENTION_READ),
    ("workforce:agent-import", _("Import from HR system"), AGENT_WRITE),
    ("workforce:attrition-models", _("Attrition models"), ATTRITION_MODEL_MANAGE),
)


@register.inclusion_tag("workforce/_people_nav.html", takes_context=True)
def people_nav(context):
    request = context["request"]
    links = []
    for name, label, policy in PAGES:
        if policy.allows(request.user):
            url = reverse(name)
            links.append({"url": url, "label": label, "current": request.path == url})
    return {"links": links}
