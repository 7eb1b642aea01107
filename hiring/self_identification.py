"""Recording candidates' voluntary self-identification (from an ATS export or by hand).

Every answer is optional: an answer may be "prefer not to say", and a missing answer is simply not
recorded. The answers are read only in aggregate (hiring/impact_selectors.py), never beside a name.
"""

from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hiring.models import PREFER_NOT_TO_SAY, Candidate, SelfIdAnswer, SelfIdQuestion
from servicefit.core.exceptions import ApplicationError


def self_id_questions_active(*, team_id: int) -> list[SelfIdQuestion]:
    return list(SelfIdQuestion.objects.filter(team_id=team_id, active=True).order_by("key"))


def self_id_answers_record(
    *, candidate: Candidate, answers: dict[str, str | None], user, given_at: datetime | None = None
) -> list[SelfIdAnswer]:
    """Record the candidate's answers by question key; None removes an answer. Every answer is
    checked before anything is written, so a bad one saves none."""
    questions = {q.key: q for q in self_id_questions_active(team_id=candidate.team_id)}
    errors: dict[str, list[str]] = {}
    for key, option in answers.items():
        question = questions.get(key)
        if question is None:
            errors[key] = [_("There is no active self-identification question %(key)r in this team.") % {"key": key}]
        elif option is not None and option != PREFER_NOT_TO_SAY and option not in question.options:
            errors[key] = [
                _("Choose one of: %(options)s.") % {"options": ", ".join([*question.options, PREFER_NOT_TO_SAY])}
            ]
    if errors:
        raise ApplicationError(_("The self-identification answers are not valid."), extra={"fields": errors})
    given_at = given_at or timezone.now()
    with transaction.atomic():
        removed = [questions[key].id for key, option in answers.items() if option is None]
        SelfIdAnswer.objects.filter(candidate=candidate, question_id__in=removed).delete()
        for key, option in answers.items():
            if option is not None:
                SelfIdAnswer.objects.update_or_create(
                    candidate=candidate,
                    question=questions[key],
                    defaults={"option": option, "given_at": given_at, "recorded_by": user},
                )
    return list(SelfIdAnswer.objects.filter(candidate=candidate).select_related("question").order_by("question__key"))
