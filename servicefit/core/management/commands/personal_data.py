import json

from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.json import DjangoJSONEncoder

from servicefit.core.commands import acting_user, record_number, text_option
from servicefit.core.exceptions import ApplicationError
from servicefit.core.personal_data import Subject
from servicefit.core.policies import PERSONAL_DATA_ERASE, PERSONAL_DATA_EXPORT
from servicefit.core.services import personal_data_erase, personal_data_export


class Command(BaseCommand):
    help = (
        "Answer a data-subject request across all apps: export (JSON on stdout) or erase everything held "
        "about a person. --by names the user acting, for the access log."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["export", "erase"])
        parser.add_argument("--email", type=text_option, default="", help="The person's e-mail address (any case).")
        parser.add_argument("--reference", type=record_number, default=None, help="The person's record reference.")
        parser.add_argument(
            "--employee-number",
            type=text_option,
            default="",
            help="The employee number in the HR system (an employee without e-mail).",
        )
        parser.add_argument(
            "--by", type=text_option, required=True, metavar="USERNAME", help="The active user acting (HR or an admin)."
        )

    def handle(self, *args, action, email, reference, employee_number, by, **options):
        user = acting_user(by, policy=PERSONAL_DATA_EXPORT if action == "export" else PERSONAL_DATA_ERASE)
        try:
            subject = Subject(email=email, reference=reference, employee_number=employee_number)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        try:
            if action == "export":
                document = personal_data_export(subject=subject, user=user)
                self.stdout.write(json.dumps(document, ensure_ascii=False, indent=1, cls=DjangoJSONEncoder))
            else:
                erased = personal_data_erase(subject=subject, user=user)
                summary = ", ".join(f"{count} {category} record(s)" for category, count in erased.items())
                self.stderr.write(f"Erased {summary}.")
        except ApplicationError as exc:
            named = subject.email or subject.reference or subject.employee_number
            raise CommandError(f"{exc.message} ({named})") from exc
