from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from profiles import lexicon_file, services
from servicefit.core.exceptions import ApplicationError


class Command(BaseCommand):
    help = (
        "Import a lexicon file (JSON or YAML) as the next lexicon version. "
        "Nothing is imported if any row is bad; every bad row is listed."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="A .json, .yaml or .yml file.")
        parser.add_argument("--format", choices=lexicon_file.FORMATS, help="Default: from the file extension.")
        parser.add_argument("--dry-run", action="store_true", help="Validate only; write nothing.")

    def handle(self, *args, path, format=None, dry_run=False, **options):
        file = Path(path)
        fmt = format or {".json": "json", ".yaml": "yaml", ".yml": "yaml"}.get(file.suffix.lower())
        if fmt is None:
            raise CommandError(f"Cannot tell the format of {file.name}; use --format json or --format yaml.")
        try:
            text = file.read_text(encoding="utf-8-sig")
        except FileNotFoundError as exc:
            raise CommandError(f"No such file: {file}") from exc
        except UnicodeDecodeError as exc:
            raise CommandError(f"{file.name} is not UTF-8 text (byte {exc.start}).") from exc

        try:
            lexicon = lexicon_file.load(text, fmt)
        except lexicon_file.LexiconFileError as exc:
            for error in exc.errors:
                self.stderr.write(f"{file.name}: {error}")
            raise CommandError(f"{len(exc.errors)} error(s); nothing was imported.") from exc

        if dry_run:
            self.stdout.write(f"{file.name} is valid: {len(lexicon.markers)} markers. Nothing was imported.")
            return
        try:
            version = services.lexicon_import(lexicon=lexicon, source=file.name)
        except ApplicationError as exc:
            raise CommandError(exc.message) from exc
        self.stdout.write(self.style.SUCCESS(f"Imported {len(lexicon.markers)} markers as lexicon {version.label}."))
