from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from servicefit.core import registry
from servicefit.core.roles import Role
from servicefit.core.services import user_create_or_update

DEMO_USERS = [
    ("recruiter", Role.RECRUITER, "Rikke", "rikke@demo.servicefit.local"),
    ("hr", Role.HR, "Henrik", "henrik@demo.servicefit.local"),
    ("manager", Role.MANAGER, "Maja", "maja@demo.servicefit.local"),
    ("admin", Role.ADMIN, "Astrid", "astrid@demo.servicefit.local"),
]


class Command(BaseCommand):
    help = "Load demo users (one per role). Safe to run again: it resets them to the demo state."

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="Load even with DEBUG off. The demo passwords are public: never on a real install.",
        )

    def handle(self, *args, allow_production=False, **options):
        if not settings.DEBUG and not allow_production:
            raise CommandError(
                "Refusing to create demo users with public passwords while DEBUG is off. "
                "Use --allow-production only on a throwaway install."
            )
        with transaction.atomic():
            users = {
                username: user_create_or_update(
                    username=username,
                    password=f"demo-{username}",
                    role=role,
                    email=email,
                    first_name=first_name,
                )
                for username, role, first_name, email in DEMO_USERS
            }
            # Each app's own demo data, in the order the apps registered (existing rows are kept).
            lines = [loader.load(users=users) for loader in registry.demo_loaders()]
        for line in lines:
            self.stdout.write(f"  {line}")
        self.stdout.write(self.style.SUCCESS("Demo data loaded. Log in at http://127.0.0.1:8000/ as:"))
        for username, role, _first_name, _email in DEMO_USERS:
            self.stdout.write(f"  {username:<10} password demo-{username:<10} ({role.label})")
