from django.core.management.base import BaseCommand

from hiring.expiry import candidates_expire


class Command(BaseCommand):
    help = (
        "Erase the candidates whose requisitions all closed longer ago than their team's retention period "
        "and who have no running talent-pool consent; drop consents that ran out. Prints counts only, no names."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Count who would go; change nothing.")

    def handle(self, *args, dry_run=False, **options):
        counts = candidates_expire(dry_run=dry_run)
        verb = "would be erased" if dry_run else "erased"
        self.stdout.write(f"candidates {verb}: {counts.candidates}")
        verb = "would end" if dry_run else "ended"
        self.stdout.write(f"talent-pool consents that ran out {verb}: {counts.lapsed_consents}")
