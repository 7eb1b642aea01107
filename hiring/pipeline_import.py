"""Candidates imported from a CSV file: all of them, or none with every bad row listed.

Possible duplicates of the team's existing candidates are reported per row, never merged, as when
a candidate is created by hand. Matching is done in memory against one query's worth of the team's
candidates, so a 10,000-row file costs a handful of queries, not one per row.
"""

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from hiring.candidate_csv import RowError, candidates_parse
from hiring.models import Application, ApplicationMove, Candidate, Requisition, Stage
from hiring.pipeline import TAKING_APPLICATIONS, PossibleDuplicate, duplicate_flags_open
from hiring.pipeline_matching import name_key, names_close, phone_tail
from servicefit.core.exceptions import ApplicationError
from servicefit.core.models import Team
from servicefit.core.policies import CANDIDATE_WRITE, team_for_new_record

MAX_BYTES = 5_000_000
MAX_ROWS = 10_000
NAME_COMPARISONS = 50  # per row: fuzzy names are the costly part of a large import


@dataclass(frozen=True)
class ImportedCandidate:
    line: int
    candidate: Candidate
    possible_duplicates: list[PossibleDuplicate]


@dataclass(frozen=True)
class ImportResult:
    imported: list[ImportedCandidate]
    applications: int

    @property
    def flagged(self) -> int:
        """How many imported candidates may be someone already known."""
        return sum(1 for row in self.imported if row.possible_duplicates)


def row_error_message(error: RowError) -> str:
    messages = {
        "empty": _("The file is empty."),
        "no_rows": _("The file has a header but no candidates."),
        "unknown_field": _("There is no candidate field %(value)r to map a column to."),
        "column_missing": _("The file has no column %(value)r."),
        "required": _("This value is required."),
        "too_long": _("Use at most %(value)s characters."),
        "email": _("%(value)r is not an e-mail address."),
        "duplicate": _("The same e-mail address is already on line %(value)s."),
        "phone": _("%(value)r is not a phone number of 6 to 15 digits."),
        "language": _("%(value)r is not one of English, Danish, Norwegian or Swedish."),
        "source": _("%(value)r is not a source (job board, referral, internal move or other)."),
        "unsafe": _("The value contains characters that are not allowed (such as NUL)."),
        "unreadable": _("A cell is too long; is a quotation mark not closed?"),
    }
    return messages[error.code] % {"value": error.value}


def _too_large(message: str) -> ApplicationError:
    return ApplicationError(message, extra={"fields": {"csv": ["too_large"]}}, status=413)


def _decoded(data: str | bytes) -> str:
    if isinstance(data, str):
        return data
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ApplicationError(
            _("The file is not UTF-8 text: save it as “CSV UTF-8” and try again."),
            extra={"fields": {"csv": ["encoding"]}},
        ) from exc


def _name_neighbours(name: str, by_key, by_word) -> list[Candidate]:
    """The same name, and those whose words all start like this name's (a typo after the fourth
    letter, or words in another order), at most NAME_COMPARISONS. Stricter than
    candidate_duplicates(), which takes any shared word: against thousands of candidates a common
    surname would otherwise make every row compare with all who bear it."""
    chosen = {other.id: other for other in by_key[name_key(name)]}
    buckets = sorted((by_word[w[:4]] for w in set(name_key(name).split()) if len(w) >= 3), key=len)
    if buckets:
        for other in buckets[0].values():
            if len(chosen) >= NAME_COMPARISONS:
                break
            if all(other.id in bucket for bucket in buckets[1:]):
                chosen.setdefault(other.id, other)
    return list(chosen.values())


