"""How long applicants' data may be kept after their requisition is closed or filled, per country.

Pure: plain data and date arithmetic, no Django. The presets are defaults a customer may override
per team (Team.retention_months) or for the whole install (SERVICEFIT_RETENTION_MONTHS); none of
them is legal advice. The period runs from the requisition's closing date. The sources:

Denmark (DK), 6 months. Datatilsynet's decision on Carlsberg Danmark A/S (25 May 2020) accepted
keeping unsuccessful applicants' data for 6 months after the recruitment, which is what Danish
employers commonly use. Datatilsynet's later Q&A "Opbevaring af personoplysninger om ansøgere, som
ikke bliver ansat" (28 May 2021, in the guidance "Databeskyttelse i forbindelse med
ansættelsesforhold") accepts up to 3 years after the recruitment (the general limitation period),
longer only for very special reasons: the ceiling here.

Norway (NO), 6 months. Datatilsynet (NO) sets no fixed period: applicants' data goes when it is no
longer needed for the recruitment (GDPR art. 5(1)(e), personopplysningsloven). Norwegian employers
commonly keep applications from about four months (Jobbnorge's default, 120 days after the
position closes) to a year; documenting a recruitment against a discrimination claim
(likestillings- og diskrimineringsloven) is bounded by the three-year limitation period
(foreldelsesloven § 2): the ceiling here.

Sweden (SE), 24 months. IMY (formerly Datainspektionen): an employer may keep applicants' data as
long as an applicant who was not hired can take legal action; keeping it longer for future
recruitment needs their consent. Claims under Diskrimineringslagen (2008:567) are time-barred
after two years in most cases (6 kap.; in working life through the time limits of
medbestämmandelagen, at the latest two years after the decision), so Swedish employers commonly
keep applications for two years. The merit statement an applicant may ask for
(Diskrimineringslagen 2 kap. 4 §) relies on the same data.
"""

import calendar
from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class RetentionPreset:
    country: str
    months: int
    ceiling_months: int  # the longest period the source accepts; an override beyond it is the customer's call
    source: str


PRESETS: dict[str, RetentionPreset] = {
    "DK": RetentionPreset(
        "DK",
        6,
        36,
        "Datatilsynet (DK): decision on Carlsberg Danmark A/S (2020), 6 months; Q&A on applicants "
        "who are not hired (2021): up to 3 years.",
    ),
    "NO": RetentionPreset(
        "NO",
        6,
        36,
        "Datatilsynet (NO): delete when no longer needed (no fixed period); commonly 4-12 months; "
        "foreldelsesloven § 2: 3 years.",
    ),
    "SE": RetentionPreset(
        "SE",
        24,
        24,
        "IMY: keep while an applicant can take legal action; Diskrimineringslagen (2008:567) 6 kap.: "
        "claims time-barred after two years.",
    ),
}


def retention_months(*, country: str, team_months: int | None = None, install_months: int = 0) -> int:
    """The months a team's applicants are kept: the team's own figure, else the install's, else the preset."""
    if team_months:
        return team_months
    if install_months:
        return install_months
    try:
        return PRESETS[country].months
    except KeyError:
        raise ValueError(f"No retention preset for {country!r}; choose one of {list(PRESETS)}.") from None


def months_before(day: date, months: int) -> date:
    """The same day `months` calendar months earlier (the month's last day where it is shorter)."""
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def months_after(moment: datetime, months: int) -> datetime:
    """The same moment `months` calendar months later (the month's last day where it is shorter)."""
    month_index = moment.year * 12 + moment.month - 1 + months
    year, month = divmod(month_index, 12)
    month += 1
    return moment.replace(year=year, month=month, day=min(moment.day, calendar.monthrange(year, month)[1]))


def closed_before(*, today: date, months: int) -> date:
    """Requisitions closed on or before this date have kept their applicants' data long enough."""
    return months_before(today, months)
