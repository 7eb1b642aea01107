from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from servicefit.core.exceptions import ApplicationError
from servicefit.core.models import Team
from servicefit.core.policies import AGENT_WRITE
from workforce.models import RetentionSettings


@transaction.atomic
def retention_settings_save(*, team: Team, replacement_cost: Decimal, user) -> RetentionSettings:
    """Set what one voluntary exit costs the team (HR's master data)."""
    if not AGENT_WRITE.allows_team(user, team.id):
        raise ApplicationError(_("You cannot change that team's settings."), extra={"fields": {"team": ["forbidden"]}})
    setting = RetentionSettings.objects.filter(team=team).first() or RetentionSettings(team=team)
    setting.replacement_cost = replacement_cost
    setting.full_clean()
    setting.save()
    return setting
