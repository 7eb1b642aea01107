from django.core.management.base import BaseCommand, CommandError

from assessments import services
from assessments.models import Assessment
from servicefit.core.commands import text_option


class Command(BaseCommand):
    help = "Recount the norm statistics (percentiles, stens) of assessments from their completed attempts."

    def add_arguments(self, parser):
        parser.add_argument("slugs", type=text_option, nargs="*", help="Assessments to recount (default: all).")

    def handle(self, *args, slugs, **options):
        assessments = Assessment.objects.filter(slug__in=slugs) if slugs else Assessment.objects.all()
        missing = set(slugs) - set(assessments.values_list("slug", flat=True))
        if missing:
            raise CommandError(f"No such assessment: {', '.join(sorted(missing))}.")
        for assessment in assessments:
            counted = services.norm_statistics_rebuild(assessment=assessment)
            self.stdout.write(f"{assessment.slug}: {counted} completed attempt(s).")
