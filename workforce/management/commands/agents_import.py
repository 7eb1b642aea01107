import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from servicefit.core.commands import text_option
from servicefit.core.exceptions import ApplicationError
from servicefit.core.models import Team
from workforce.hris_files import MAX_BYTES
from workforce.hris_import import agents_import_file

BAD_INPUT = 2


class Command(BaseCommand):
    help = (
        "Import agents from an HRIS export (CSV or XLSX) into any team. A file with any bad row imports "
        "nothing: every bad row is listed on stderr and the exit code is 2."
    )

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument(
            "--mapping", help='Our field → the file\'s header as JSON, e.g. \'{"employee_number": "Nr"}\'.'
        )
        parser.add_argument("--team-default", type=text_option, help="The team's name, for rows with no team.")

    def handle(self, *args, path, mapping=None, team_default=None, **options):
        file = Path(path)
        if not file.is_file():
            raise CommandError(f"No such file: {file}", returncode=BAD_INPUT)
        try:
            columns = json.loads(mapping) if mapping else {}
        except ValueError as exc:
            raise CommandError("Give --mapping as a JSON object.", returncode=BAD_INPUT) from exc
        if not isinstance(columns, dict) or not all(isinstance(v, str) for v in columns.values()):
            raise CommandError("Give --mapping as a JSON object of strings.", returncode=BAD_INPUT)
        team = None
        if team_default:
            team = Team.objects.filter(name=team_default).first()
            if team is None:
                raise CommandError(f"No such team: {team_default}", returncode=BAD_INPUT)
        with file.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
        try:
            result = agents_import_file(filename=file.name, data=data, mapping=columns, user=None, team_default=team)
        except ApplicationError as exc:
            for row in exc.extra.get("errors", []):
                self.stderr.write(f"{file.name}:{row['line']}: {row['column']}: {row['message']}")
            raise CommandError(exc.message, returncode=BAD_INPUT) from exc
        self.stdout.write(
            f"Created {result.created} and updated {result.updated} employment periods, "
            f"{result.unchanged} unchanged "
            f"({result.renumbered} agents from ServiceFit hires got their employee number)."
        )
