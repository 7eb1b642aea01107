"""The agent's pulse page, reached from the e-mailed link. No account: the token is the credential.

Rate-limited on the candidate pages' counters (per client address before the link is looked up, then
per link), never cached, and in the agent's language (their team's country) unless they pick another.
"""

import math
from types import SimpleNamespace

from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from assessments.api import TakeAddressThrottle, TakeTokenThrottle
from assessments.take_errors import link_error_page
from servicefit.core.exceptions import ApplicationError
from servicefit.core.languages import LANGUAGE_CODES, NATIVE_NAMES
from workforce import pulse
from workforce.models import PulseInvitation


def pulse_page(view):
    """Limits the rate, checks the token, speaks the agent's language, shows link errors as a page.

    CSRF is off: the token in the URL is the credential and a forged cross-site request cannot know it.
    """

    @csrf_exempt
    def wrapped(request, token, *args, **kwargs):
        asked = request.GET.get("lang") if request.GET.get("lang") in LANGUAGE_CODES else None
        if (wait := _throttle_wait(request, token, TakeAddressThrottle)) is not None:
            return _too_many(request, wait, asked or translation.get_language())
        # A link we made speaks its agent's language even when it can no longer be used (a closed
        # survey); only a link we cannot place falls back to the browser's.
        signed = pulse.pulse_invitation_signed(token)
        known = pulse.agent_language(signed.agent) if signed is not None else None
        with translation.override(asked or known or translation.get_language()):
            try:
                invitation = pulse.pulse_invitation_usable(signed)
            except ApplicationError as exc:
                response = render(
                    request, "workforce/pulse/answer_error.html", {"message": exc.message}, status=exc.status
                )
                return _private(response)
        if (wait := _throttle_wait(request, token, TakeTokenThrottle)) is not None:
            return _too_many(request, wait, asked or pulse.agent_language(invitation.agent))
        language = asked or pulse.agent_language(invitation.agent)
        request.link_language = language  # for pulse_error_page, should the view fail
        with translation.override(language):
            return _private(view(request, invitation, token, language, *args, **kwargs))

    wrapped.candidate_page = True  # public, token-only (tests/test_permissions.py)
    wrapped.checks_own_text = True  # answers bad input in the agent's language (servicefit.core.middleware)
    return wrapped


PULSE_PREFIX = "/pulse/"
# The pulse e-mails come from no one a reply would reach, so the link's own words stand in for "reply".
PULSE_ERROR_TEXTS = {404: (_lazy("Not found"), _lazy("This link is not valid. Check that you copied the whole link."))}


def pulse_error_page(request, status: int):
    """The error pages of /pulse/ (registered in AppConfig.ready()): an address under a link, a request
    over Django's limits, a server error. In the agent's language when the link is known, else the
    browser's; a server error does not look the link up (the database may be what failed)."""
    language = getattr(request, "link_language", None)
    if language is None and status != 500:
        invitation = pulse.pulse_invitation_signed(request.path.removeprefix(PULSE_PREFIX).split("/", 1)[0])
        language = pulse.agent_language(invitation.agent) if invitation is not None else None
    return link_error_page(
        status, language=language or translation.get_language(), reply=False, texts=PULSE_ERROR_TEXTS
    )


def _throttle_wait(request, token: str, throttle_class) -> float | None:
    throttle = throttle_class()
    if throttle.allow_request(request, SimpleNamespace(kwargs={"token": token})):
        return None
    return throttle.wait() or 1


def _too_many(request, wait: float, language: str):
    seconds = math.ceil(wait)
    with translation.override(language):
        response = render(request, "assessments/take/busy.html", {"seconds": seconds}, status=429)
    response["Retry-After"] = str(seconds)
    return _private(response)


def _private(response):
    """Never cached (a shared computer must not show the page again) and never indexed."""
    response["Cache-Control"] = "no-store"
    response.setdefault("X-Robots-Tag", "noindex")
    return response


def _context(invitation: PulseInvitation, token: str, language: str) -> dict:
    return {
        "invitation": invitation,
        "survey": invitation.survey,
        "token": token,
        "language": language,
        "view": {"title": invitation.survey.title},
        "languages": [(code, NATIVE_NAMES[code]) for code in LANGUAGE_CODES],
    }


def _questions(chosen: dict, errors: dict) -> list[dict]:
    return [
        {
            **question,
            "kind": "nps" if question["name"] == "recommend" else "agreement",
            "error": errors.get(question["name"]),
            "options": [
                {"value": v, "label": question["labels"].get(v, ""), "checked": chosen.get(question["name"]) == str(v)}
                for v in range(question["min"], question["max"] + 1)
            ],
        }
        for question in pulse.pulse_questions()
    ]


@require_http_methods(["GET", "POST"])
@pulse_page
def answer(request, invitation, token, language):
    context = _context(invitation, token, language)
    if request.method == "GET" and invitation.answered_at is not None:
        return render(request, "workforce/pulse/answer_done.html", {**context, "already": True})
    errors, chosen, status, message = {}, {}, 200, None
    if request.method == "POST":
        chosen = {name: request.POST.get(name, "") for name in pulse.ANSWER_SCALES}
        try:
            pulse.pulse_answer_submit(invitation=invitation, answers=chosen)
        except ApplicationError as exc:
            if exc.status == 409:
                return render(
                    request, "workforce/pulse/answer_done.html", {**context, "already": True}, status=exc.status
                )
            if exc.status == 410:
                return render(request, "workforce/pulse/answer_error.html", {"message": exc.message}, status=410)
            errors, status, message = exc.extra.get("fields", {}), exc.status, exc.message
        else:
            return redirect(reverse("pulse:thanks", args=[token]) + f"?lang={language}")
    return render(
        request,
        "workforce/pulse/answer.html",
        {**context, "questions": _questions(chosen, errors), "message": message},
        status=status,
    )


@require_GET
@pulse_page
def thanks(request, invitation, token, language):
    if invitation.answered_at is None:
        return redirect("pulse:answer", token=token)
    return render(request, "workforce/pulse/answer_done.html", _context(invitation, token, language))
