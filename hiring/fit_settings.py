"""Writing a role profile's fit settings: each save is the next version, the old ones stay."""

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from hiring.fit import LEVELS, MAX_COVER_LETTER_WEIGHT, FitConfig
from hiring.fit_records import requisition_fit_refresh_later
from hiring.models import FitSetting, Requisition
from hiring.pipeline import TAKING_APPLICATIONS
from profiles.models import RoleProfile
from servicefit.core.exceptions import ApplicationError

DEFAULTS = FitConfig()
MAX_STALE_DAYS = 3650


def fit_setting_defaults(role_profile: RoleProfile) -> dict:
    """The values a new version starts from: the current version's, else fit.FitConfig's."""
    current = FitSetting.objects.filter(role_profile=role_profile).order_by("-number").first()
    if current is not None:
        return {
            "service_types_weight": current.service_types_weight,
            "competencies_weight": current.competencies_weight,
            "cover_letter_weight": current.cover_letter_weight,
            "strong_from": current.strong_from,
            "good_from": current.good_from,
            "partial_from": current.partial_from,
            "hurdles": dict(current.hurdles),
            "stale_after_days": current.stale_after_days,
        }
    bands = dict(DEFAULTS.bands)
    return {
        "service_types_weight": DEFAULTS.service_types_weight,
        "competencies_weight": DEFAULTS.competencies_weight,
        "cover_letter_weight": DEFAULTS.cover_letter_weight,
        "strong_from": bands["strong"],
        "good_from": bands["good"],
        "partial_from": bands["partial"],
        "hurdles": {},
        "stale_after_days": DEFAULTS.stale_after_days,
    }


def fit_setting_errors(role_profile: RoleProfile, values: dict) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    for name in ("service_types_weight", "competencies_weight", "cover_letter_weight"):
        if values[name] < 0:
            errors[name] = [_("A weight cannot be below 0.")]
    if values["service_types_weight"] + values["competencies_weight"] <= 0 and "competencies_weight" not in errors:
        errors["competencies_weight"] = [_("Give the service types or the competencies a weight above 0.")]
    if values["cover_letter_weight"] > MAX_COVER_LETTER_WEIGHT:
        errors["cover_letter_weight"] = [
            _("The cover letter's weight is at most %(max)s: it may reorder candidates, never decide a label.")
            % {"max": MAX_COVER_LETTER_WEIGHT}
        ]
    for name in ("strong_from", "good_from", "partial_from"):
        if not 0 < values[name] <= 100:
            errors[name] = [_("Give a fit above 0 and at most 100.")]
        elif round(values[name], 1) != values[name]:
            errors[name] = [_("Give the fit with at most one decimal.")]
    if "good_from" not in errors and "strong_from" not in errors and values["strong_from"] <= values["good_from"]:
        errors["strong_from"] = [_("“Strong” must start above “good”.")]
    if "partial_from" not in errors and "good_from" not in errors and values["good_from"] <= values["partial_from"]:
        errors["good_from"] = [_("“Good” must start above “partial”.")]
    required = set(role_profile.competencies.values_list("competency__code", flat=True))
    hurdle_errors = []
    if not isinstance(values["hurdles"], dict):
        hurdle_errors.append(_("Give the hurdles as competency codes with a minimum level each."))
    for code, level in (values["hurdles"] if isinstance(values["hurdles"], dict) else {}).items():
        if code not in required:
            hurdle_errors.append(_("%(code)s is not one of this role's competencies.") % {"code": code})
        elif isinstance(level, bool) or not isinstance(level, int) or level not in LEVELS:
            message = _("The minimum level of %(code)s must be a whole number from 1 to 5.")
            hurdle_errors.append(message % {"code": code})
    if hurdle_errors:
        errors["hurdles"] = hurdle_errors
    if not 1 <= values["stale_after_days"] <= MAX_STALE_DAYS:
        errors["stale_after_days"] = [_("Give a number of days from 1 to %(max)s.") % {"max": MAX_STALE_DAYS}]
    return errors


def fit_setting_save(
    *,
    role_profile: RoleProfile,
    user,
    service_types_weight: float,
    competencies_weight: float,
    cover_letter_weight: float,
    strong_from: float,
    good_from: float,
    partial_from: float,
    hurdles: dict[str, int],
    stale_after_days: int,
) -> FitSetting:
    """The role profile's next fit-settings version. The open requisitions of the role are scored
    again once it is saved; the others when their ranking is next opened."""
    values = {
        "service_types_weight": float(service_types_weight),
        "competencies_weight": float(competencies_weight),
        "cover_letter_weight": float(cover_letter_weight),
        "strong_from": float(strong_from),
        "good_from": float(good_from),
        "partial_from": float(partial_from),
        "hurdles": hurdles,
        "stale_after_days": int(stale_after_days),
    }
    errors = fit_setting_errors(role_profile, values)
    if errors:
        raise ApplicationError(_("The fit settings are not valid."), extra={"fields": errors})
    with transaction.atomic():
        RoleProfile.objects.select_for_update().filter(pk=role_profile.pk).first()  # one version number at a time
        number = (FitSetting.objects.filter(role_profile=role_profile).aggregate(n=Max("number"))["n"] or 0) + 1
        setting = FitSetting.objects.create(role_profile=role_profile, number=number, created_by=user, **values)
        requisition_fit_refresh_later(
            requisition_ids=list(
                Requisition.objects.filter(role_profile=role_profile, status__in=TAKING_APPLICATIONS).values_list(
                    "id", flat=True
                )
            )
        )
    return setting