def _duplicates_found(team: Team, rows) -> list[list[PossibleDuplicate]]:
    """Per row, the team's existing candidates with the same e-mail or phone, or a close name."""
    existing = list(Candidate.objects.filter(team=team).only("id", "name", "email", "phone").order_by("id"))
    by_email, by_phone, by_key, by_word = defaultdict(list), defaultdict(list), defaultdict(list), defaultdict(dict)
    for other in existing:
        by_key[name_key(other.name)].append(other)
        by_email[other.email.casefold()].append(other)
        if tail := phone_tail(other.phone):
            by_phone[tail].append(other)
        for word in {w[:4] for w in name_key(other.name).split() if len(w) >= 3}:
            by_word[word][other.id] = other
    found = []
    for row in rows:
        tail = phone_tail(row.phone)
        reasons: dict[int, list[str]] = defaultdict(list)
        people = {}
        for other in by_email[row.email.casefold()]:
            reasons[other.id].append("email")
            people[other.id] = other
        for other in by_phone[tail] if tail else ():
            reasons[other.id].append("phone")
            people[other.id] = other
        for other in _name_neighbours(row.name, by_key, by_word):
            if names_close(other.name, row.name):
                reasons[other.id].append("name")
                people[other.id] = other
        found.append([PossibleDuplicate(candidate=people[i], reasons=tuple(reasons[i])) for i in sorted(reasons)])
    return found


def candidates_import(
    *,
    text: str | bytes,
    mapping: Mapping[str, str] | None = None,
    team: Team | None,
    user,
    requisition: Requisition | None = None,
    default_language: str | None = None,
) -> ImportResult:
    """Validate every row first; any bad row refuses the file (400, every bad row listed), so
    nothing is written. Otherwise the candidates, and their applications to `requisition`, are
    created in one transaction."""
    team = team_for_new_record(policy=CANDIDATE_WRITE, user=user, team=team)
    size = len(text.encode() if isinstance(text, str) else text)
    if size > MAX_BYTES:
        raise _too_large(
            _("The file has %(size)s bytes; import at most %(limit)s bytes at a time.")
            % {"size": size, "limit": MAX_BYTES}
        )
    if requisition is not None:
        if requisition.team_id != team.id:
            raise ApplicationError(
                _("The candidates and the requisition belong to different teams."),
                extra={"fields": {"requisition": ["team"]}},
            )
        if requisition.status not in TAKING_APPLICATIONS:
            raise ApplicationError(
                _("The requisition is %(status)s and takes no new applications.")
                % {"status": requisition.get_status_display()},
                extra={"fields": {"requisition": ["status"]}},
                status=409,
            )
    parsed = candidates_parse(_decoded(text), mapping=mapping, default_language=default_language, max_rows=MAX_ROWS)
    if any(error.code == "too_many_rows" for error in parsed.errors):
        raise _too_large(
            _("The file has more than %(limit)s candidates; split it into smaller files.") % {"limit": MAX_ROWS}
        )
    if parsed.errors:
        lines = sorted({error.line for error in parsed.errors})
        raise ApplicationError(
            _("Lines with errors: %(count)d. Nothing was imported; correct them and import the file again.")
            % {"count": len(lines)},
            extra={
                "rows": [
                    {"line": e.line, "field": e.field, "code": e.code, "message": row_error_message(e)}
                    for e in parsed.errors
                ]
            },
        )
    with transaction.atomic():
        duplicates = _duplicates_found(team, parsed.rows)
        candidates = Candidate.objects.bulk_create(
            Candidate(
                name=row.name, email=row.email, phone=row.phone, language=row.language, source=row.source, team=team
            )
            for row in parsed.rows
        )
        duplicate_flags_open(pairs=list(zip(candidates, duplicates, strict=True)))
        applications = []
        if requisition is not None:
            applications = Application.objects.bulk_create(
                Application(candidate=candidate, requisition=requisition) for candidate in candidates
            )
            ApplicationMove.objects.bulk_create(
                ApplicationMove(application=application, to_stage=Stage.APPLIED, by=user)
                for application in applications
            )
    imported = [
        ImportedCandidate(line=row.line, candidate=candidate, possible_duplicates=found)
        for row, candidate, found in zip(parsed.rows, candidates, duplicates, strict=True)
    ]
    return ImportResult(imported=imported, applications=len(applications))
