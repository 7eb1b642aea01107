"""REST API of the staffing plan: the Erlang calculator and the monthly hiring plan."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.utils.formatting import lazy_format
from rest_framework.views import APIView

from servicefit.core.exceptions import ApplicationError
from servicefit.core.permissions import policy_permission
from servicefit.core.policies import STAFFING_READ
from staffing.analysis import erlang
from staffing.plan_required import interval_staffing
from staffing.plan_selectors import MAX_MONTHS, WhatIf, staffing_plan

MAX_CONTACTS = 100_000
# Agents busy at once (contacts × AHT ÷ interval): a hundred thousand is beyond any contact centre, and
# keeps the answer within a second.
MAX_TRAFFIC_ERLANGS = 100_000
DAY_SECONDS = 86_400


class _Number:
    """A field's limit, written when its message is: as the reader's language writes numbers."""

    def __init__(self, value):
        self.value = value

    def __format__(self, spec):
        return number_format(self.value, use_l10n=True, force_grouping=True)


class LocalLimits:
    """DRF writes a field's limits raw ("less than or equal to 100000"), which reads as a hundred
    with three decimals in Danish; here "100.000", "100 000", "100,000" as the reader's language does."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        for validator in self.validators:
            for name, kind in (("max_value", MaxValueValidator), ("min_value", MinValueValidator)):
                if type(validator) is kind and getattr(self, name) is not None:
                    validator.message = lazy_format(self.error_messages[name], **{name: _Number(getattr(self, name))})


class IntegerField(LocalLimits, serializers.IntegerField):
    pass


class NumberField(LocalLimits, serializers.FloatField):
    """A JSON number (or a numeric string); `true` is not 1."""

    def to_internal_value(self, data):
        if isinstance(data, bool):
            self.fail("invalid")
        return super().to_internal_value(data)


def _above(low: float):
    def check(value):
        if value <= low:
            raise serializers.ValidationError(_("Ensure this value is greater than %(low)s.") % {"low": f"{low:g}"})

    return check


def _below(high: float):
    def check(value):
        if value >= high:
            raise serializers.ValidationError(_("Ensure this value is less than %(high)s.") % {"high": f"{high:g}"})

    return check


class ErlangInput(serializers.Serializer):
    contacts = NumberField(min_value=0, max_value=MAX_CONTACTS, help_text="Contacts offered in the interval.")
    interval_minutes = IntegerField(min_value=1, max_value=1440, default=30)
    aht_seconds = NumberField(max_value=DAY_SECONDS, validators=[_above(0)], help_text="Average handling time.")
    target_answer_seconds = NumberField(min_value=0, max_value=DAY_SECONDS, default=20)
    service_level = NumberField(
        validators=[_above(0), _below(1)],
        help_text="Share to answer within the target, e.g. 0.8 for 80/20.",
    )
    max_occupancy = NumberField(
        default=1.0,
        max_value=1,
        validators=[_above(0)],
        help_text="Occupancy cap; 1 means none.",
    )
    shrinkage = NumberField(
        min_value=0, default=0.0, validators=[_below(1)], help_text="Share of paid time off contacts."
    )
    patience_seconds = NumberField(
        required=False,
        allow_null=True,
        default=None,
        max_value=DAY_SECONDS,
        validators=[_above(0)],
        help_text="Mean caller patience; when set, Erlang A (callers who hang up) instead of Erlang C.",
    )

    def validate(self, data):
        traffic = data["contacts"] * data["aht_seconds"] / (data["interval_minutes"] * 60)
        if traffic > MAX_TRAFFIC_ERLANGS:
            raise serializers.ValidationError(
                {
                    "contacts": [
                        _("This traffic keeps %(agents)s agents busy at once; the calculator stops at %(max)s.")
                        % {
                            "agents": number_format(round(traffic), force_grouping=True),
                            "max": number_format(MAX_TRAFFIC_ERLANGS, force_grouping=True),
                        }
                    ]
                }
            )
        return data


