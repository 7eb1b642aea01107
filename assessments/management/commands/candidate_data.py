import json

from django.core.management.base import BaseCommand, CommandError

from assessments import services
from assessments.models import Invitation


class Command(BaseCommand):
    help = "Answer a data-subject request by e-mail address: export (JSON on stdout) or erase everything."

    def add_arguments(self, parser):
        parser.add_argument("email")
        action = parser.add_mutually_exclusive_group(required=True)
        action.add_argument("--export", action="store_true", help="Print all data held about the person.")
        action.add_argument("--erase", action="store_true", help="Delete all data held about the person.")

    def handle(self, *args, email, export=False, erase=False, **options):
        invitations = list(Invitation.objects.filter(email__iexact=email.strip()).select_related("assessment"))
        if not invitations:
            raise CommandError(f"No candidate data for {email}.")
        if export:
            data = [services.invitation_export(invitation=i) for i in invitations]
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=1))
        else:
            for invitation in invitations:
                services.invitation_erase(invitation=invitation)
            for assessment in {invitation.assessment for invitation in invitations}:
                services.norm_statistics_rebuild(assessment=assessment)
            self.stderr.write(f"Erased {len(invitations)} invitation(s) and everything attached to them.")
