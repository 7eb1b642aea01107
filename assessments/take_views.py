"""The candidate's pages. No account: the link's token is the credential, checked on every request.

Every page works without JavaScript (each page of a part is a form that saves on "Next"); with it,
each answer is saved the moment it is given (servicefit/static/js/take.js), and the page says when
it is offline and when everything is saved. Every page speaks the invitation's language and shows
the employer and the job (assessments/candidate_context.py), the error pages of a genuine link too.
"""

import math
from datetime import timedelta
from types import SimpleNamespace

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import ngettext
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from assessments import kinds, selectors, services
from assessments.api import TakeAddressThrottle, TakeTokenThrottle
from assessments.candidate_context import assessment_duration, candidate_frame
from assessments.candidate_feedback import candidate_feedback
from assessments.models import Attempt, Invitation
from assessments.services.tokens import TOKEN_SHAPE
from assessments.take_paging import page_bounds
from servicefit.core.employer import employer_identity
from servicefit.core.exceptions import ApplicationError
from servicefit.core.languages import LANGUAGE_CODES, NATIVE_NAMES

TAKE_PREFIX = "/take/"
# When the clock of a timed part is read out to screen readers (seconds left); never every second.
TIMER_ANNOUNCEMENTS = (600, 300, 60, 30)


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
            # The link is not looked up before this limit, so its language is not known here.
            return _too_many(request, wait, asked or translation.get_language(), None)
        invitation = services.invitation_signed(token)
        # A genuine link speaks its invitation's language, on its error pages too; a false one, the browser's.
        with translation.override(invitation.language if invitation else asked or translation.get_language()):
            try:
                services.invitation_usable(invitation)
            except ApplicationError as exc:
                return _private(_link_error(request, token, invitation, exc))
            if (wait := _throttle_wait(request, token, TakeTokenThrottle)) is not None:
                return _too_many(request, wait, invitation.language, invitation)
            # An error the view raises (a body over the limit, a 404, a bug) is answered after this
            # block: take_errors.take_error_page reads the language here.
            request.candidate_invitation = invitation
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


def _too_many(request, wait: float, language: str, invitation: Invitation | None):
    seconds = math.ceil(wait)
    with translation.override(language):
        context = {**_frame(invitation), "seconds": seconds}
        response = render(request, "assessments/take/busy.html", context, status=429)
    response["Retry-After"] = str(seconds)
    return _private(response)


def _link_error(request, token: str, invitation: Invitation | None, exc: ApplicationError):
    if invitation is None:
        template = "assessments/take/error.html"
        # A link that cannot be one of ours is answered without the database (not even the employer's
        # name): making up links costs the database nothing.
        frame = _frame(None) if TOKEN_SHAPE.fullmatch(token) else {}
    else:
        withdrawn = invitation.status == Invitation.Status.REVOKED
        template = "assessments/take/withdrawn.html" if withdrawn else "assessments/take/expired.html"
        frame = _frame(invitation)
    return render(request, template, {**frame, "message": exc.message}, status=exc.status)


def _private(response):
    """Never cached (a shared computer must not show answers; a renewed link must not show the
    old error) and never indexed."""
    response.setdefault("Cache-Control", "no-store")
    response.setdefault("X-Robots-Tag", "noindex")
    return response


def _frame(invitation: Invitation | None) -> dict:
    """The employer, the job and the assessment's title, for every page."""
    frame = candidate_frame(invitation)
    if invitation is not None:
        frame["assessment_title"] = invitation.assessment.title_in()
    return frame


def _page_context(invitation: Invitation, token: str, view: dict) -> dict:
    return {
        **_frame(invitation),
        "invitation": invitation,
        "token": token,
        "view": view,
        "languages": [(code, NATIVE_NAMES[code]) for code in LANGUAGE_CODES],
    }


# Where the candidate is ------------------------------------------------------------------------------


def _pages(section: dict) -> list[tuple[int, int]]:
    if not section["opened"]:
        return [(0, 0)]
    return page_bounds([item["kind"] for item in section["items"]], timed=bool(section["time_limit_seconds"]))


def _unanswered(items: list[dict]) -> list[dict]:
    return [item for item in items if item["required"] and item["answer"] is None]


def _steps(view: dict, current: int | None) -> list[dict]:
    """The parts as a step indicator: each part's title and whether it is done, current or ahead."""
    steps = []
    for number, section in enumerate(view["sections"], start=1):
        done = section["closed"] or (section["opened"] and section["open_count"] == 0)
        state = "current" if number == current else "done" if done else "todo"
        steps.append({"number": number, "title": section["title"], "state": state})
    return steps


def _first_open_page(view: dict) -> tuple[int, int]:
    """The part and page to continue on: the first page with an unanswered question."""
    for number, section in enumerate(view["sections"], start=1):
        if section["closed"]:
            continue
        if not section["opened"]:
            return number, 1
        for page, (start, end) in enumerate(_pages(section), start=1):
            if _unanswered(section["items"][start:end]):
                return number, page
    return len(view["sections"]), 1


def _page_url(token: str, number: int, page: int) -> str:
    if page == 1:
        return reverse("take:section", args=[token, number])
    return reverse("take:section_page", args=[token, number, page])


def _page_redirect(token: str, number: int, page: int):
    return redirect(_page_url(token, number, page))


