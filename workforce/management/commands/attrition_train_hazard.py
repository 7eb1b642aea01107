import json
from datetime import date

from django.core.management.base import BaseCommand, CommandError

from servicefit.core.exceptions import ApplicationError
from workforce.risk import hazard_model_train


class Command(BaseCommand):
    help = "Train the attrition-risk hazard model on every agent's history and make it the one in use."

    def add_arguments(self, parser):
        parser.add_argument("--until", help="Use the history before this date (YYYY-MM-DD); default today.")
        parser.add_argument("--format", choices=["text", "json"], default="text")

    def handle(self, *args, until=None, format="text", **options):
        try:
            until = date.fromisoformat(until) if until else None
        except ValueError:
            raise CommandError("--until: give a date as YYYY-MM-DD.") from None
        try:
            model = hazard_model_train(until=until)
        except ApplicationError as error:
            raise CommandError(error.message) from None
        metrics = model.metrics
        summary = {
            "version": model.version,
            "person_months": model.n_rows,
            "voluntary_exits": model.positives,
            "concordance": metrics.get("concordance"),
            "brier": metrics.get("brier"),
            "calibration_slope": metrics.get("calibration_slope"),
            "seconds": metrics.get("seconds"),
        }
        if format == "json":
            self.stdout.write(json.dumps(summary))
        else:
            self.stdout.write(" ".join(f"{key}={value}" for key, value in summary.items()))
