"""Pulse surveys: HR creates one, opens it (every active agent with an e-mail gets a personal link),
agents answer once from the link, HR closes it. Results are read in workforce/pulse_selectors.py.

A link's token is `<public_id>.<signature>` like the assessment invitations': the signature is an HMAC
of the public id under the server's secret (its own salt), so the token is never stored.
"""

import re
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import formats, timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from servicefit.core.exceptions import ApplicationError
from servicefit.core.languages import DEFAULT_LANGUAGE
from servicefit.core.models import Team
from servicefit.core.policies import PULSE_MANAGE
from servicefit.core.teams import team_ids_with_descendants
from workforce.models import Agent, EmploymentStatus, PulseInvitation, PulseResponse, PulseSurvey, SurveyStatus

TOKEN_SALT = "servicefit.workforce.pulse"  # noqa: S105 (an HMAC salt, not a secret)
# A UUID, a dot, 32 hex digits. Anything else (NUL bytes, junk, overlong guesses) is refused before
# it reaches the database.
TOKEN_SHAPE = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.[0-9a-f]{32}")
COUNTRY_LANGUAGES = {"DK": "da", "NO": "nb", "SE": "sv"}
MAX_TITLE = 200

# The questions, their scales and the field each answer goes to; pages, API and e-mail use these.
RECOMMEND_SCALE = range(0, 11)
AGREEMENT_SCALE = range(1, 6)
ANSWER_SCALES = {
    "recommend": RECOMMEND_SCALE,
    "workload": AGREEMENT_SCALE,
    "growth": AGREEMENT_SCALE,
    "manager_support": AGREEMENT_SCALE,
}

RECOMMEND_QUESTION = gettext_lazy("How likely is it that you would recommend us as a place to work?")
AGREEMENT_ITEMS = {
    "workload": gettext_lazy("My workload is manageable."),
    "growth": gettext_lazy("I am growing here."),
    "manager_support": gettext_lazy("My manager supports me."),
}
AGREEMENT_LABELS = {
    1: gettext_lazy("Strongly disagree"),
    2: gettext_lazy("Disagree"),
    3: gettext_lazy("Neither"),
    4: gettext_lazy("Agree"),
    5: gettext_lazy("Strongly agree"),
}


def pulse_questions() -> list[dict]:
    """[{"name", "text", "min", "max", "labels": {value: label}}], in the active language."""
    recommend = {"name": "recommend", "text": str(RECOMMEND_QUESTION), "min": 0, "max": 10, "labels": {}}
    labels = {value: str(label) for value, label in AGREEMENT_LABELS.items()}
    items = [
        {"name": name, "text": str(text), "min": 1, "max": 5, "labels": labels}
        for name, text in AGREEMENT_ITEMS.items()
    ]
    return [recommend, *items]


# Surveys ------------------------------------------------------------------------------------------


def pulse_survey_create(*, user, title: str, opens_on: date, closes_on: date, team: Team | None = None) -> PulseSurvey:
    survey = PulseSurvey(
        title=(title or "").strip(), team=team, opens_on=opens_on, closes_on=closes_on, created_by=user
    )
    errors = {}
    if team is not None and not PULSE_MANAGE.allows_team(user, team.id):
        errors["team"] = _("Choose one of your teams.")
    if not survey.title:
        errors["title"] = _("Give the survey a title.")
    if opens_on and closes_on and closes_on < opens_on:
        errors["closes_on"] = _("The closing date must be on or after the opening date.")
    if errors:
        raise ApplicationError(next(iter(errors.values())), extra={"fields": errors})
    try:
        survey.full_clean()
    except ValidationError as exc:
        raise ApplicationError(
            " ".join(exc.messages), extra={"fields": {k: " ".join(v) for k, v in exc.message_dict.items()}}
        ) from None
    survey.save()
    return survey


def survey_agents(*, survey: PulseSurvey):
    """The agents a survey is sent to: active, with an e-mail, in its team (and the teams below it)."""
    agents = Agent.objects.filter(employment_status=EmploymentStatus.ACTIVE).exclude(email="")
    if survey.team_id is not None:
        agents = agents.filter(team_id__in=team_ids_with_descendants([survey.team_id]))
    return agents


