"""The candidate's talent-pool page: no account, the link's token is the credential. They renew or
withdraw their consent there, in their own language. Rate-limited on the assessment links' counters
(per client address before the link is looked up, then per link)."""

import math
from types import SimpleNamespace

from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from assessments.api import TakeAddressThrottle, TakeTokenThrottle
from assessments.take_errors import link_error_page
from hiring import talent_pool
from servicefit.core.exceptions import ApplicationError
from servicefit.core.languages import LANGUAGE_CODES

TEMPLATE = "hiring/talent_pool/consent.html"
TALENT_POOL_PREFIX = "/talent-pool/"


def talent_pool_error_page(request, status: int):
    """The error pages of /talent-pool/ (registered in AppConfig.ready()): an address under a link, a
    request over Django's limits, a server error. In the candidate's language when the link is known,
    else the browser's; a server error does not look the link up (the database may be what failed)."""
    language = getattr(request, "link_language", None)
    if language is None and status != 500:
        entry = talent_pool.talent_pool_entry_signed(request.path.removeprefix(TALENT_POOL_PREFIX).split("/", 1)[0])
        language = entry.candidate.language if entry is not None else None
    return link_error_page(status, language=language or translation.get_language())


def _throttle_wait(request, token: str, throttle_class) -> float | None:
    throttle = throttle_class()
    if throttle.allow_request(request, SimpleNamespace(kwargs={"token": token})):
        return None
    return throttle.wait() or 1


def _private(response):
    response.setdefault("Cache-Control", "no-store")
    response.setdefault("X-Robots-Tag", "noindex")
    return response


def _page(request, language: str, context: dict, status: int = 200):
    with translation.override(language):
        context = {"view": {"title": _("Talent pool")}, **context}
        return _private(render(request, TEMPLATE, context, status=status))


@csrf_exempt
@require_http_methods(["GET", "POST"])
def consent(request, token):
    # CSRF is off as on the assessment links: the token in the URL is the credential, and a
    # cross-site request cannot know it.
    asked = request.GET.get("lang") if request.GET.get("lang") in LANGUAGE_CODES else None
    fallback = asked or translation.get_language()
    if (wait := _throttle_wait(request, token, TakeAddressThrottle)) is not None:
        return _too_many(request, wait, fallback)
    try:
        entry = talent_pool.talent_pool_entry_for_token(token)
    except ApplicationError as exc:
        # In the candidate's language when the link names them (a consent that ran out), otherwise
        # in the language asked for or the browser's.
        language = exc.extra.get("language", fallback)
        return _page(request, language, {"error": exc.message}, status=exc.status)
    if (wait := _throttle_wait(request, token, TakeTokenThrottle)) is not None:
        return _too_many(request, wait, entry.candidate.language)
    language = entry.candidate.language
    request.link_language = language  # for talent_pool_error_page, should the page fail
    done = None
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "renew":
            entry = talent_pool.talent_pool_renew(entry=entry)
            done = "renewed"
        elif action == "withdraw":
            talent_pool.talent_pool_withdraw(entry=entry)
            return _page(request, language, {"done": "withdrawn"})
        else:
            with translation.override(language):
                message = _("Choose whether to stay in the talent pool or to leave it.")
            return _page(request, language, {"entry": entry, "error": message}, status=400)
    return _page(request, language, {"entry": entry, "done": done})


consent.candidate_page = True
consent.checks_own_text = True


def _too_many(request, wait: float, language: str):
    seconds = math.ceil(wait)
    with translation.override(language):
        response = render(request, "assessments/take/busy.html", {"seconds": seconds}, status=429)
    response["Retry-After"] = str(seconds)
    return _private(response)
