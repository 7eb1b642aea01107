"""A synthetic Nordic contact centre for the demo and the benchmarks: agents, their development,
pulse answers and exits, as plain dataclasses (no Django; `workforce/demo.py` writes them).

The centre is simulated month by month, every agent from their hire date, so every record follows
from the ones before it: an agent nobody has coached for four months is twice as likely to resign the
next month, a detractor in the last pulse about three times as likely. Everything is deterministic for
a seed (one numpy Generator, vectorised over agents, drawn in a fixed order).

Assumptions and where they come from
------------------------------------
Sources: ../shared/datasets/README.md (industry figures, "README" below) and the seed articles
../shared/seeds/000–004 (summarised in ../shared/seeds/README.md, "seed NNN").

Hiring
- The centre opens `history_years` (default 2) before the data window (`years`) with a launch
  class; every period is simulated from its hire and the export keeps leavers, so the figures are not
  left-truncated. `n_agents` counts employment periods over the whole span.
- Later hiring fills the gap to a target headcount that grows 8% a year (seeds 002/003: rising
  traffic), in classes that come in waves: January and August (before the spring and autumn peaks)
  take 1.4× the month's gap, July 0.3× and December 0.4× (holidays), other months 0.9×, drawn
  Poisson (seed 002: staffing is the main challenge, so the gap is never closed at once). A pilot run
  fixes the month-by-month schedule so exactly `n_agents` are hired by `today`. Start dates move to
  the Monday on or after the drawn day.
- Agents hired in the last `servicefit_months` (18) months were, with probability 0.8, hired through
  ServiceFit: they carry a hiring-time fit (0–100, about N(66, 12), labels strong ≥ 80, good ≥ 65,
  partial ≥ 50, poor, as hiring/fit.py), a dominant service type (Controller likelier in the recent
  ads, seed 000) and an assessment profile shaped like hiring.Hire.assessment_profile.
- Sources are the candidates' (job board 55%, referral 20%, internal move 8%, other 17%).

Exits (monthly hazards, calibrated so the defaults give the README's figures)
- Annual voluntary attrition 30–45% (README: "commonly 30–45%"), measured as voluntary separations ÷
  mean month-end headcount × 365 ÷ days.
- 50–60% of all exits within the first three months (README). Voluntary hazard a month by tenure:
  months 1–3 0.21, months 4–12 0.0145 (README: tenure of 3–12 months predicts resignation), later
  0.0065, times the multipliers below and exp(−0.25 × engagement).
- Development (seeds 001, 003, 004: training, upskilling and specialist tracks keep people): no
  coaching or training for more than 120 days doubles the voluntary hazard; an active development
  plan multiplies it by 0.6, a specialist move by 0.6, a promotion by 0.7.
- Engagement: each agent has a latent engagement that drifts monthly, falls while nobody develops
  them and rises with coaching; the quarterly pulse's "would recommend" (0–10) is drawn from it. A
  detractor answer (0–6) multiplies the voluntary hazard by 2.5 until the next answer, which with the
  engagement term makes detractors about 3× likelier to resign (README: "0–6 → about 3× likelier").
  Disengaged agents answer less often (README: falling response rate).
- Hiring-time fit has a modest true effect on early attrition: good or strong fit multiplies the
  voluntary hazard in the first six months by 0.7, partial by 1, poor by 1.4, so the closing-the-loop
  section finds a real but not dramatic difference.
- Involuntary exits are about 15% of exits: a hazard of 0.013 a month in the first six months
  (probation), 0.004 later, ×1.3 for a poor fit. Reasons are coded (workforce.models.ExitReason
  values): voluntary ones weigh "no_development" up when nobody developed the agent and
  "manager"/"workload" up after a detractor answer.

Development
- Every agent gets an on-the-job onboarding training on the hire date (README: about 17 weeks to
  proficiency), certifications and courses later.
- Managers differ in coaching culture c (0–1): 0.35·c of their agents are in the high development
  class, 0.45 in the medium, the rest low; an agent is coached in a month with probability 0.10, 0.35
  or 0.80 by class, so some are coached about monthly, others rarely (seed 003: just-in-time coaching).
  Courses 1.5%/4%/8% a month by class from month 3, a quarter of them certifications.
- Development plans (2–3 goals on the competencies furthest below the role target, one level up)
  start from month 4 at 1%/4%/9% a month by class (one plan per period), last 6–12 months, and end
  completed (most goals achieved) or cancelled; one still running is active with goals in progress.
- Competency snapshots (manager ratings on whole anchors 1–5) at month 3 and every 6 months after;
  new hires start about 1.2 below the role's targets and grow 0.15/0.4/0.7 a year by development class.
- Career moves: generalists move to a specialist track from month 9 (seed 004: fewer generalists, more
  specialists), promotions from month 18, rare internal moves between teams.

Pulse
- One survey per quarter for all teams, open from the 8th to the 22nd of the quarter's middle month,
  sent to active agents with at least 30 days of tenure; recommend 0–10 and workload, growth, manager
  support 1–5. About 75% answer.
- About 2% of the active agents with more than 180 days are on leave on `today`.

What the defaults give (bench/demo_population.py; tests/workforce/test_demo_population.py):
voluntary attrition 37–42% a year, 52–57% of exits within three months, 13–16% involuntary;
detractors 2.5–3.1× likelier to resign within 180 days; a month that starts more than 120 days after
the last development activity about 3× likelier to end in a resignation (the true 2× plus the
engagement it goes with); 180-day voluntary exits of good-fit hires about 0.7× the weaker ones'.

Rehires
- 8% of those who resign for studies, a move, a career step elsewhere or the hours come back at least
  180 days later (HR's "boomerangs"): a new employment period with the same employee number, name
  and e-mail (an Agent record per period, as workforce.models.Agent says).

Names
- First and last names common in the team's country (DK, NO, SE); e-mails at an example domain.
- Free text (coaching notes, course and certification titles, plan titles and goals, promotion titles)
  in the language of the agent's team (Danish, Norwegian bokmål, Swedish; English elsewhere).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date

import numpy as np

# --------------------------------------------------------------------------------------------- specs


@dataclass(frozen=True, slots=True)
class TeamSpec:
    key: str
    country: str  # "DK", "NO" or "SE"


@dataclass(frozen=True, slots=True)
class ManagerSpec:
    key: str
    team: str  # TeamSpec.key
    # Share of the manager's agents in the high and low development classes.
    coaching_culture: float = 0.5


@dataclass(frozen=True, slots=True)
class RoleSpec:
    slug: str
    targets: dict  # competency code -> target level 1-5
    specialist: bool = False


DEFAULT_TEAMS = (TeamSpec("Copenhagen", "DK"), TeamSpec("Oslo", "NO"), TeamSpec("Stockholm", "SE"))
DEFAULT_MANAGERS = (
    ManagerSpec("manager", "Copenhagen", 0.7),
    ManagerSpec("lead-cph-2", "Copenhagen", 0.4),
    ManagerSpec("lead-osl-1", "Oslo", 0.55),
    ManagerSpec("lead-osl-2", "Oslo", 0.3),
    ManagerSpec("lead-sto-1", "Stockholm", 0.5),
    ManagerSpec("lead-sto-2", "Stockholm", 0.35),
)
# The framework's role templates (profiles/data/framework.json).
DEFAULT_ROLES = (
    RoleSpec(
        "classic-service-agent",
        {
            "customer_insight": 4,
            "de_escalation": 4,
            "resilience": 4,
            "written_communication": 3,
            "collaboration": 3,
            "dialogue_leadership": 3,
            "product_technical_insight": 3,
        },
    ),
    RoleSpec(
        "advisor-controller-led",
        {
            "dialogue_leadership": 5,
            "complex_problem_solving": 4,
            "customer_insight": 4,
            "commercial_sense": 4,
            "product_technical_insight": 4,
            "de_escalation": 3,
            "learning_agility": 3,
        },
        specialist=True,
    ),
    RoleSpec(
        "technical-support-specialist",
        {
            "product_technical_insight": 5,
            "complex_problem_solving": 5,
            "written_communication": 4,
            "learning_agility": 4,
            "collaboration": 4,
            "dialogue_leadership": 3,
            "customer_insight": 3,
        },
        specialist=True,
    ),
)

SERVICE_TYPES = ("accommodator", "competitor", "controller", "empathizer", "hard_worker", "innovator", "rock")
# Recent ads recruit Controllers (seed 000); Empathizers are still common among applicants.
SERVICE_TYPE_WEIGHTS = (0.10, 0.10, 0.30, 0.20, 0.12, 0.08, 0.10)
FIT_BANDS = (("strong", 80.0), ("good", 65.0), ("partial", 50.0), ("poor", 0.0))

CHANNELS = ("phone", "email", "chat", "social", "back_office")
# The candidates' sources (hiring.Candidate.Source), for ServiceFit hires and the others alike.
SOURCES = ("job_board", "referral", "internal_move", "other")
SOURCE_WEIGHTS = (0.55, 0.2, 0.08, 0.17)

VOLUNTARY_REASONS = (
    "career",
    "studies",
    "pay",
    "workload",
    "schedule",
    "manager",
    "no_development",
    "relocation",
    "other",
)
VOLUNTARY_WEIGHTS = np.array([0.22, 0.12, 0.14, 0.13, 0.10, 0.07, 0.08, 0.06, 0.08])
INVOLUNTARY_REASONS = ("performance", "end_of_contract", "conduct", "redundancy")
INVOLUNTARY_WEIGHTS = np.array([0.45, 0.30, 0.10, 0.15])

COACHING_TOPICS = (
    "call_handling",
    "product",
    "systems",
    "difficult_customers",
    "sales",
    "wellbeing",
    "career",
    "other",
)
COACHING_TOPIC_WEIGHTS = np.array([0.24, 0.18, 0.14, 0.16, 0.08, 0.08, 0.08, 0.04])
# Competencies the courses and certifications train (the titles below are in this order).
COURSE_COMPETENCIES = (
    "de_escalation",
    "written_communication",
    "product_technical_insight",
    "dialogue_leadership",
    "complex_problem_solving",
    "commercial_sense",
    "resilience",
)
CERTIFICATION_COMPETENCIES = ("customer_insight", "product_technical_insight", None)
PROMOTIONS = 3
REHIRE_REASONS = ("studies", "relocation", "career", "schedule")
REHIRE_SHARE = 0.08

# The records' free text in the team's language (HR keeps notes in the local language); EN for a
# country without texts.
TEXTS = {
    "EN": {
        "notes": {
            "call_handling": "Listened to three calls together; agreed on a clearer opening and summary.",
            "product": "Went through the new subscription terms and the customers' most common questions.",
            "systems": "Shortcuts in the CRM and the knowledge base, so fewer systems are open at once.",
            "difficult_customers": "Reviewed an escalated call and practised taking charge of the dialogue.",
            "sales": "Spotting upgrade needs without pushing; two role-plays.",
            "wellbeing": "Talked about workload and breaks between demanding calls.",
            "career": "Talked about the specialist tracks and what the next step takes.",
            "other": "Follow-up on last month's goals.",
        },
        "courses": (
            "De-escalation in practice",
            "Writing clear answers",
            "Product academy",
            "Taking charge of the dialogue",
            "Complex cases and root causes",
            "Consultative sales",
            "Resilience and recovery",
        ),
        "certifications": (
            "Certified customer service agent (level 1)",
            "Technical support certificate",
            "GDPR and information security",
        ),
        "onboarding": "Onboarding: systems, products and call handling",
        "internal": "Internal",
        "academy": "Internal academy",
        "promotions": ("Senior agent", "Team coordinator", "Quality coach"),
        "plans": ("Development plan", "Preparing for a specialist track"),
        "goal": "Reach level {level} with side-by-side training and weekly feedback",
    },
    "DK": {
        "notes": {
            "call_handling": "Lyttede tre opkald igennem sammen; aftalte en klarere indledning og opsummering.",
            "product": "Gennemgik de nye abonnementsvilkår og kundernes hyppigste spørgsmål.",
            "systems": "Genveje i CRM og vidensbasen, så der er færre systemer åbne ad gangen.",
            "difficult_customers": "Gennemgik et eskaleret opkald og øvede at tage styringen i dialogen.",
            "sales": "At spotte behov for en opgradering uden at presse; to rollespil.",
            "wellbeing": "Talte om arbejdsbyrde og pauser mellem krævende opkald.",
            "career": "Talte om specialistsporene, og hvad næste skridt kræver.",
            "other": "Opfølgning på sidste måneds mål.",
        },
        "courses": (
            "Deeskalering i praksis",
            "Skriv klare svar",
            "Produktakademiet",
            "Tag styringen i dialogen",
            "Komplekse sager og grundårsager",
            "Rådgivende salg",
            "Robusthed og restitution",
        ),
        "certifications": (
            "Certificeret kundeservicemedarbejder (niveau 1)",
            "Certifikat i teknisk support",
            "GDPR og informationssikkerhed",
        ),
        "onboarding": "Introduktion: systemer, produkter og samtaleteknik",
        "internal": "Intern",
        "academy": "Internt akademi",
        "promotions": ("Senior kundeservicemedarbejder", "Teamkoordinator", "Kvalitetscoach"),
        "plans": ("Udviklingsplan", "Forberedelse til specialistspor"),
        "goal": "Nå niveau {level} med sidemandsoplæring og ugentlig feedback",
    },
    "NO": {
        "notes": {
            "call_handling": (
                "Lyttet gjennom tre samtaler sammen; ble enige om en tydeligere innledning og oppsummering."
            ),
            "product": "Gikk gjennom de nye abonnementsvilkårene og kundenes vanligste spørsmål.",
            "systems": "Snarveier i CRM og kunnskapsbasen, slik at færre systemer er åpne samtidig.",
            "difficult_customers": "Gikk gjennom en eskalert samtale og øvde på å ta styringen i dialogen.",
            "sales": "Å fange opp behov for oppgradering uten å presse; to rollespill.",
            "wellbeing": "Snakket om arbeidsmengde og pauser mellom krevende samtaler.",
            "career": "Snakket om spesialistløpene og hva neste steg krever.",
            "other": "Oppfølging av forrige måneds mål.",
        },
        "courses": (
            "Deeskalering i praksis",
            "Skriv tydelige svar",
            "Produktakademiet",
            "Ta styringen i dialogen",
            "Komplekse saker og rotårsaker",
            "Rådgivende salg",
            "Robusthet og restitusjon",
        ),
        "certifications": (
            "Sertifisert kundeservicemedarbeider (nivå 1)",
            "Sertifikat i teknisk brukerstøtte",
            "GDPR og informasjonssikkerhet",
        ),
        "onboarding": "Opplæring: systemer, produkter og samtaleteknikk",
        "internal": "Intern",
        "academy": "Internt akademi",
        "promotions": ("Senior kundeservicemedarbeider", "Teamkoordinator", "Kvalitetscoach"),
        "plans": ("Utviklingsplan", "Forberedelse til spesialistløp"),
        "goal": "Nå nivå {level} med medlytting og ukentlig tilbakemelding",
    },
    "SE": {
        "notes": {
            "call_handling": (
                "Lyssnade igenom tre samtal tillsammans; kom överens om en tydligare inledning och sammanfattning."
            ),
            "product": "Gick igenom de nya abonnemangsvillkoren och kundernas vanligaste frågor.",
            "systems": "Genvägar i CRM-systemet och kunskapsbasen, så att färre system är öppna samtidigt.",
            "difficult_customers": "Gick igenom ett eskalerat samtal och övade på att ta kommandot i dialogen.",
            "sales": "Att fånga upp behov av uppgradering utan att pressa; två rollspel.",
            "wellbeing": "Pratade om arbetsbelastning och pauser mellan krävande samtal.",
            "career": "Pratade om specialistspåren och vad nästa steg kräver.",
            "other": "Uppföljning av förra månadens mål.",
        },
        "courses": (
            "Deeskalering i praktiken",
            "Skriv tydliga svar",
            "Produktakademin",
            "Ta kommandot i dialogen",
            "Komplexa ärenden och grundorsaker",
            "Rådgivande försäljning",
            "Motståndskraft och återhämtning",
        ),
        "certifications": (
            "Certifierad kundtjänstmedarbetare (nivå 1)",
            "Certifikat i teknisk support",
            "GDPR och informationssäkerhet",
        ),
        "onboarding": "Introduktion: system, produkter och samtalsteknik",
        "internal": "Intern",
        "academy": "Intern akademi",
        "promotions": ("Senior kundtjänstmedarbetare", "Teamkoordinator", "Kvalitetscoach"),
        "plans": ("Utvecklingsplan", "Förberedelse för specialistspår"),
        "goal": "Nå nivå {level} med medlyssning och återkoppling varje vecka",
    },
}

# Monthly voluntary hazards by month of tenure and the multipliers (see the docstring).
H_EARLY, H_MID, H_LATE = 0.21, 0.0145, 0.0065
H_INVOL_PROBATION, H_INVOL_LATE = 0.013, 0.004
NO_DEVELOPMENT_DAYS = 120
M_NO_DEVELOPMENT = 2.0
M_PLAN = 0.6
M_SPECIALIST = 0.6
M_PROMOTED = 0.7
M_DETRACTOR = 2.5
M_FIT_GOOD, M_FIT_POOR = 0.7, 1.4
GROWTH_PER_YEAR_HEADCOUNT = 0.08
HIRING_WAVE = {1: 1.4, 8: 1.4, 7: 0.3, 12: 0.4}
COACHING_P = np.array([0.10, 0.35, 0.80])
GROWTH_PER_YEAR = np.array([0.15, 0.40, 0.70])
MONTH_DAYS = 30.4375

# ------------------------------------------------------------------------------------------- output


@dataclass(slots=True)
class AgentRecord:
    index: int
    employee_number: str
    name: str
    email: str
    team: str
    manager: str | None
    role_profile: str
    channels: list
    hire_date: date
    source: str
    exit_date: date | None = None
    exit_type: str = ""
    exit_reason: str = ""
    employment_status: str = "active"  # active, on_leave, exited
    servicefit_hire: bool = False
    hiring_fit: float | None = None
    hiring_fit_label: str = ""
    hiring_dominant_type: str = ""
    # As hiring.Hire.assessment_profile: assessment, submitted_on, type_scores (1-5),
    # type_percentiles, competency_scores (0-100); empty for agents not hired through ServiceFit.
    hiring_profile: dict = field(default_factory=dict)
    development_class: int = 1  # 0 low, 1 medium, 2 high (the simulation's own, not stored)


@dataclass(slots=True)
class CoachingRecord:
    agent: int
    held_on: date
    topic: str
    coach: str | None
    notes: str


@dataclass(slots=True)
class TrainingRecord:
    agent: int
    kind: str  # course, certification, on_the_job
    title: str
    provider: str
    competency: str | None
    completed_on: date
    expires_on: date | None = None


@dataclass(slots=True)
class GoalRecord:
    competency: str
    description: str
    target_level: int
    due_on: date
    status: str  # open, in_progress, achieved, dropped
    completed_on: date | None = None


@dataclass(slots=True)
class PlanRecord:
    agent: int
    title: str
    starts_on: date
    status: str  # active, completed, cancelled
    created_by: str | None
    goals: list = field(default_factory=list)


@dataclass(slots=True)
class SnapshotRecord:
    agent: int
    taken_on: date
    rated_by: str | None
    levels: dict  # competency code -> whole level 1-5


@dataclass(slots=True)
class MoveRecord:
    agent: int
    moved_on: date
    kind: str  # specialist, promotion, internal
    title: str
    from_team: str
    to_team: str
    from_role_profile: str
    to_role_profile: str


@dataclass(slots=True)
class SurveyRecord:
    key: str
    title: str
    opens_on: date
    closes_on: date


@dataclass(slots=True)
class PulseRecord:
    agent: int
    survey: str  # SurveyRecord.key
    team: str
    answered_on: date
    recommend: int
    workload: int
    growth: int
    manager_support: int


@dataclass(slots=True)
class Population:
    today: date
    window_start: date
    agents: list
    coaching: list
    trainings: list
    plans: list
    snapshots: list
    moves: list
    surveys: list
    pulse: list
    invited: list  # (agent index, survey key) for every pulse invitation, answered or not


# -------------------------------------------------------------------------------------------- names


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


FIRST_NAMES = {
    "DK": _words(
        "Mette Anne Kirsten Hanne Camilla Louise Sofie Ida Freja Emma Line Maja Signe Julie Cecilie Rikke "
        "Lars Jens Peter Michael Søren Rasmus Mads Anders Frederik Mikkel Kasper Christian Jonas Emil Magnus Niels "
        "Troels Asger Karen Birgitte Astrid Nanna Mathias Oliver"
    ),
    "NO": _words(
        "Ingrid Kari Marit Silje Ingvild Hilde Tone Marte Nora Ingeborg Thea Sigrid Vilde Synnøve Ragnhild Solveig "
        "Ole Knut Bjørn Geir Håkon Eirik Sindre Even Espen Magne Torbjørn Vegard Audun Øystein Jørgen Sander "
        "Kristoffer Aslak Eline Åse Tor Trond Guro Henrik"
    ),
    "SE": _words(
        "Anna Eva Karin Maria Elin Sara Linnéa Ebba Alva Klara Matilda Elsa Hanna Sofia Johanna Lisa "
        "Erik Lars Johan Anders Per Mikael Fredrik Oskar Hugo Axel Viktor Gustav Filip Linus Albin Olle "
        "Åsa Märta Björn Göran Sven Ingrid Maja Nils"
    ),
}
LAST_NAMES = {
    "DK": _words(
        "Jensen Nielsen Hansen Pedersen Andersen Christensen Larsen Sørensen Rasmussen Jørgensen Petersen "
        "Madsen Kristensen Olsen Thomsen Christiansen Poulsen Johansen Møller Mortensen Knudsen Lund Holm "
        "Frederiksen Dahl Bech Kjær Østergaard Mikkelsen Vestergaard"
    ),
    "NO": _words(
        "Hansen Johansen Olsen Larsen Andersen Pedersen Nilsen Kristiansen Jensen Karlsen Johnsen Pettersen "
        "Eriksen Berg Haugen Hagen Johannessen Andreassen Jacobsen Dahl Jørgensen Halvorsen Lie Moen Solberg "
        "Bakken Strand Nygård Haugland Aasen"
    ),
    "SE": _words(
        "Andersson Johansson Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson Gustafsson Pettersson "
        "Jonsson Jansson Hansson Bengtsson Jönsson Lindberg Lindström Lindqvist Lundgren Berglund Engström "
        "Sandberg Holm Åberg Forsberg Sjöberg Wallin Lundqvist Ekström"
    ),
}
_ASCII = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "ä": "a", "ö": "o", "é": "e", "ü": "u"})


def _email_part(text: str) -> str:
    return text.lower().translate(_ASCII)


# ---------------------------------------------------------------------------------------- helpers


def _fit_label(fit: float) -> str:
    for label, minimum in FIT_BANDS:
        if fit >= minimum:
            return label
    return FIT_BANDS[-1][0]


def _month_starts(first: date, last: date) -> list[date]:
    months, year, month = [], first.year, first.month
    while date(year, month, 1) <= last:
        months.append(date(year, month, 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _choice_index(rng: np.random.Generator, weights: np.ndarray, size: int) -> np.ndarray:
    """Weighted choice per row: weights is (size, k) or (k,)."""
    weights = np.asarray(weights, dtype=float)
    if weights.ndim == 1:
        return rng.choice(len(weights), size=size, p=weights / weights.sum())
    cumulative = np.cumsum(weights, axis=1)
    draws = rng.random(size) * cumulative[:, -1]
    return (cumulative < draws[:, None]).sum(axis=1)


# ------------------------------------------------------------------------------------- generator


def population(
    *,
    n_agents: int = 360,
    years: int = 3,
    teams=DEFAULT_TEAMS,
    managers=DEFAULT_MANAGERS,
    role_profiles=DEFAULT_ROLES,
    today: date | None = None,
    seed: int = 2026,
    history_years: int = 2,
    servicefit_months: int = 18,
) -> Population:
    """Simulate the centre; `n_agents` employment periods hired over `history_years + years` years up
    to `today` (see the module docstring for every assumption)."""
    today = today or date.today()
    teams = tuple(t if isinstance(t, TeamSpec) else TeamSpec(*t) for t in teams)
    managers = tuple(m if isinstance(m, ManagerSpec) else ManagerSpec(*m) for m in managers)
    role_profiles = tuple(r if isinstance(r, RoleSpec) else RoleSpec(*r) for r in role_profiles)
    if not teams or not role_profiles or n_agents < 1:
        raise ValueError("population needs at least one team, one role profile and one agent")
    common = {
        "years": years,
        "teams": teams,
        "managers": managers,
        "role_profiles": role_profiles,
        "today": today,
        "seed": seed,
        "history_years": history_years,
        "servicefit_months": servicefit_months,
    }
    # A pilot run with plenty of people gives the month-by-month hiring (a launch class, then classes
    # that fill the gap to a growing target headcount); scaled to n_agents it is the real run's hiring
    # schedule, so the centre hires exactly n_agents by today.
    pilot = min(n_agents, 3000)
    launch = pilot / (1.0 + 0.8 * (years + history_years))
    hired = _simulate(n=8 * pilot, launch=launch, schedule=None, **common)
    schedule = np.rint(np.cumsum(hired) * n_agents / max(1, hired.sum())).astype(np.int64)
    return _simulate(n=n_agents, launch=launch, schedule=schedule, **common)


def _simulate(
    *, n, launch, schedule, years, teams, managers, role_profiles, today, seed, history_years, servicefit_months
):
    rng = np.random.default_rng(seed)
    window_start = _years_before(today, years)
    first_day = _years_before(window_start, history_years)
    months = _month_starts(first_day, today)
    month_ord = np.array([m.toordinal() for m in months], dtype=np.int64)
    month_end = np.append(month_ord[1:], today.toordinal() + 1)  # exclusive
    month_end[-1] = min(month_end[-1], today.toordinal() + 1)
    n_months = len(months)
    today_ord = today.toordinal()

    # --- hiring: a launch class, then classes that fill the gap to a growing target headcount
    hire_ord = np.full(n, today_ord + 1, dtype=np.int64)
    hire_month = np.full(n, n_months, dtype=np.int64)
    hire_day_pick = rng.random(n)
    next_agent = 0
    hired_per_month = np.zeros(n_months, dtype=np.int64)

    # --- who, where, how developed
    n_teams = len(teams)
    team_of = rng.integers(0, n_teams, size=n)
    team_managers = [[j for j, m in enumerate(managers) if m.team == t.key] for t in teams]
    manager_of = np.full(n, -1, dtype=np.int64)
    culture = np.full(n, 0.5)
    for t, mine in enumerate(team_managers):
        idx = np.flatnonzero(team_of == t)
        if mine and len(idx):
            picks = np.array(mine)[rng.integers(0, len(mine), size=len(idx))]
            manager_of[idx] = picks
            culture[idx] = [managers[j].coaching_culture for j in picks]
    # Development class: a good coaching culture shifts agents to the high class.
    u = rng.random(n)
    dev_class = np.where(u < 0.35 * culture, 2, np.where(u < 0.35 * culture + 0.45, 1, 0))

    generalists = [i for i, r in enumerate(role_profiles) if not r.specialist] or [0]
    specialists = [i for i, r in enumerate(role_profiles) if r.specialist]
    role_of = np.array(generalists)[rng.integers(0, len(generalists), size=n)]
    if specialists:  # a few are hired straight into a specialist track
        direct = rng.random(n) < 0.12
        role_of[direct] = np.array(specialists)[rng.integers(0, len(specialists), size=int(direct.sum()))]
    is_specialist = np.array([role_profiles[r].specialist for r in role_of])

    # ServiceFit hires: fit and dominant type
    servicefit_from = _months_before_ord(today, servicefit_months)
    servicefit_pick = rng.random(n) < 0.8
    servicefit = np.zeros(n, dtype=bool)  # set at hire
    fit = np.clip(rng.normal(66.0, 12.0, size=n), 20.0, 98.0).round(1)
    fit_good = np.zeros(n, dtype=bool)
    fit_poor = np.zeros(n, dtype=bool)
    dominant = rng.choice(len(SERVICE_TYPES), size=n, p=np.array(SERVICE_TYPE_WEIGHTS) / sum(SERVICE_TYPE_WEIGHTS))

    # Competencies: latent levels on every competency in any role.
    competencies = sorted({code for r in role_profiles for code in r.targets})
    comp_index = {c: i for i, c in enumerate(competencies)}
    target = np.array([[r.targets.get(c, 3) for c in competencies] for r in role_profiles], dtype=float)
    level = np.clip(target[role_of] - 1.2 + rng.normal(0, 0.6, size=(n, len(competencies))), 1.0, 5.0)
    growth = np.clip(GROWTH_PER_YEAR[dev_class] + rng.normal(0, 0.1, size=n), 0.0, None)

    # --- state
    engagement = rng.normal(0.0, 1.0, size=n)
    active = np.zeros(n, dtype=bool)
    exited = np.zeros(n, dtype=bool)
    exit_ord = np.zeros(n, dtype=np.int64)
    exit_kind = np.zeros(n, dtype=np.int8)  # 1 voluntary, 2 involuntary
    exit_reason = np.full(n, -1, dtype=np.int64)
    last_dev = hire_ord.copy()  # onboarding training on the hire date
    plan_until = np.zeros(n, dtype=np.int64)
    plan_index = np.full(n, -1, dtype=np.int64)
    promoted = np.zeros(n, dtype=bool)
    detractor = np.zeros(n, dtype=bool)
    next_snapshot = hire_ord + 91

    # Event columns, gathered per month and expanded to records at the end.
    coaching_cols: list[tuple] = []
    course_cols: list[tuple] = []
    pulse_cols: list[tuple] = []
    invited_cols: list[tuple] = []
    snapshot_cols: list[tuple] = []
    move_rows: list[tuple] = []
    plan_rows: list[list] = []  # [agent, start, end, created_by, goal competencies, current levels]

    surveys: list[SurveyRecord] = []

    for k in range(n_months):
        start, end = int(month_ord[k]), int(month_end[k])
        if end <= start:
            continue
        days = end - start
        # Hiring: the launch class in the first month, then Poisson classes filling the gap to the
        # target, bigger in January and August, small in July and December (waves).
        if schedule is not None:
            hires = max(0, int(schedule[k]) - next_agent)
        elif k == 0:
            hires = int(round(launch))
        else:
            target_headcount = launch * (1.0 + GROWTH_PER_YEAR_HEADCOUNT * k / 12.0)
            gap = target_headcount - int((active & ~exited).sum())
            hires = int(rng.poisson(max(0.0, gap) * HIRING_WAVE.get(months[k].month, 0.9)))
        hires = min(hires, n - next_agent)
        hired_per_month[k] = hires
        if hires:
            new = np.arange(next_agent, next_agent + hires)
            next_agent += hires
            day = start + (hire_day_pick[new] * days).astype(np.int64)
            day = day + (-(day - 1) % 7) % 7  # the Monday on or after (ordinal 1 is a Monday)
            hire_ord[new] = np.minimum(day, min(end - 1, today_ord))
            hire_month[new] = k
            last_dev[new] = hire_ord[new]
            next_snapshot[new] = hire_ord[new] + 91
            servicefit[new] = (hire_ord[new] >= servicefit_from) & servicefit_pick[new]
            fit_good[new] = servicefit[new] & (fit[new] >= 65.0)
            fit_poor[new] = servicefit[new] & (fit[new] < 50.0)
            active[new] = True
        idx = np.flatnonzero(active & ~exited)
        if not len(idx):
            continue
        # Exposure: the part of the month the agent was employed.
        from_day = np.maximum(hire_ord[idx], start)
        exposure = (end - from_day) / days
        tenure_days = start - hire_ord[idx]
        tenure_month = np.maximum(tenure_days, 0) / MONTH_DAYS  # completed months at the month's start

        # -- development this month
        coached = rng.random(len(idx)) < COACHING_P[dev_class[idx]] * exposure
        coach_day = from_day + (rng.random(len(idx)) * (end - from_day)).astype(np.int64)
        if coached.any():
            who = idx[coached]
            coaching_cols.append((who, coach_day[coached], manager_of[who]))
            last_dev[who] = np.maximum(last_dev[who], coach_day[coached])
            engagement[who] += 0.08
        course = (tenure_month >= 2) & (rng.random(len(idx)) < np.array([0.015, 0.04, 0.08])[dev_class[idx]])
        if course.any():
            who = idx[course]
            day = start + (rng.random(len(who)) * days).astype(np.int64)
            course_cols.append((who, day))
            last_dev[who] = np.maximum(last_dev[who], day)
            level[who] += 0.05

        # -- plans
        plan_active = plan_until[idx] > start
        may_plan = (~plan_active) & (tenure_month >= 3) & (plan_index[idx] < 0)
        new_plan = may_plan & (rng.random(len(idx)) < np.array([0.01, 0.04, 0.09])[dev_class[idx]])
        for a in idx[new_plan]:
            begin = int(start + rng.integers(0, days))
            length = int(rng.integers(6, 13) * MONTH_DAYS)
            gaps = target[role_of[a]] - level[a]
            order = np.argsort(-gaps)[: int(rng.integers(2, 4))]
            plan_index[a] = len(plan_rows)
            plan_until[a] = begin + length
            plan_rows.append([int(a), begin, begin + length, int(manager_of[a]), order, level[a, order].copy()])
            last_dev[a] = max(last_dev[a], begin)
        plan_active = plan_until[idx] > start

        # -- career moves
        gen = ~is_specialist[idx]
        move_p = np.array([0.003, 0.010, 0.025])[dev_class[idx]]
        to_specialist = gen & (tenure_month >= 9) & (rng.random(len(idx)) < move_p) & bool(specialists)
        for a in idx[to_specialist]:
            new_role = specialists[int(rng.integers(0, len(specialists)))]
            day = int(start + rng.integers(0, days))
            move_rows.append(
                (int(a), day, "specialist", -1, int(team_of[a]), int(team_of[a]), int(role_of[a]), new_role)
            )
            role_of[a] = new_role
            is_specialist[a] = True
            last_dev[a] = max(last_dev[a], day)
        promote = (~promoted[idx]) & (tenure_month >= 18) & (rng.random(len(idx)) < 0.002 * (1 + 2 * dev_class[idx]))
        for a in idx[promote]:
            day = int(start + rng.integers(0, days))
            title = int(rng.integers(0, PROMOTIONS))  # localised in _records
            move_rows.append(
                (int(a), day, "promotion", title, int(team_of[a]), int(team_of[a]), int(role_of[a]), int(role_of[a]))
            )
            promoted[a] = True
        internal = (tenure_month >= 6) & (rng.random(len(idx)) < 0.002) & (n_teams > 1)
        for a in idx[internal]:
            day = int(start + rng.integers(0, days))
            new_team = int((team_of[a] + rng.integers(1, n_teams)) % n_teams)
            move_rows.append((int(a), day, "internal", -1, int(team_of[a]), new_team, int(role_of[a]), int(role_of[a])))
            team_of[a] = new_team
            mine = team_managers[new_team]
            manager_of[a] = mine[int(rng.integers(0, len(mine)))] if mine else -1

        # -- competency growth and snapshots
        level[idx] = np.minimum(5.0, level[idx] + (growth[idx] * exposure / 12.0)[:, None])
        due = idx[next_snapshot[idx] < end]
        if len(due):
            day = np.maximum(next_snapshot[due], start)
            snapshot_cols.append((due, day, manager_of[due].copy(), role_of[due].copy(), level[due].copy()))
            next_snapshot[due] = day + 182

        # -- engagement drift
        no_dev = (start - last_dev[idx]) > NO_DEVELOPMENT_DAYS
        engagement[idx] += rng.normal(0.0, 0.2, size=len(idx)) - 0.12 * no_dev + 0.03 * plan_active
        engagement[idx] *= 0.97  # drifts back toward the centre's norm

        # -- quarterly pulse
        if months[k].month in (2, 5, 8, 11):
            q = (months[k].month + 1) // 3
            key = f"{months[k].year}-Q{q}"
            opens = start + 7
            closes = min(start + 21, today_ord)
            if opens <= today_ord and closes >= opens:
                surveys.append(
                    SurveyRecord(key, f"Puls {months[k].year} K{q}", date.fromordinal(opens), date.fromordinal(closes))
                )
                eligible = idx[(opens - hire_ord[idx]) >= 30]
                if len(eligible):
                    z = engagement[eligible]
                    answers = rng.random(len(eligible)) < 1 / (1 + np.exp(-(1.3 + 0.8 * z)))
                    invited_cols.append((eligible, len(surveys) - 1))
                    who = eligible[answers]
                    z = z[answers]
                    recent = (opens - last_dev[who]) <= 60
                    nodev = (opens - last_dev[who]) > NO_DEVELOPMENT_DAYS
                    noise = rng.normal(0, 1.2, size=(len(who), 4))
                    recommend = np.clip(np.rint(6.9 + 1.7 * z + 0.6 * recent - 0.7 * nodev + noise[:, 0]), 0, 10)
                    workload = np.clip(np.rint(3.2 + 0.5 * z + 0.8 * noise[:, 1]), 1, 5)
                    grow = np.clip(np.rint(3.0 + 0.5 * z + 0.6 * recent - 0.6 * nodev + 0.7 * noise[:, 2]), 1, 5)
                    support = np.clip(np.rint(3.4 + 0.4 * z + 0.3 * (dev_class[who] - 1) + 0.7 * noise[:, 3]), 1, 5)
                    answered = opens + (rng.random(len(who)) * (closes - opens + 1)).astype(np.int64)
                    pulse_cols.append(
                        (who, len(surveys) - 1, team_of[who].copy(), answered, recommend, workload, grow, support)
                    )
                    detractor[who] = recommend <= 6

        # -- exits
        t = tenure_month
        base = np.where(t < 3, H_EARLY, np.where(t < 12, H_MID, H_LATE))
        hazard = base * np.where(no_dev, M_NO_DEVELOPMENT, 1.0)
        hazard *= np.where(plan_active, M_PLAN, 1.0) * np.where(is_specialist[idx], M_SPECIALIST, 1.0)
        hazard *= np.where(promoted[idx], M_PROMOTED, 1.0) * np.where(detractor[idx], M_DETRACTOR, 1.0)
        hazard *= np.exp(-0.25 * engagement[idx])
        early = t < 6
        hazard *= np.where(early & fit_good[idx], M_FIT_GOOD, 1.0) * np.where(early & fit_poor[idx], M_FIT_POOR, 1.0)
        invol = np.where(t < 6, H_INVOL_PROBATION, H_INVOL_LATE) * np.where(fit_poor[idx], 1.3, 1.0)
        p_vol = 1 - np.exp(-hazard * exposure)
        p_inv = 1 - np.exp(-invol * exposure)
        u = rng.random(len(idx))
        leaves_vol = u < p_vol
        leaves_inv = (~leaves_vol) & (u < p_vol + p_inv)
        leaves_vol &= hire_ord[idx] < today_ord  # nobody leaves on the day they start
        leaves_inv &= hire_ord[idx] < today_ord
        leaving = leaves_vol | leaves_inv
        if leaving.any():
            who = idx[leaving]
            day = from_day[leaving] + (rng.random(len(who)) * (end - from_day[leaving])).astype(np.int64)
            exited[who] = True
            # The exit date is the first day not employed: at least the day after the hire.
            exit_ord[who] = np.minimum(np.maximum(day, hire_ord[who] + 1), today_ord)
            exit_kind[who] = np.where(leaves_vol[leaving], 1, 2)
            vol_who = who[leaves_vol[leaving]]
            if len(vol_who):
                w = np.tile(VOLUNTARY_WEIGHTS, (len(vol_who), 1))
                w[:, 6] *= np.where(no_dev[leaving][leaves_vol[leaving]], 3.0, 1.0)
                w[:, 5] *= np.where(detractor[vol_who], 2.0, 1.0)
                w[:, 3] *= np.where(detractor[vol_who], 1.5, 1.0)
                exit_reason[vol_who] = _choice_index(rng, w, len(vol_who))
            inv_who = who[leaves_inv[leaving]]
            if len(inv_who):
                exit_reason[inv_who] = _choice_index(rng, INVOLUNTARY_WEIGHTS, len(inv_who))

    if schedule is None:
        return hired_per_month
    return _records(
        rng=rng,
        today=today,
        window_start=window_start,
        teams=teams,
        managers=managers,
        role_profiles=role_profiles,
        n=n,
        hire_ord=hire_ord,
        team_of=team_of,
        manager_of=manager_of,
        role_of=role_of,
        dev_class=dev_class,
        servicefit=servicefit,
        fit=fit,
        dominant=dominant,
        exited=exited,
        exit_ord=exit_ord,
        exit_kind=exit_kind,
        exit_reason=exit_reason,
        plan_rows=plan_rows,
        level=level,
        comp_index=comp_index,
        coaching_cols=coaching_cols,
        course_cols=course_cols,
        snapshot_cols=snapshot_cols,
        move_rows=move_rows,
        surveys=surveys,
        pulse_cols=pulse_cols,
        invited_cols=invited_cols,
    )


def _rehires(rng, agents: list, hire_ord: np.ndarray, countries: list) -> None:
    """Some who resigned for studies, a move, a career step elsewhere or the hours come back: a later
    hire (at least 180 days after the exit, in a team of the same country) becomes their new
    employment period, with their employee number, name and e-mail."""
    order = np.argsort(hire_ord, kind="stable")
    sorted_hires = hire_ord[order]
    order = order.tolist()
    used = set()
    for a in order:  # in hire order, so a period that is itself rehired later carries the identity on
        agent = agents[a]
        if agent.exit_type != "voluntary" or agent.exit_reason not in REHIRE_REASONS:
            continue
        if rng.random() >= REHIRE_SHARE:
            continue
        i = int(np.searchsorted(sorted_hires, agent.exit_date.toordinal() + 180, side="left"))
        while i < len(order) and (order[i] in used or countries[order[i]] != countries[a]):
            i += 1
        if i >= len(order):
            continue
        used.add(order[i])
        later = agents[order[i]]
        later.employee_number, later.name, later.email = agent.employee_number, agent.name, agent.email


def _hiring_profiles(rng, servicefit, dominant, fit, hire_ord, competencies) -> dict[int, dict]:
    """Assessment profiles for the ServiceFit hires: the dominant type scores highest; competency
    scores follow the fit."""
    who = np.flatnonzero(servicefit)
    k = len(SERVICE_TYPES)
    scores = rng.normal(3.1, 0.45, size=(len(who), k))
    rows = np.arange(len(who))
    scores[rows, dominant[who]] = scores.max(axis=1) + rng.uniform(0.2, 0.7, size=len(who))
    scores = np.clip(scores, 1.0, 5.0)
    others = np.ones_like(scores, dtype=bool)
    others[rows, dominant[who]] = False
    scores[others] = np.minimum(scores[others], 4.8)
    percentiles = 50.0 * (1.0 + np.vectorize(math.erf)((scores - 3.2) / (0.6 * math.sqrt(2.0))))
    competency = np.clip(rng.normal(fit[who, None] * 0.95, 14.0, size=(len(who), len(competencies))), 0.0, 100.0)
    submitted = hire_ord[who] - rng.integers(7, 45, size=len(who))
    profiles = {}
    for i, a in enumerate(who.tolist()):
        profiles[a] = {
            "assessment": "service-profile-standard",
            "submitted_on": date.fromordinal(int(submitted[i])).isoformat(),
            "type_scores": dict(zip(SERVICE_TYPES, np.round(scores[i], 3).tolist(), strict=True)),
            "type_percentiles": dict(zip(SERVICE_TYPES, np.round(percentiles[i], 1).tolist(), strict=True)),
            "competency_scores": dict(zip(competencies, np.round(competency[i], 1).tolist(), strict=True)),
        }
    return profiles


def _months_before_ord(day: date, months: int) -> int:
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    return date(year, month + 1, min(day.day, 28)).toordinal()


def _records(
    *,
    rng,
    today,
    window_start,
    teams,
    managers,
    role_profiles,
    n,
    hire_ord,
    team_of,
    manager_of,
    role_of,
    dev_class,
    servicefit,
    fit,
    dominant,
    exited,
    exit_ord,
    exit_kind,
    exit_reason,
    plan_rows,
    level,
    comp_index,
    coaching_cols,
    course_cols,
    snapshot_cols,
    move_rows,
    surveys,
    pulse_cols,
    invited_cols,
) -> Population:
    fromord = date.fromordinal
    team_key = [t.key for t in teams]
    manager_key = [m.key for m in managers]
    role_slug = [r.slug for r in role_profiles]

    def manager_name(j) -> str | None:
        return manager_key[j] if j >= 0 else None

    # Names by the team the agent was hired into (the first team; moves keep the name).
    first_team = team_of.copy()
    for a, _day, kind, _title, from_team, _to, _fr, _tr in sorted(move_rows, key=lambda r: -r[1]):
        if kind == "internal":
            first_team[a] = from_team
    first_pick = rng.random(n)
    last_pick = rng.random(n)
    channel_on = rng.random((n, len(CHANNELS))) < np.array([0.9 if c == "phone" else 0.35 for c in CHANNELS])
    source_pick = rng.choice(len(SOURCES), size=n, p=np.array(SOURCE_WEIGHTS))
    on_leave = (rng.random(n) < 0.02) & (hire_ord < today.toordinal() - 180)
    countries = [teams[t].country for t in first_team.tolist()]
    first_names = [FIRST_NAMES.get(c, FIRST_NAMES["DK"]) for c in countries]
    last_names = [LAST_NAMES.get(c, LAST_NAMES["DK"]) for c in countries]
    columns = zip(
        first_names,
        last_names,
        first_pick.tolist(),
        last_pick.tolist(),
        channel_on.tolist(),
        team_of.tolist(),
        manager_of.tolist(),
        role_of.tolist(),
        hire_ord.tolist(),
        servicefit.tolist(),
        source_pick.tolist(),
        dev_class.tolist(),
        exited.tolist(),
        exit_ord.tolist(),
        exit_kind.tolist(),
        exit_reason.tolist(),
        on_leave.tolist(),
        fit.tolist(),
        dominant.tolist(),
        strict=True,
    )
    profiles = _hiring_profiles(rng, servicefit, dominant, fit, hire_ord, sorted(comp_index, key=comp_index.get))
    agents = []
    seen_emails: dict[str, int] = {}
    for a, row in enumerate(columns):
        (
            firsts,
            lasts,
            fp,
            lp,
            chans,
            team,
            manager,
            role,
            hired,
            sf,
            source,
            dev,
            gone,
            left,
            kind,
            reason,
            leave,
            f,
            dom,
        ) = row
        first = firsts[int(fp * len(firsts))]
        last = lasts[int(lp * len(lasts))]
        local = f"{_email_part(first)}.{_email_part(last)}"
        count = seen_emails.get(local, 0)
        seen_emails[local] = count + 1
        channels = [c for c, on in zip(CHANNELS, chans, strict=True) if on]
        record = AgentRecord(
            index=a,
            employee_number=f"E{100001 + a}",
            name=f"{first} {last}",
            email=f"{local}{count + 1 if count else ''}@agents.servicefit.example",
            team=team_key[team],
            manager=manager_name(manager),
            role_profile=role_slug[role],
            channels=channels or ["phone"],
            hire_date=fromord(hired),
            source=SOURCES[source],
            development_class=dev,
        )
        if gone:
            record.exit_date = fromord(left)
            record.exit_type = "voluntary" if kind == 1 else "involuntary"
            record.exit_reason = (VOLUNTARY_REASONS if kind == 1 else INVOLUNTARY_REASONS)[reason]
            record.employment_status = "exited"
        elif leave:
            record.employment_status = "on_leave"
        if sf:
            record.servicefit_hire = True
            record.hiring_fit = f
            record.hiring_fit_label = _fit_label(f)
            record.hiring_dominant_type = SERVICE_TYPES[dom]
            record.hiring_profile = profiles[a]
        agents.append(record)
    _rehires(rng, agents, hire_ord, countries)

    # The last day employed: records fall on or before it (the exit date is the first day not employed).
    last_day = np.where(exited, exit_ord - 1, today.toordinal()).tolist()
    # Free text in the language of the agent's (last) team.
    texts = [TEXTS.get(teams[t].country, TEXTS["EN"]) for t in team_of.tolist()]

    def alive(a, day) -> bool:
        return day <= last_day[a]

    # Coaching
    coaching = []
    for who, days, coach in coaching_cols:
        topics = rng.choice(
            len(COACHING_TOPICS), size=len(who), p=COACHING_TOPIC_WEIGHTS / COACHING_TOPIC_WEIGHTS.sum()
        )
        for a, day, c, tp in zip(who.tolist(), days.tolist(), coach.tolist(), topics.tolist(), strict=True):
            if alive(a, day):
                topic = COACHING_TOPICS[tp]
                note = texts[a]["notes"][topic]
                coaching.append(CoachingRecord(a, fromord(day), topic, manager_name(c), note))

    # Training: onboarding for everyone, then courses and certifications.
    trainings = [
        TrainingRecord(a, "on_the_job", texts[a]["onboarding"], texts[a]["internal"], None, fromord(day))
        for a, day in enumerate(hire_ord.tolist())
    ]
    for who, days in course_cols:
        picks = rng.random(len(who))
        cert = rng.random(len(who)) < 0.25
        for a, day, p, is_cert in zip(who.tolist(), days.tolist(), picks.tolist(), cert.tolist(), strict=True):
            if not alive(a, day):
                continue
            if is_cert:
                pick = int(p * len(CERTIFICATION_COMPETENCIES))
                title, comp = texts[a]["certifications"][pick], CERTIFICATION_COMPETENCIES[pick]
                expires = fromord(day + 3 * 365) if comp is None else None
                trainings.append(
                    TrainingRecord(a, "certification", title, "Nordic CX Academy", comp, fromord(day), expires)
                )
            else:
                pick = int(p * len(COURSE_COMPETENCIES))
                title, comp = texts[a]["courses"][pick], COURSE_COMPETENCIES[pick]
                trainings.append(TrainingRecord(a, "course", title, texts[a]["academy"], comp, fromord(day)))

    # Plans with goals
    codes = sorted(comp_index, key=comp_index.get)
    plans = []
    for a, begin, finish, creator, order, start_levels in plan_rows:
        if not alive(a, begin):
            continue
        stop = int(last_day[a])
        goals = []
        if finish <= stop and finish <= today.toordinal():
            status = "completed" if rng.random() < (0.55 + 0.15 * dev_class[a]) else "cancelled"
        elif exited[a] and stop < finish:
            status = "cancelled"
        else:
            status = "active"
        for c, start_level in zip(order.tolist(), start_levels.tolist(), strict=True):
            code = codes[c]
            target_level = int(min(5, math.floor(start_level) + 1))
            due = fromord(finish)
            if status == "completed":
                achieved = rng.random() < 0.8
                goal_status = "achieved" if achieved else "dropped"
                done = fromord(int(begin + rng.integers(60, max(61, finish - begin)))) if achieved else None
            elif status == "cancelled":
                goal_status, done = "dropped", None
            else:
                elapsed = (today.toordinal() - begin) / max(1, finish - begin)
                roll = rng.random()
                if roll < elapsed * 0.6 and today.toordinal() - begin >= 30:
                    goal_status = "achieved"
                    done = fromord(int(begin + rng.integers(30, max(31, today.toordinal() - begin + 1))))
                else:
                    goal_status, done = ("in_progress" if roll < 0.8 else "open"), None
            goals.append(
                GoalRecord(
                    code,
                    texts[a]["goal"].format(level=target_level),
                    target_level,
                    due,
                    goal_status,
                    done,
                )
            )
        title = texts[a]["plans"][1 if len(goals) > 2 else 0]
        plans.append(PlanRecord(a, title, fromord(begin), status, manager_name(creator), goals))

    role_codes = [[(c, comp_index[c]) for c in r.targets] for r in role_profiles]
    snapshots = []
    for who, days, raters, roles, levels in snapshot_cols:
        whole = np.clip(np.rint(levels), 1, 5).astype(np.int64).tolist()
        for a, day, rater, role, row in zip(
            who.tolist(), days.tolist(), raters.tolist(), roles.tolist(), whole, strict=True
        ):
            if alive(a, day):
                snapshots.append(
                    SnapshotRecord(a, fromord(day), manager_name(rater), {c: row[i] for c, i in role_codes[role]})
                )
    moves = [
        MoveRecord(
            a,
            fromord(day),
            kind,
            texts[a]["promotions"][title] if title >= 0 else "",
            team_key[ft],
            team_key[tt],
            role_slug[fr],
            role_slug[tr],
        )
        for a, day, kind, title, ft, tt, fr, tr in move_rows
        if alive(a, day)
    ]

    pulse = []
    for who, s, team, answered, recommend, workload, grow, support in pulse_cols:
        key = surveys[s].key
        for row in zip(
            who.tolist(),
            team.tolist(),
            answered.tolist(),
            recommend.tolist(),
            workload.tolist(),
            grow.tolist(),
            support.tolist(),
            strict=True,
        ):
            a, t, day, r, w, g, m = row
            if alive(a, day):
                pulse.append(PulseRecord(a, key, team_key[t], fromord(day), int(r), int(w), int(g), int(m)))
    invited = [(a, surveys[s].key) for who, s in invited_cols for a in who.tolist()]

    return Population(
        today=today,
        window_start=window_start,
        agents=agents,
        coaching=coaching,
        trainings=trainings,
        plans=plans,
        snapshots=snapshots,
        moves=moves,
        surveys=surveys,
        pulse=pulse,
        invited=invited,
    )
