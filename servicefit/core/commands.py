"""What the management commands share: the person acting (--by), and the argparse types of the
record numbers and the text they look up in the database.

A command does what a page does, so the user named with --by must be allowed to do it there: active,
and holding a role of the page's policy. A record number beyond the database's 64 bits, and text it
cannot store, are refused before a query sees them: a shell hands Python bytes that are not UTF-8 as
lone surrogates, which no database driver can encode.
"""

import argparse

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError
from django.utils.text import get_text_list
from django.utils.translation import gettext as _

from servicefit.core.ids import MAX_ID, record_id
from servicefit.core.policies import Policy
from servicefit.core.roles import Role
from servicefit.core.unsafe_text import has_unsafe_text


def acting_user(username: str, *, policy: Policy, returncode: int = 1):
    user = get_user_model().objects.filter(username=username, is_active=True).first()
    if user is None:
        message = _("--by %(user)r is not an active user; name the person acting.")
        raise CommandError(message % {"user": username}, returncode=returncode)
    if not policy.allows(user):
        roles = get_text_list([str(role.label) for role in Role if role in policy.roles])
        message = _("%(user)r may not do this: it takes the role %(roles)s, as in ServiceFit itself.")
        raise CommandError(message % {"user": username, "roles": roles}, returncode=returncode)
    return user


def record_number(text: str) -> int:
    """An argparse type: a record's number, from 1 to the largest the database holds."""
    number = record_id(text)
    if number is None:
        raise argparse.ArgumentTypeError(_("give a number from 1 to %(max)s") % {"max": MAX_ID})
    return number


def text_option(text: str) -> str:
    """An argparse type: text the database can store."""
    if has_unsafe_text(text):
        raise argparse.ArgumentTypeError(_("this is not valid UTF-8 text"))
    return text