class ErlangOutput(serializers.Serializer):
    agents = serializers.IntegerField(help_text="Net agents on the phones: the fewest meeting the target and the cap.")
    agents_with_shrinkage = serializers.IntegerField(help_text="⌈agents ÷ (1 − shrinkage)⌉.")
    service_level = serializers.FloatField(help_text="Share answered within the target with `agents`.")
    occupancy = serializers.FloatField()
    probability_of_waiting = serializers.FloatField()
    asa_seconds = serializers.FloatField(help_text="Average speed of answer.")
    abandonment = serializers.FloatField(
        allow_null=True, help_text="Erlang A only: the share of offered contacts that abandon."
    )


def _rounded(staffing: erlang.Staffing) -> dict:
    return {
        "agents": staffing.agents,
        "agents_with_shrinkage": staffing.agents_with_shrinkage,
        "service_level": round(staffing.service_level, 4),
        "occupancy": round(staffing.occupancy, 4),
        "probability_of_waiting": round(staffing.probability_of_waiting, 4),
        "asa_seconds": round(staffing.asa_seconds, 2),
        "abandonment": None if staffing.abandonment is None else round(staffing.abandonment, 4),
    }


class ErlangApi(APIView):
    """Agents needed for one interval: Erlang C, or Erlang A when `patience_seconds` is given."""

    permission_classes = [policy_permission(STAFFING_READ)]

    @extend_schema(request=ErlangInput, responses=ErlangOutput)
    def post(self, request):
        data = ErlangInput(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        try:
            staffing = interval_staffing(
                contacts=values["contacts"],
                interval_seconds=values["interval_minutes"] * 60,
                aht_seconds=values["aht_seconds"],
                target_answer_seconds=values["target_answer_seconds"],
                service_level=values["service_level"],
                max_occupancy=values["max_occupancy"],
                shrinkage=values["shrinkage"],
                patience_seconds=values["patience_seconds"],
            )
        except ValueError as error:
            raise ApplicationError(str(error), extra={"fields": {"non_field_errors": [str(error)]}}) from error
        return Response(ErlangOutput(_rounded(staffing)).data)


class PlanMonthOutput(serializers.Serializer):
    month = serializers.DateField(help_text="First day of the month.")
    required_fte = serializers.FloatField(help_text="Gross FTE the forecast traffic needs, after shrinkage.")
    required_by_channel = serializers.DictField(child=serializers.FloatField(), help_text="Channel code → FTE.")
    available_without_hiring = serializers.FloatField(help_text="Today's agents expected to be here, ramp included.")
    available_with_plan = serializers.FloatField()
    gap_without_hiring = serializers.FloatField(help_text="Required − available: positive is a shortfall.")
    gap_with_plan = serializers.FloatField()
    hires_starting = serializers.IntegerField()
    exits_expected = serializers.FloatField()
    service_level_without_hiring = serializers.FloatField(
        allow_null=True, help_text="Phone and chat, contact-weighted, if nobody is hired."
    )


class PlanClassOutput(serializers.Serializer):
    start = serializers.DateField(help_text="The class's first day.")
    hires = serializers.IntegerField()
    open_requisition_by = serializers.DateField(help_text="Class start − time to hire.")
    productive_month = serializers.DateField(help_text="First month the class is fully productive.")
    for_month = serializers.DateField(help_text="The month whose gap the class closes.")
    late = serializers.BooleanField(help_text="The requisition should already be open: the class comes too late.")


class ForecastErrorOutput(serializers.Serializer):
    weeks = serializers.IntegerField()
    mape = serializers.FloatField()
    wape = serializers.FloatField()
    daily_wape = serializers.FloatField()


class PlanInputsOutput(serializers.Serializer):
    today = serializers.DateField()
    first_month = serializers.DateField()
    agents_today = serializers.IntegerField()
    attrition_source = serializers.ChoiceField(choices=["override", "model", "rate", "none"])
    annual_attrition = serializers.FloatField(help_text="Today's agents over the plan, as an annual rate.")
    monthly_attrition = serializers.FloatField(help_text="Today's agents: mean monthly exit probability.")
    new_hire_monthly_attrition = serializers.FloatField(help_text="New hires once out of training.")
    model_version = serializers.IntegerField(allow_null=True)
    time_to_hire_days = serializers.FloatField()
    time_to_hire_source = serializers.ChoiceField(choices=["override", "pipeline", "default"])
    time_to_hire_hires = serializers.IntegerField()
    pipeline_hires = serializers.IntegerField()
    steady_state_hires = serializers.FloatField(help_text="Hires a month that hold today's head count.")
    service_level = serializers.FloatField()
    target_answer_seconds = serializers.IntegerField()
    max_occupancy = serializers.FloatField()
    shrinkage = serializers.FloatField()
    patience_seconds = serializers.IntegerField(allow_null=True)
    chat_concurrency = serializers.FloatField()
    chat_target_answer_seconds = serializers.IntegerField()
    email_response_hours = serializers.IntegerField()
    weekly_hours = serializers.FloatField()
    training_months = serializers.IntegerField()
    ramp = serializers.ListField(child=serializers.FloatField())
    early_loss = serializers.FloatField()
    channels = serializers.ListField(child=serializers.CharField())
    traffic_first_day = serializers.DateField()
    traffic_last_day = serializers.DateField()
    forecast_errors = serializers.DictField(child=ForecastErrorOutput(allow_null=True))


class StaffingPlanOutput(serializers.Serializer):
    months = PlanMonthOutput(many=True)
    classes = PlanClassOutput(many=True)
    inputs = PlanInputsOutput()


class StaffingPlanApi(APIView):
    """The monthly plan: required and available FTE, the classes to hire and the inputs used. What-if
    parameters change this answer only; nothing is saved. 400 when no traffic has been imported."""

    permission_classes = [policy_permission(STAFFING_READ)]

    class Query(serializers.Serializer):
        months = IntegerField(min_value=1, max_value=MAX_MONTHS, default=12)
        attrition_points = NumberField(min_value=-50, max_value=50, default=0.0)
        aht_percent = NumberField(min_value=-50, max_value=100, default=0.0)
        traffic_percent = NumberField(min_value=-50, max_value=200, default=0.0)
        service_level = NumberField(required=False, min_value=0.01, max_value=0.99)
        shrinkage = NumberField(required=False, min_value=0, max_value=0.8)

    @extend_schema(
        parameters=[
            OpenApiParameter("months", int, description=f"Months after the current one, 1–{MAX_MONTHS}; default 12."),
            OpenApiParameter("attrition_points", float, description="Annual voluntary attrition ± points, −50 to 50."),
            OpenApiParameter("aht_percent", float, description="AHT ± %, −50 to 100."),
            OpenApiParameter("traffic_percent", float, description="Contacts ± %, −50 to 200."),
            OpenApiParameter("service_level", float, description="Service-level target, 0.01–0.99 (default: saved)."),
            OpenApiParameter("shrinkage", float, description="Shrinkage, 0–0.8 (default: saved)."),
        ],
        responses=StaffingPlanOutput,
    )
    def get(self, request):
        query = self.Query(data=request.query_params)
        query.is_valid(raise_exception=True)
        values = dict(query.validated_data)
        months = values.pop("months")
        plan = staffing_plan(months=months, what_if=WhatIf(**values))
        if plan is None:
            raise ApplicationError(
                _("No traffic has been imported yet: import a traffic file first."),
                extra={"fields": {"traffic": ["missing"]}},
            )
        data = {
            "months": plan.months,
            "classes": plan.classes,
            "inputs": {**plan.inputs.__dict__, "ramp": list(plan.inputs.ramp)},
        }
        return Response(StaffingPlanOutput(data).data)
