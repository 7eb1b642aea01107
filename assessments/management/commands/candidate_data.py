from django.core.management import call_command
from django.core.management.base import BaseCommand

from servicefit.core.commands import text_option


class Command(BaseCommand):
    help = "Old name of `personal_data`: candidate_data EMAIL --export|--erase --by USERNAME."

    def add_arguments(self, parser):
        parser.add_argument("email", type=text_option)
        action = parser.add_mutually_exclusive_group(required=True)
        action.add_argument("--export", action="store_true", help="Print all data held about the person.")
        action.add_argument("--erase", action="store_true", help="Erase all data held about the person.")
        parser.add_argument("--by", type=text_option, required=True, metavar="USERNAME", help="The active user acting.")

    def handle(self, *args, email, export=False, erase=False, by, **options):
        call_command(
            "personal_data",
            "export" if export else "erase",
            email=email,
            by=by,
            stdout=self.stdout,
            stderr=self.stderr,
        )