def _lock(survey: PulseSurvey) -> None:
    """Locks the survey's row for the transaction and brings the caller's instance up to date."""
    PulseSurvey.objects.select_for_update().filter(pk=survey.pk).values_list("pk").first()
    survey.refresh_from_db()


def pulse_survey_open(*, survey: PulseSurvey, user=None) -> int:
    """Opens a draft survey and sends each of its agents a link (after commit, one task each).
    Returns how many links go out."""
    from workforce.tasks import pulse_invitation_send_task

    with transaction.atomic():
        _lock(survey)
        if survey.status == SurveyStatus.OPEN:
            raise ApplicationError(_("This survey is already open."), status=409)
        if survey.status == SurveyStatus.CLOSED:
            raise ApplicationError(_("A closed survey cannot be opened again. Create a new one."), status=409)
        if survey.closes_on < timezone.localdate():
            raise ApplicationError(
                _("The survey's closing date has passed. Change it before opening the survey."),
                extra={"fields": {"closes_on": _("The closing date has passed.")}},
            )
        agent_ids = list(survey_agents(survey=survey).values_list("id", flat=True))
        if not agent_ids:
            raise ApplicationError(_("No active agent with an e-mail address belongs to this survey's team."))
        PulseInvitation.objects.bulk_create(
            [PulseInvitation(survey=survey, agent_id=agent_id) for agent_id in agent_ids], ignore_conflicts=True
        )
        survey.status = SurveyStatus.OPEN
        survey.save(update_fields=["status", "updated_at"])
        invitation_ids = list(survey.invitations.filter(sent_at__isnull=True).values_list("id", flat=True))
        transaction.on_commit(lambda: [pulse_invitation_send_task.delay(i) for i in invitation_ids])
    return len(invitation_ids)


def pulse_survey_close(*, survey: PulseSurvey, user=None) -> PulseSurvey:
    """Closes an open survey; its links stop working. Closing a closed survey changes nothing."""
    with transaction.atomic():
        _lock(survey)
        if survey.status == SurveyStatus.DRAFT:
            raise ApplicationError(_("This survey has not been opened yet."), status=409)
        if survey.status == SurveyStatus.OPEN:
            survey.status = SurveyStatus.CLOSED
            survey.save(update_fields=["status", "updated_at"])
    return survey


def pulse_surveys_close_due() -> int:
    """Closes the open surveys whose closing date has passed (the nightly task)."""
    due = PulseSurvey.objects.filter(status=SurveyStatus.OPEN, closes_on__lt=timezone.localdate())
    return due.update(status=SurveyStatus.CLOSED, updated_at=timezone.now())


# Links and e-mail ---------------------------------------------------------------------------------


def agent_language(agent: Agent) -> str:
    """The language of the agent's team's country (the nearest team up the tree that has one)."""
    team, seen = agent.team, set()
    while team is not None and team.id not in seen:
        if team.country:
            return COUNTRY_LANGUAGES.get(team.country, DEFAULT_LANGUAGE)
        seen.add(team.id)
        team = team.parent
    return DEFAULT_LANGUAGE


def pulse_token(invitation: PulseInvitation) -> str:
    public_id = str(invitation.public_id)
    signature = salted_hmac(TOKEN_SALT, public_id, algorithm="sha256").hexdigest()[:32]
    return f"{public_id}.{signature}"


def pulse_invitation_signed(token: str) -> PulseInvitation | None:
    """The invitation whose link this is, whatever its survey's state; None for a link we did not make."""
    if not TOKEN_SHAPE.fullmatch(token):
        return None
    invitation = (
        PulseInvitation.objects.select_related("survey", "agent__team__parent__parent")
        .filter(public_id=token.partition(".")[0])
        .first()
    )
    if invitation is None or not constant_time_compare(pulse_token(invitation), token):
        return None
    return invitation


