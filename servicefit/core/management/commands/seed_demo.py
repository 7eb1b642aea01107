from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import gettext as _

from servicefit.core import registry
from servicefit.core.models import Team
from servicefit.core.roles import Role
from servicefit.core.services import user_create_or_update

# A contact centre with two sites. The recruiter works for Copenhagen and sees only its records;
# the manager leads the whole centre (its teams below included); HR and the admin see every team.
DEMO_CENTRE, DEMO_SITES = "Nordic Customer Care", ("Copenhagen", "Oslo")
DEMO_USERS = [
    ("recruiter", Role.RECRUITER, "Rikke", "rikke@demo.servicefit.local", "Copenhagen"),
    ("hr", Role.HR, "Henrik", "henrik@demo.servicefit.local", DEMO_CENTRE),
    ("manager", Role.MANAGER, "Maja", "maja@demo.servicefit.local", DEMO_CENTRE),
    ("admin", Role.ADMIN, "Astrid", "astrid@demo.servicefit.local", DEMO_CENTRE),
]


def demo_teams_ensure() -> dict[str, Team]:
    centre, _created = Team.objects.get_or_create(name=DEMO_CENTRE)
    teams = {DEMO_CENTRE: centre}
    for site in DEMO_SITES:
        teams[site], _created = Team.objects.get_or_create(name=site, defaults={"parent": centre})
    return teams


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
        missing = registry.shipped_data_missing()
        if missing:
            raise CommandError(
                _(
                    "The data ServiceFit ships is missing (%(missing)s): the database was emptied, with flush or by "
                    "hand, and only migrate on a new database loads it again. Create the database anew, run "
                    "migrate, then seed_demo."
                )
                % {"missing": ", ".join(missing)}
            )
        with transaction.atomic():
            teams = demo_teams_ensure()
            users = {
                username: user_create_or_update(
                    username=username,
                    password=f"demo-{username}",
                    role=role,
                    teams=[teams[team]],
                    email=email,
                    first_name=first_name,
                )
                for username, role, first_name, email, team in DEMO_USERS
            }
            # Each app's own demo data, in the order the apps registered (existing rows are kept).
            lines = [loader.load(users=users) for loader in registry.demo_loaders()]
        for line in lines:
            self.stdout.write(f"  {line}")
        self.stdout.write(self.style.SUCCESS(f"Demo data loaded. Log in at {settings.SITE_URL.rstrip('/')}/ as:"))
        for username, role, _first_name, _email, team in DEMO_USERS:
            self.stdout.write(f"  {username:<10} password demo-{username:<10} ({role.label}, {team})")
