"""Ads in the four languages, and a job ad made the way the studio makes one."""

from hiring import services
from hiring.models import JobAd
from profiles import selectors as profile_selectors

ADVISOR = "advisor-controller-led"
CLASSIC = "classic-service-agent"

DA_AD = (
    "Vi søger en servicemindet medarbejder til vores kundeservice. "
    "Du er en ivrig problemløser og kan lide at tage styringen. "
    "Du skal kunne smile i telefonen og arbejde under pres."
)
NB_AD = (
    "Vi søker en serviceinnstilt medarbeider til vårt kundesenter. "
    "Du er en problemløser som liker å ta initiativ og ta styringen. "
    "Du må kunne jobbe under press og holde hodet kaldt."
)
SV_AD = (
    "Vi söker en serviceinriktad medarbetare till vår kundtjänst. "
    "Du är en driven problemlösare som gärna tar initiativ och har skinn på näsan. "
    "Du är stresstålig och noggrann."
)
EN_AD = (
    "We are looking for a service-minded colleague for our customer team. "
    "You are a keen problem solver who can take ownership and take the lead. "
    "You stay calm under pressure and have attention to detail."
)
DE_AD = (
    "Wir suchen einen freundlichen Mitarbeiter für unseren Kundenservice in Berlin. "
    "Sie sind hilfsbereit und haben Freude an der Arbeit mit Menschen."
)
# The same Danish ad with the empathizer phrases rewritten towards the controller.
DA_AD_CONTROLLER = (
    "Vi søger en løsningsorienteret medarbejder til vores kundeservice. "
    "Du er en ivrig problemløser og kan lide at tage styringen. "
    "Du skal kunne guide kunden og arbejde under pres."
)


def role_profile(slug: str = ADVISOR):
    return profile_selectors.role_profile_for_analysis(slug)


def job_ad_make(*, owner, title: str = "Kundeservicemedarbejder", text: str = DA_AD, language: str = "", role=None):
    """A saved ad with revision 1, made through the same service the API and the pages use."""
    return services.job_ad_create(
        title=title, text=text, owner=owner, language=language, role_profile=role_profile(role) if role else None
    )


def job_ad_count() -> int:
    return JobAd.objects.count()
