"""The employer candidates meet: its name and logo, the sender of their e-mails, and whether they get
a short feedback report. One profile per installation, edited by HR and administrators
(servicefit/core/employer_views.py and the admin); read on every candidate page, so the parts the
pages need are cached (without the logo's bytes, which only the logo view reads)."""

import hashlib
from dataclasses import dataclass
from email.utils import parseaddr

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from servicefit.core import logo as logo_check
from servicefit.core.exceptions import ApplicationError
from servicefit.core.models import EmployerProfile
from servicefit.core.policies import EMPLOYER_PROFILE_EDIT

PROFILE_ID = 1
CACHE_KEY = "core:employer-identity:v1"
CACHE_SECONDS = 300
# Keep the logo as it is (the form's default): only a new file or "remove" changes it.
UNCHANGED = object()


@dataclass(frozen=True)
class EmployerIdentity:
    name: str
    logo_version: str
    logo_type: str
    sender_name: str
    sender_email: str
    candidate_feedback: bool

    @property
    def logo_url(self) -> str:
        if not self.logo_version:
            return ""
        return reverse("employer:logo", args=[self.logo_version, logo_check.EXTENSIONS[self.logo_type]])

    @property
    def from_email(self) -> str:
        """The From of candidate e-mails: the employer's sender, else the server's address under
        the employer's name, else the server's DEFAULT_FROM_EMAIL as it is."""
        display = self.sender_name or self.name
        if not display and not self.sender_email:
            return settings.DEFAULT_FROM_EMAIL
        address = self.sender_email or parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
        if not display:
            return address
        # Quoted, so a comma or a colon in the name is not read as a second address; Django encodes
        # non-ASCII names when the message is built.
        quoted = display.replace("\\", "").replace('"', "")
        return f'"{quoted}" <{address}>'


def employer_identity() -> EmployerIdentity:
    """What candidate pages and e-mails show of the employer; empty fields until HR fills them in."""
    cached = cache.get(CACHE_KEY)
    if cached is None:
        row = (
            EmployerProfile.objects.filter(id=PROFILE_ID)
            .values("name", "logo_version", "logo_type", "sender_name", "sender_email", "candidate_feedback")
            .first()
        )
        cached = row or {
            "name": "",
            "logo_version": "",
            "logo_type": "",
            "sender_name": "",
            "sender_email": "",
            "candidate_feedback": False,
        }
        cache.set(CACHE_KEY, cached, CACHE_SECONDS)
    return EmployerIdentity(**cached)


def employer_panel(request) -> dict | None:
    """The home-page card for those who may edit the profile."""
    if not EMPLOYER_PROFILE_EDIT.allows(request.user):
        return None
    return {"identity": employer_identity()}


def employer_profile_get() -> EmployerProfile:
    """The profile to edit: the stored one, or a new unsaved one with the defaults."""
    return EmployerProfile.objects.filter(id=PROFILE_ID).first() or EmployerProfile(id=PROFILE_ID)


def employer_logo(*, version: str) -> tuple[bytes, str] | None:
    """The logo's bytes and content type, if `version` is the current logo's."""
    row = EmployerProfile.objects.filter(id=PROFILE_ID, logo_version=version).values_list("logo", "logo_type").first()
    if row is None or row[0] is None:
        return None
    return bytes(row[0]), row[1]


LOGO_MESSAGES = {
    "empty": lambda: _("The logo file is empty."),
    "too_large": lambda: (
        _("The logo is larger than %(kb)s KB; save it smaller (a logo needs no more).")
        % {"kb": logo_check.MAX_BYTES // 1024}
    ),
    "unknown_type": lambda: _("The logo must be a PNG, JPEG or SVG image."),
    "unsafe_svg": lambda: _(
        "This SVG contains scripts, links or other content that is not a plain drawing; "
        "export it again as plain SVG or as PNG."
    ),
}


def logo_validated(data: bytes) -> str:
    """The content type of an acceptable logo, or an ApplicationError saying what is wrong."""
    try:
        return logo_check.logo_content_type(data)
    except logo_check.LogoProblem as exc:
        message = LOGO_MESSAGES[exc.code]()
        raise ApplicationError(message, extra={"fields": {"logo": [message]}}) from exc


def employer_profile_update(
    *,
    name: str,
    sender_name: str,
    sender_email: str,
    candidate_feedback: bool,
    logo: bytes | None | object = UNCHANGED,
    user=None,
) -> EmployerProfile:
    """Save the employer profile. `logo`: new bytes, None to remove it, or UNCHANGED."""
    profile = employer_profile_get()
    profile.name = name.strip()
    profile.sender_name = sender_name.strip()
    profile.sender_email = sender_email.strip()
    profile.candidate_feedback = candidate_feedback
    profile.updated_by = user
    if logo is None:
        profile.logo, profile.logo_type, profile.logo_version = None, "", ""
    elif logo is not UNCHANGED:
        profile.logo_type = logo_validated(logo)
        profile.logo = logo
        profile.logo_version = hashlib.sha256(logo).hexdigest()[:16]
    try:
        profile.full_clean()
    except ValidationError as exc:
        raise ApplicationError(_("The employer profile is not valid."), extra={"fields": exc.message_dict}) from exc
    with transaction.atomic():
        profile.save()
        # Now for this transaction's own reads, and again once committed: a page that read the old
        # profile in between must not keep it in the cache.
        cache.delete(CACHE_KEY)
        transaction.on_commit(lambda: cache.delete(CACHE_KEY))
    return profile
