"""What assessments tells the apps above it, without knowing them (hiring listens; assessments
never imports hiring)."""

from django.dispatch import Signal

# Sent once the transaction that (re)computed a submitted attempt's result has committed: on submit
# and after a reviewer scores a written answer. Arguments: attempt_id, invitation_id.
attempt_scored = Signal()

# Sent when a candidate chooses another language on the assessment's pages, so that an app which
# keeps its own record of the person writes to them in it too. Arguments: invitation_id, language.
invitation_language_chosen = Signal()
