"""REST API of the retention dashboard: the headline figures, the survival curve and the at-risk list."""

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from servicefit.core.permissions import policy_permission
from servicefit.core.policies import RETENTION_READ
from workforce import retention_selectors


class SurvivalPointOutput(serializers.Serializer):
    days = serializers.FloatField(help_text="Tenure in days.")
    survival = serializers.FloatField(help_text="Kaplan–Meier share still employed just after `days`.")
    lower = serializers.FloatField(help_text="95% band, Greenwood log-log.")
    upper = serializers.FloatField()
    at_risk = serializers.IntegerField(help_text="Agents with a tenure of at least `days`.")


class AtRiskTableOutput(serializers.Serializer):
    days = serializers.IntegerField()
    at_risk = serializers.IntegerField()
    events = serializers.IntegerField(help_text="Voluntary exits up to and including `days`.")
    censored = serializers.IntegerField()
    survival = serializers.FloatField()
    lower = serializers.FloatField()
    upper = serializers.FloatField()


class AtRiskAgentOutput(serializers.Serializer):
    agent = serializers.IntegerField()
    name = serializers.CharField()
    team = serializers.CharField()
    probability = serializers.FloatField(help_text="Risk of a voluntary exit within the model's horizon.")
    scored_at = serializers.DateTimeField()


class RetentionSummaryOutput(serializers.Serializer):
    team = serializers.IntegerField(allow_null=True)
    period_start = serializers.DateField(source="from")
    period_end = serializers.DateField(source="to")
    days = serializers.IntegerField()
    headcount = serializers.IntegerField(help_text="Agents employed on `to`.")
    hires = serializers.IntegerField()
    exits = serializers.IntegerField()
    voluntary_exits = serializers.IntegerField()
    involuntary_exits = serializers.IntegerField()
    average_month_end_headcount = serializers.FloatField(allow_null=True)
    voluntary_attrition_rate = serializers.FloatField(
        allow_null=True,
        help_text="Voluntary exits ÷ average month-end headcount × 365 ÷ days in the period; null without a month end.",
    )
    early_attrition_90d = serializers.FloatField(
        allow_null=True, help_text="Exits within 90 days among the period's hires whose 90 days had passed by `to`."
    )
    early_attrition_180d = serializers.FloatField(allow_null=True)
    median_tenure_days = serializers.IntegerField(
        allow_null=True, help_text="Kaplan–Meier median; null while more than half are still employed."
    )
    survival = SurvivalPointOutput(many=True, required=False)
    at_risk_table = AtRiskTableOutput(many=True)
    at_risk = AtRiskAgentOutput(many=True)


class RetentionSummaryApi(APIView):
    """Survival covers every agent hired on or before `to`, tenure censored at `to`; a voluntary exit is
    the event, an involuntary exit censors. The at-risk agents' views go to the access log."""

    permission_classes = [policy_permission(RETENTION_READ)]

    class Query(serializers.Serializer):
        team = serializers.IntegerField(required=False, min_value=1, max_value=2**31 - 1)
        from_ = serializers.DateField(required=False)
        to = serializers.DateField(required=False)

        def get_fields(self):
            fields = super().get_fields()
            fields["from"] = fields.pop("from_")
            return fields

    @extend_schema(
        parameters=[
            OpenApiParameter("team", int, description="One team (with the teams below it); default: all yours."),
            OpenApiParameter("from", str, description="First day, YYYY-MM-DD; default: a year before `to`."),
            OpenApiParameter("to", str, description="Last day, YYYY-MM-DD; default: today."),
        ],
        responses=RetentionSummaryOutput,
    )
    def get(self, request):
        query = self.Query(data=request.query_params)
        query.is_valid(raise_exception=True)
        scope = retention_selectors.retention_scope(
            user=request.user,
            team_id=query.validated_data.get("team"),
            start=query.validated_data.get("from"),
            end=query.validated_data.get("to"),
        )
        overview = retention_selectors.retention_overview(scope=scope)
        curve = retention_selectors.retention_survival(scope=scope) or {
            "median_tenure_days": None,
            "survival": [],
            "at_risk_table": [],
        }
        data = {
            **overview,
            "team": scope.team.id if scope.team else None,
            "from": scope.start,
            "to": scope.end,
            "median_tenure_days": curve["median_tenure_days"],
            "survival": curve["survival"],
            "at_risk_table": curve["at_risk_table"],
            "at_risk": retention_selectors.retention_at_risk(scope=scope, user=request.user),
        }
        # The curve is plain numbers already (thousands of rows): it skips the serializer's per-field work.
        survival = data.pop("survival")
        return Response({**RetentionSummaryOutput(data).data, "survival": survival})
