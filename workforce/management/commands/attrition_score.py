import time
from datetime import date

from django.core.management.base import BaseCommand, CommandError

from servicefit.core.exceptions import ApplicationError
from workforce.risk import risk_scores_refresh


class Command(BaseCommand):
    help = "Score every employed agent with the attrition-risk model in use (replaces the old scores)."

    def add_arguments(self, parser):
        parser.add_argument("--as-of", help="Score as on this date (YYYY-MM-DD); default today.")

    def handle(self, *args, as_of=None, **options):
        try:
            as_of = date.fromisoformat(as_of) if as_of else None
        except ValueError:
            raise CommandError("--as-of: give a date as YYYY-MM-DD.") from None
        started = time.perf_counter()
        try:
            scored = risk_scores_refresh(as_of=as_of)
        except ApplicationError as error:
            raise CommandError(error.message) from None
        self.stdout.write(f"scored={scored} seconds={time.perf_counter() - started:.2f}")
