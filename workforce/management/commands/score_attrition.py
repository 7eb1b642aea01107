import csv as csv_module
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from servicefit.core.exceptions import ApplicationError
from workforce.snapshot_models import snapshot_score

BAD_INPUT = 2


class Command(BaseCommand):
    help = (
        "Score a table with a stored snapshot attrition model (the one in use, or --model VERSION); "
        "refuses a table whose columns differ from the model's."
    )

    def add_arguments(self, parser):
        parser.add_argument("--csv", required=True, help="Path of the CSV file to score.")
        parser.add_argument("--model", type=int, metavar="VERSION", help="Snapshot model version; default: in use.")
        parser.add_argument("--format", choices=["csv", "json"], default="csv")

    def handle(self, *args, csv, model=None, format="csv", **options):
        path = Path(csv)
        if not path.is_file():
            raise CommandError(f"No such file: {path}", returncode=BAD_INPUT)
        try:
            used, rows = snapshot_score(data=path.read_bytes(), version=model)
        except ApplicationError as exc:
            raise CommandError(exc.message, returncode=BAD_INPUT) from exc
        if format == "json":
            self.stdout.write(json.dumps({"model": str(used), "rows": rows}, ensure_ascii=False))
            return
        writer = csv_module.DictWriter(self.stdout, fieldnames=list(rows[0]) if rows else ["row", "probability"])
        writer.writeheader()
        writer.writerows(rows)