def pulse_invitation_for_token(token: str, *, for_writing: bool = False) -> PulseInvitation:
    """The invitation a link belongs to, or the error its holder should see."""
    return pulse_invitation_usable(pulse_invitation_signed(token), for_writing=for_writing)


def pulse_invitation_usable(invitation: PulseInvitation | None, *, for_writing: bool = False) -> PulseInvitation:
    """The invitation (of pulse_invitation_signed) if its link can be used, else the error its holder
    should see, in the active language."""
    invalid = ApplicationError(_("This link is not valid. Check that you copied the whole link."), status=404)
    if invitation is None:
        raise invalid
    survey = invitation.survey
    if survey.status == SurveyStatus.DRAFT:
        raise invalid
    if invitation.answered_at is None and not survey_accepts_answers(survey):
        raise ApplicationError(
            _("This survey closed on %(date)s. Thank you for your interest.")
            % {"date": formats.date_format(survey.closes_on, "SHORT_DATE_FORMAT")},
            status=410,
        )
    if for_writing and invitation.answered_at is not None:
        raise ApplicationError(_("You have already answered this survey. Thank you!"), status=409)
    return invitation


def survey_accepts_answers(survey: PulseSurvey) -> bool:
    return survey.status == SurveyStatus.OPEN and survey.closes_on >= timezone.localdate()


def pulse_invitation_send(*, invitation_id: int) -> None:
    """E-mails the link in the agent's language. Safe to run twice: the send is claimed first."""
    from workforce.pulse_emails import pulse_invitation_email

    invitation = (
        PulseInvitation.objects.select_related("survey", "agent__team__parent__parent").filter(id=invitation_id).first()
    )
    if invitation is None or invitation.answered_at is not None or not survey_accepts_answers(invitation.survey):
        return
    if not invitation.agent.email:
        return
    claimed = PulseInvitation.objects.filter(id=invitation.id, sent_at__isnull=True).update(sent_at=timezone.now())
    if not claimed:
        return
    try:
        pulse_invitation_email(invitation, pulse_token(invitation), language=agent_language(invitation.agent)).send()
    except Exception:
        # Not sent: give the link back, so a retry of the task sends it; the error goes to the logs.
        PulseInvitation.objects.filter(id=invitation.id).update(sent_at=None)
        raise


# Answers ------------------------------------------------------------------------------------------


def pulse_answers_clean(data: dict) -> dict[str, int]:
    """Whole numbers on each question's scale, or an ApplicationError naming each bad answer."""
    cleaned, errors = {}, {}
    for name, scale in ANSWER_SCALES.items():
        value = data.get(name)
        if isinstance(value, str):
            value = int(value) if value.isascii() and value.isdigit() and len(value) <= 2 else value
        if isinstance(value, bool) or not isinstance(value, int) or value not in scale:
            if value is None or value == "":
                errors[name] = _("Please answer this question.")
            else:
                errors[name] = _("Choose a whole number from %(low)d to %(high)d.") % {
                    "low": scale.start,
                    "high": scale.stop - 1,
                }
            continue
        cleaned[name] = value
    if errors:
        raise ApplicationError(_("Please answer every question."), extra={"fields": errors})
    return cleaned


def pulse_answer_submit(*, invitation: PulseInvitation, answers: dict) -> PulseResponse:
    """Records the one answer a link allows: validated first, then claimed and saved in one transaction."""
    cleaned = pulse_answers_clean(answers)
    with transaction.atomic():
        survey = PulseSurvey.objects.select_for_update().get(pk=invitation.survey_id)
        if not survey_accepts_answers(survey):
            raise ApplicationError(_("This survey is closed."), status=410)
        claimed = PulseInvitation.objects.filter(id=invitation.id, answered_at__isnull=True).update(
            answered_at=timezone.now()
        )
        if not claimed:
            raise ApplicationError(_("You have already answered this survey. Thank you!"), status=409)
        agent = Agent.objects.only("id", "team_id").get(pk=invitation.agent_id)
        return PulseResponse.objects.create(
            survey=survey, agent=agent, team_id=agent.team_id, answered_on=timezone.localdate(), **cleaned
        )
