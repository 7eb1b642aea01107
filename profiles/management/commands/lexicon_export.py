from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from profiles import lexicon_file, selectors
from profiles.models import LexiconVersion


class Command(BaseCommand):
    help = "Export a lexicon version (default: the newest) in the format lexicon_import reads."

    def add_arguments(self, parser):
        parser.add_argument("--lexicon-version", dest="number", type=int, help="Lexicon version number.")
        parser.add_argument("--format", choices=lexicon_file.FORMATS, default="json")
        parser.add_argument("-o", "--output", help="Write to this file instead of standard output.")

    def handle(self, *args, number=None, format="json", output=None, **options):
        if number is None:
            version = selectors.lexicon_version_latest()
            if version is None:
                raise CommandError("There is no lexicon yet.")
        else:
            version = LexiconVersion.objects.filter(number=number).first()
            if version is None:
                raise CommandError(f"There is no lexicon version {number}.")
        text = lexicon_file.dump(
            selectors.lexicon_export_rows(version=version), version=str(version.number), note=version.note, fmt=format
        )
        if output:
            Path(output).write_text(text, encoding="utf-8")
            self.stderr.write(f"Wrote lexicon {version.label} to {output}.")
        else:
            self.stdout.write(text, ending="")
