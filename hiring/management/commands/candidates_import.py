from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from hiring.models import Requisition
from hiring.pipeline_import import MAX_BYTES, candidates_import
from servicefit.core.commands import acting_user, record_number, text_option
from servicefit.core.exceptions import ApplicationError
from servicefit.core.languages import LANGUAGE_CODES
from servicefit.core.models import Team
from servicefit.core.policies import CANDIDATE_WRITE

BAD_INPUT = 2


class Command(BaseCommand):
    help = (
        "Import candidates from a CSV file (UTF-8, comma or semicolon). A file with any bad row imports "
        "nothing: every bad row is listed on stderr and the exit code is 2."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--team", type=text_option, required=True, help="The team's name.")
        parser.add_argument(
            "--by", type=text_option, required=True, help="Username of the person importing (stamped on moves)."
        )
        parser.add_argument("--requisition", type=record_number, help="Add each candidate as an application to it.")
        parser.add_argument("--language", choices=LANGUAGE_CODES, help="For rows with no language.")
        parser.add_argument(
            "--map", action="append", default=[], metavar="FIELD=HEADER", help="Map a column, e.g. email=Mail."
        )

    def handle(self, *args, file, team, by, requisition=None, language=None, map=(), **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"No such file: {path}", returncode=BAD_INPUT)
        mapping = dict(item.split("=", 1) for item in map if "=" in item)
        if len(mapping) != len(map):
            raise CommandError("Give each --map as FIELD=HEADER.", returncode=BAD_INPUT)
        found_team = Team.objects.filter(name=team).first()
        if found_team is None:
            raise CommandError(f"No such team: {team}", returncode=BAD_INPUT)
        user = acting_user(by, policy=CANDIDATE_WRITE, returncode=BAD_INPUT)
        target = None
        if requisition is not None:
            target = Requisition.objects.filter(id=requisition, team=found_team).first()
            if target is None:
                raise CommandError(f"No requisition {requisition} in team {team}", returncode=BAD_INPUT)
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
        try:
            result = candidates_import(
                text=data, mapping=mapping, team=found_team, user=user, requisition=target, default_language=language
            )
        except ApplicationError as exc:
            for row in exc.extra.get("rows", []):
                self.stderr.write(f"{path.name}:{row['line']}: {row['field']}: {row['message']}")
            raise CommandError(exc.message, returncode=BAD_INPUT) from exc
        for item in result.imported:
            for duplicate in item.possible_duplicates:
                # By number only: what a command prints ends up in logs, which carry no names.
                self.stdout.write(
                    f"line {item.line}: candidate {item.candidate.id} may be candidate {duplicate.candidate.id}: "
                    f"{', '.join(duplicate.reasons)}"
                )
        self.stdout.write(f"Imported {len(result.imported)} candidates, {result.applications} applications.")