# Pages ---------------------------------------------------------------------------------------------


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
        return _page_redirect(token, *_first_open_page(view))
    duration = assessment_duration(assessment_id=invitation.assessment_id)
    parts = [
        {
            "title": section["title"],
            "item_count": section["item_count"],
            "minutes": math.ceil((section["time_limit_seconds"] or 0) / 60),
        }
        for section in view["sections"]
    ]
    return render(
        request,
        "assessments/take/welcome.html",
        {**_page_context(invitation, token, view), "error": error, "duration": duration, "parts": parts},
    )


@require_http_methods(["GET", "POST"])
@candidate_page
def section(request, invitation, token, number, page=1):
    if invitation.status == Invitation.Status.SUBMITTED:
        return redirect("take:done", token=token)
    view = selectors.attempt_view(invitation=invitation)
    if not view["started"]:
        return redirect("take:welcome", token=token)
    if not 1 <= number <= len(view["sections"]):
        raise Http404
    current = view["sections"][number - 1]
    pages = _pages(current)
    if not 1 <= page <= len(pages):
        raise Http404
    start, end = pages[page - 1]
    errors, status = {}, 200
    if request.method == "POST":
        errors = _save_posted(request, invitation, current)
        if not errors:
            posted = {item["id"] for item in current["items"] if request.POST.get(f"item-{item['id']}", "") != ""}
            still_open = [item for item in _unanswered(current["items"][start:end]) if item["id"] not in posted]
            if not still_open or current["closed"] or request.POST.get("skip"):
                return _next_page(token, number, page, len(pages), len(view["sections"]))
            # Back to this page, scrolled to the question of going on with questions unanswered.
            return redirect(_page_url(token, number, page) + "?unanswered=1#unanswered")
        status = max(exc.status for exc in errors.values())
        errors = {item_id: exc.message for item_id, exc in errors.items()}
        view = selectors.attempt_view(invitation=invitation)
        current = view["sections"][number - 1]
    items = current["items"][start:end]
    unanswered = _unanswered(items) if request.GET.get("unanswered") and not current["closed"] else []
    return render(
        request,
        "assessments/take/section.html",
        {
            **_page_context(invitation, token, view),
            "section": current,
            "items": items,
            "first_number": start + 1,
            "last_number": end,
            "number": number,
            "count": len(view["sections"]),
            "page": page,
            "page_count": len(pages),
            "previous_url": _previous_url(token, number, page, view),
            "is_last_page": number == len(view["sections"]) and page == len(pages),
            "steps": _steps(view, number),
            "errors": errors,
            "unanswered": unanswered,
            "unanswered_ids": {item["id"] for item in unanswered},
            "likert_scale": range(1, 6),
            "time_limit_minutes": math.ceil((current["time_limit_seconds"] or 0) / 60),
            "timer_announcements": _timer_announcements() if current["deadline"] else [],
        },
        status=status,
    )


def _next_page(token: str, number: int, page: int, page_count: int, count: int):
    if page < page_count:
        return _page_redirect(token, number, page + 1)
    if number == count:
        return redirect("take:finish", token=token)
    return redirect("take:section", token=token, number=number + 1)


def _previous_url(token: str, number: int, page: int, view: dict) -> str | None:
    if page > 1:
        return _page_url(token, number, page - 1)
    if number == 1:
        return None
    return _page_url(token, number - 1, len(_pages(view["sections"][number - 2])))


def _timer_announcements() -> list[dict]:
    """What a screen reader hears at each moment of TIMER_ANNOUNCEMENTS, in the page's language."""
    spoken = []
    for seconds in TIMER_ANNOUNCEMENTS:
        if seconds >= 60:
            minutes = seconds // 60
            text = ngettext("%(n)s minute left", "%(n)s minutes left", minutes) % {"n": minutes}
        else:
            text = ngettext("%(n)s second left", "%(n)s seconds left", seconds) % {"n": seconds}
        spoken.append({"seconds": seconds, "text": text})
    return spoken


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
    """The no-JavaScript path: save every answer of the part the form carries; report the ones refused."""
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
            if Attempt.objects.filter(invitation=invitation, submitted_at__isnull=False).exists():
                return redirect("take:done", token=token)  # a second press or tab: the first one submitted
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
    count = len(view["sections"])
    return render(
        request,
        "assessments/take/finish.html",
        {
            **_page_context(invitation, token, view),
            "summary": summary,
            "error": error,
            "steps": _steps(view, None),
            "previous_url": _page_url(token, count, len(_pages(view["sections"][-1]))),
        },
    )


@require_GET
@candidate_page
def done(request, invitation, token):
    if invitation.status != Invitation.Status.SUBMITTED:
        return redirect("take:welcome", token=token)
    # The feedback shows as long as the answers would (TAKE_ANSWERS_VISIBLE_MINUTES): whoever opens
    # the link later on a shared computer sees the thank-you only.
    attempt = invitation.attempt
    visible_until = attempt.submitted_at + timedelta(minutes=settings.TAKE_ANSWERS_VISIBLE_MINUTES)
    feedback = None
    if employer_identity().candidate_feedback and timezone.now() < visible_until:
        feedback = candidate_feedback(attempt=attempt, language=invitation.language)
    return render(
        request,
        "assessments/take/done.html",
        {
            **_page_context(invitation, token, {"title": invitation.assessment.title_in()}),
            "feedback": feedback,
            "feedback_minutes": settings.TAKE_ANSWERS_VISIBLE_MINUTES,
            "retention_days": settings.CANDIDATE_RETENTION_DAYS,
        },
    )
