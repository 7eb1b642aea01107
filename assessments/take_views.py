"""The candidate's pages. No account: the link's token is the credential, checked on every request.

Every page works without JavaScript (each section is a form that saves on "Next"); with it, each
answer is saved the moment it is given (assessments/static… js/take.js), and the page says when
it is offline and when everything is saved.
"""

import math
from types import SimpleNamespace

from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import translation
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from assessments import kinds, selectors, services
from assessments.api import TakeAddressThrottle, TakeTokenThrottle
from assessments.models import Invitation
from servicefit.core.exceptions import ApplicationError
from servicefit.core.languages import LANGUAGE_CODES, NATIVE_NAMES


def candidate_page(view):
    """Limits the rate, checks the token, speaks the candidate's language, and shows link errors
    as a page.

    The limits are the candidate API's, on the same counters: per client address before the link
    is looked up (guessing links costs the guesser, not the database), then per link.

    CSRF is off for these pages: the token in the URL is the credential, a forged cross-site
    request cannot know it, and candidates never hold a session or CSRF cookie that could expire.
    """

    @csrf_exempt
    def wrapped(request, token, *args, **kwargs):
        asked = request.GET.get("lang") if request.GET.get("lang") in LANGUAGE_CODES else None
        if (wait := _throttle_wait(request, token, TakeAddressThrottle)) is not None:
            return _too_many(request, wait, asked or translation.get_language())
        try:
            invitation = services.invitation_for_token(token)
        except ApplicationError as exc:
            with translation.override(asked or translation.get_language()):
                response = render(request, "assessments/take/error.html", {"message": exc.message}, status=exc.status)
            return _private(response)
        if (wait := _throttle_wait(request, token, TakeTokenThrottle)) is not None:
            return _too_many(request, wait, invitation.language)
        with translation.override(invitation.language):
            return _private(view(request, invitation, token, *args, **kwargs))

    wrapped.candidate_page = True
    wrapped.checks_own_text = True  # answers in the candidate's language (servicefit.core.middleware)
    return wrapped


def _throttle_wait(request, token: str, throttle_class) -> float | None:
    """Seconds to wait if this request is over the limit, else None (the request is counted)."""
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
    """Never cached (a shared computer must not show answers; a renewed link must not show the
    old error) and never indexed."""
    response.setdefault("Cache-Control", "no-store")
    response.setdefault("X-Robots-Tag", "noindex")
    return response


def _page_context(invitation: Invitation, token: str, view: dict) -> dict:
    return {
        "invitation": invitation,
        "token": token,
        "view": view,
        "languages": [(code, NATIVE_NAMES[code]) for code in LANGUAGE_CODES],
    }


@require_http_methods(["GET", "POST"])
@candidate_page
def welcome(request, invitation, token):
    if request.GET.get("lang") in LANGUAGE_CODES and invitation.status != Invitation.Status.SUBMITTED:
        services.invitation_language_set(invitation=invitation, language=request.GET["lang"])
        return redirect("take:welcome", token=token)
    if invitation.status == Invitation.Status.SUBMITTED:
        return redirect("take:done", token=token)
    error = None
    if request.method == "POST":
        try:
            services.attempt_start(invitation=invitation, consent=request.POST.get("consent") == "yes")
        except ApplicationError as exc:
            error = exc.message
        else:
            return redirect("take:section", token=token, number=1)
    view = selectors.attempt_view(invitation=invitation)
    if view["started"] and request.method == "GET":
        return redirect("take:section", token=token, number=_first_open_section(view))
    return render(request, "assessments/take/welcome.html", {**_page_context(invitation, token, view), "error": error})


def _first_open_section(view: dict) -> int:
    for number, section in enumerate(view["sections"], start=1):
        unanswered = not section["opened"] or any(item["answer"] is None for item in section["items"])
        if not section["closed"] and unanswered:
            return number
    return len(view["sections"])


@require_http_methods(["GET", "POST"])
@candidate_page
def section(request, invitation, token, number):
    if invitation.status == Invitation.Status.SUBMITTED:
        return redirect("take:done", token=token)
    view = selectors.attempt_view(invitation=invitation)
    if not view["started"]:
        return redirect("take:welcome", token=token)
    if not 1 <= number <= len(view["sections"]):
        raise Http404
    errors, status = {}, 200
    if request.method == "POST":
        errors = _save_posted(request, invitation, view["sections"][number - 1])
        if not errors:
            return _next_page(token, number, len(view["sections"]))
        status = max(exc.status for exc in errors.values())
        errors = {item_id: exc.message for item_id, exc in errors.items()}
        view = selectors.attempt_view(invitation=invitation)
    current = view["sections"][number - 1]
    return render(
        request,
        "assessments/take/section.html",
        {
            **_page_context(invitation, token, view),
            "section": current,
            "number": number,
            "count": len(view["sections"]),
            "errors": errors,
            "likert_scale": range(1, 6),
            "time_limit_minutes": math.ceil((current["time_limit_seconds"] or 0) / 60),
        },
        status=status,
    )


def _next_page(token: str, number: int, count: int):
    if number == count:
        return redirect("take:finish", token=token)
    return redirect("take:section", token=token, number=number + 1)


@require_POST
@candidate_page
def section_start(request, invitation, token, number):
    """The "Start this part" button: a timed part's questions are shown, and its clock starts, from now."""
    view = selectors.attempt_view(invitation=invitation)
    if not view["started"] or view["submitted"]:
        return redirect("take:welcome", token=token)
    if not 1 <= number <= len(view["sections"]):
        raise Http404
    services.section_open(invitation=invitation, section_id=view["sections"][number - 1]["id"])
    return redirect("take:section", token=token, number=number)


def _save_posted(request, invitation, section: dict) -> dict[int, ApplicationError]:
    """The no-JavaScript path: save every answer the form carries; report the ones refused."""
    errors = {}
    for item in section["items"]:
        raw = request.POST.get(f"item-{item['id']}")
        if raw is None or raw == "":
            continue
        value = raw if item["kind"] == kinds.TEXT else _int_or_raw(raw)
        try:
            services.answer_save(invitation=invitation, item_id=item["id"], value=value)
        except ApplicationError as exc:
            errors[item["id"]] = exc
    return errors


def _int_or_raw(raw: str):
    try:
        return int(raw)
    except ValueError:
        return raw


@require_http_methods(["GET", "POST"])
@candidate_page
def finish(request, invitation, token):
    if invitation.status == Invitation.Status.SUBMITTED:
        return redirect("take:done", token=token)
    error = None
    if request.method == "POST":
        try:
            services.attempt_submit(invitation=invitation)
        except ApplicationError as exc:
            error = exc.message
        else:
            return redirect("take:done", token=token)
    view = selectors.attempt_view(invitation=invitation)
    if not view["started"]:
        return redirect("take:welcome", token=token)
    summary = [
        {
            "number": number,
            "title": section["title"],
            "open": section["open_count"],
            "closed": section["closed"],
        }
        for number, section in enumerate(view["sections"], start=1)
    ]
    return render(
        request,
        "assessments/take/finish.html",
        {**_page_context(invitation, token, view), "summary": summary, "error": error},
    )


@require_GET
@candidate_page
def done(request, invitation, token):
    if invitation.status != Invitation.Status.SUBMITTED:
        return redirect("take:welcome", token=token)
    return render(
        request,
        "assessments/take/done.html",
        _page_context(invitation, token, {"title": invitation.assessment.title_in()}),
    )
