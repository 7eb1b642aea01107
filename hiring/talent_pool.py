"""The talent pool: a candidate is kept for future roles only with their consent, for
TALENT_POOL_CONSENT_MONTHS. TALENT_POOL_RENEWAL_DAYS before it runs out they get an e-mail in their
language with a personal link where they renew or withdraw; without a renewal the retention purge
(hiring/expiry.py) erases them, unless an application still keeps them.

The link is `<public_id>.<signature>` (an HMAC under the server's secret): never stored, not
guessable, and it stops working when the consent runs out.
"""

import re
import secrets
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _

from hiring.models import Candidate, TalentPoolEntry
from hiring.retention import months_after
from servicefit.core.exceptions import ApplicationError
from servicefit.core.policies import CANDIDATE_RESULTS_READ, CANDIDATE_WRITE, Policy

TOKEN_SALT = "servicefit.hiring.talent-pool"  # noqa: S105 (an HMAC salt, not a secret)
TOKEN_SHAPE = re.compile(r"[A-Za-z0-9_-]{1,32}\.[0-9a-f]{32}")


def talent_pool_token(entry: TalentPoolEntry) -> str:
    signature = salted_hmac(TOKEN_SALT, entry.public_id, algorithm="sha256").hexdigest()[:32]
    return f"{entry.public_id}.{signature}"


def talent_pool_url(entry: TalentPoolEntry) -> str:
    return settings.SITE_URL.rstrip("/") + reverse("talent-pool:consent", args=[talent_pool_token(entry)])


def talent_pool_entry_signed(token: str) -> TalentPoolEntry | None:
    """The entry whose link this is, run out or not; None for a link we did not make (or one withdrawn)."""
    if not TOKEN_SHAPE.fullmatch(token):
        return None
    entry = TalentPoolEntry.objects.select_related("candidate").filter(public_id=token.partition(".")[0]).first()
    if entry is None or not constant_time_compare(talent_pool_token(entry), token):
        return None
    return entry


def talent_pool_entry_for_token(token: str, *, now: datetime | None = None) -> TalentPoolEntry:
    """The entry a link belongs to, or the error its holder should see (404 unknown, 410 run out)."""
    entry = talent_pool_entry_signed(token)
    if entry is None:
        raise ApplicationError(_("This link is not valid. Check that you copied the whole link."), status=404)
    if entry.consent_expires_at <= (now or timezone.now()):
        # The link names the person, so they read why it stopped working in their own language.
        with translation.override(entry.candidate.language):
            message = _("Your consent ran out on %(date)s, so this link no longer works.") % {
                "date": formats.date_format(timezone.localtime(entry.consent_expires_at), "DATE_FORMAT")
            }
        raise ApplicationError(message, status=410, extra={"language": entry.candidate.language})
    return entry


def talent_pool_add(
    *, user, candidate: Candidate, consent_text_version: str, consent_given_at: datetime | None = None
) -> TalentPoolEntry:
    """Keep a candidate for future roles, with the consent they gave (when, to which text)."""
    if user is not None and not CANDIDATE_WRITE.allows_team(user, candidate.team_id):
        raise ApplicationError(_("There is no such candidate."), status=404)
    now = timezone.now()
    given = consent_given_at or now
    version = consent_text_version.strip()
    errors: dict[str, list[str]] = {}
    if not version:
        errors["consent_text_version"] = [_("Say which consent text the candidate agreed to.")]
    elif len(version) > 20:
        errors["consent_text_version"] = [_("A consent text version has at most 20 characters.")]
    if given > now:
        errors["consent_given_at"] = [_("The consent cannot be given in the future.")]
    expires = months_after(given, settings.TALENT_POOL_CONSENT_MONTHS)
    if not errors.get("consent_given_at") and expires <= now:
        errors["consent_given_at"] = [_("This consent has already run out: ask the candidate again.")]
    if errors:
        raise ApplicationError(_("The candidate cannot be added to the talent pool."), extra={"fields": errors})
    try:
        with transaction.atomic():
            return TalentPoolEntry.objects.create(
                candidate=candidate,
                consent_given_at=given,
                consent_text_version=version,
                consent_expires_at=expires,
                added_by=user,
                public_id=secrets.token_urlsafe(18),
            )
    except IntegrityError:
        raise ApplicationError(_("This candidate is already in the talent pool."), status=409) from None


def talent_pool_remove(*, entry: TalentPoolEntry) -> None:
    """Out of the pool (the consent is no longer relied on); the candidate stays while an application keeps them."""
    TalentPoolEntry.objects.filter(id=entry.id).delete()


def talent_pool_renew(*, entry: TalentPoolEntry, now: datetime | None = None) -> TalentPoolEntry:
    """The candidate renewed their consent: it runs for another full period from now."""
    now = now or timezone.now()
    entry.renewed_at = now
    entry.consent_expires_at = months_after(now, settings.TALENT_POOL_CONSENT_MONTHS)
    entry.renewal_requested_at = None
    entry.save(update_fields=["renewed_at", "consent_expires_at", "renewal_requested_at", "updated_at"])
    return entry


def talent_pool_withdraw(*, entry: TalentPoolEntry) -> None:
    """The candidate withdrew their consent: they leave the pool at once."""
    talent_pool_remove(entry=entry)


def talent_pool_renewals_due(*, now: datetime | None = None) -> list[int]:
    """Entries whose consent runs out within the notice period and that were not asked yet."""
    now = now or timezone.now()
    horizon = now + timedelta(days=settings.TALENT_POOL_RENEWAL_DAYS)
    return list(
        TalentPoolEntry.objects.filter(
            renewal_requested_at__isnull=True, consent_expires_at__gt=now, consent_expires_at__lte=horizon
        ).values_list("id", flat=True)
    )


def talent_pool_renewal_request(*, entry_id: int, now: datetime | None = None) -> bool:
    """Send the renewal request once: the claim must hit exactly one row, so a second run (or a
    second worker) sends nothing. A failed send rolls the claim back, and the next run tries again."""
    from hiring.emails import talent_pool_renewal_email

    now = now or timezone.now()
    with transaction.atomic():
        claimed = TalentPoolEntry.objects.filter(
            id=entry_id, renewal_requested_at__isnull=True, consent_expires_at__gt=now
        ).update(renewal_requested_at=now)
        if claimed != 1:
            return False
        entry = TalentPoolEntry.objects.select_related("candidate").get(id=entry_id)
        talent_pool_renewal_email(entry).send()
    return True


# Reads ---------------------------------------------------------------------------------------------


def talent_pool_list(
    *, user, expiring: bool = False, language: str = "", source: str = "", now: datetime | None = None
) -> QuerySet[TalentPoolEntry]:
    """The pool of the teams the user reaches, the consents that run out first on top."""
    now = now or timezone.now()
    entries = CANDIDATE_RESULTS_READ.scope(
        TalentPoolEntry.objects.select_related("candidate", "candidate__team", "added_by").filter(
            consent_expires_at__gt=now
        ),
        user,
        field="candidate__team",
    )
    if expiring:
        entries = entries.filter(consent_expires_at__lte=now + timedelta(days=settings.TALENT_POOL_RENEWAL_DAYS))
    if language:
        entries = entries.filter(candidate__language=language)
    if source:
        entries = entries.filter(candidate__source=source)
    return entries.order_by("consent_expires_at", "id")


def talent_pool_entry_get(*, user, entry_id: int, policy: Policy = CANDIDATE_WRITE) -> TalentPoolEntry:
    entries = policy.scope(TalentPoolEntry.objects.select_related("candidate"), user, field="candidate__team")
    return get_object_or_404(entries, id=entry_id)
