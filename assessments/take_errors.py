"""The error pages of the candidate pages (/take/...): a request over Django's limits, an unknown
address, a server error. Registered with servicefit.core.registry in AppConfig.ready(), so the
project's error handlers answer them in the candidate pages' layout and language."""

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _lazy

from assessments import services
from assessments.take_views import TAKE_PREFIX, _frame, _private

ERROR_TEXTS = {
    400: (
        _lazy("What was sent could not be taken"),
        _lazy(
            "What your browser sent was too large or not in the form we expect, so it was not saved. "
            "Go back to the previous page and try again."
        ),
    ),
    403: (_lazy("This page is not open to you"), _lazy("Open the link from the e-mail you received once more.")),
    404: (
        _lazy("Not found"),
        _lazy(
            "Open the link from the e-mail you received once more, or copy all of it into the address bar. "
            "If it still does not work, reply to that e-mail."
        ),
    ),
    500: (
        _lazy("Something went wrong on our side"),
        _lazy("It has been logged. Please try again in a moment."),
    ),
}


def take_error_page(request, status: int):
    """The error pages of the candidate pages (registered in AppConfig.ready() for /take/): their
    layout, in the invitation's language when the link is known, else the browser's. Rendered
    without the request, whose query or body may be what was refused; a server error does not look
    the link up (the database may be what failed)."""
    invitation = getattr(request, "candidate_invitation", None)
    if invitation is None and status != 500:
        invitation = services.invitation_signed(request.path.removeprefix(TAKE_PREFIX).split("/", 1)[0])
    with translation.override(invitation.language if invitation else translation.get_language()):
        frame = _frame(invitation) if invitation is not None and status != 500 else {}
        return link_error_page(status, language=translation.get_language(), frame=frame)


def link_error_page(
    status: int, *, language: str, frame: dict | None = None, reply: bool = True, texts: dict | None = None
) -> HttpResponse:
    """An error page in the layout of the pages a link from an e-mail opens (an assessment, a pulse
    survey, the talent pool), in the language of the person the link was sent to. `reply` offers
    replying to the e-mail (only where a reply reaches someone); `texts` replaces some of ERROR_TEXTS."""
    known = {**ERROR_TEXTS, **(texts or {})}
    with translation.override(language):
        heading, text = known.get(status, known[400 if status < 500 else 500])
        context = {**(frame or {}), "heading": heading, "text": text, "reply": reply and status != 404}
        body = render_to_string("assessments/take/problem.html", context)  # 404's text says it
    return _private(HttpResponse(body, status=status))
