"""Writes for assessments, one module per subject. The names below are the public ones: callers
import them from `assessments.services` and do not need to know which module holds them.
Personal-data export, erasure and the retention purge live in `assessments.personal_data`."""

from assessments.services.attempts import (
    LIKERT_VALUES,
    MAX_TEXT_ANSWER,
    answer_save,
    attempt_start,
    attempt_submit,
    section_open,
)
from assessments.services.invitations import (
    INVITATION_DAYS,
    invitation_create,
    invitation_language_set,
    invitation_reminders_due,
    invitation_resend,
    invitation_restore,
    invitation_revoke,
    invitation_send,
)
from assessments.services.item_analysis import psychometrics_compute
from assessments.services.norms import norm_statistics_rebuild, norm_statistics_rebuild_all, norm_statistics_replace
from assessments.services.scoring import attempt_score, item_keys, review_save
from assessments.services.tokens import (
    TOKEN_SALT,
    invitation_for_token,
    invitation_signed,
    invitation_token,
    invitation_usable,
)

__all__ = [
    "INVITATION_DAYS",
    "LIKERT_VALUES",
    "MAX_TEXT_ANSWER",
    "TOKEN_SALT",
    "answer_save",
    "attempt_score",
    "attempt_start",
    "attempt_submit",
    "invitation_create",
    "invitation_for_token",
    "invitation_language_set",
    "invitation_reminders_due",
    "invitation_resend",
    "invitation_restore",
    "invitation_revoke",
    "invitation_send",
    "invitation_signed",
    "invitation_token",
    "invitation_usable",
    "item_keys",
    "norm_statistics_rebuild",
    "norm_statistics_rebuild_all",
    "norm_statistics_replace",
    "psychometrics_compute",
    "review_save",
    "section_open",
]
