from django import forms
from django.utils.translation import gettext_lazy as _


class TeamChoiceMixin:
    """A form for a new record offers a team choice when the user may put it in more than one team.

    Pass `teams` (from `policies.team_choices`); left empty, the record goes to the user's own team.
    """

    def __init__(self, *args, teams=None, **kwargs):
        super().__init__(*args, **kwargs)
        if teams is not None and len(teams) > 1:
            self.fields["team"] = forms.ModelChoiceField(
                label=_("Team"), queryset=teams, required=False, empty_label=_("My team")
            )
