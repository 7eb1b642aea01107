"""REST API of attrition risk: the team-scoped at-risk list, one agent's risk, and training (HR)."""

from django.db import transaction
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from servicefit.core.ids import MAX_ID
from servicefit.core.pagination import ApiPagination, paginated_response
from servicefit.core.permissions import policy_permission
from servicefit.core.policies import ATTRITION_MODEL_MANAGE, RETENTION_READ
from workforce import risk_selectors
from workforce.risk_bands import BANDS


class RiskDriverOutput(serializers.Serializer):
    feature = serializers.CharField(help_text="The feature group: tenure, development, plan, competency, fit, …")
    text = serializers.CharField()
    action = serializers.CharField()
    contribution = serializers.FloatField(allow_null=True, help_text="On the logit scale, vs the training mean.")


class RiskOutput(serializers.Serializer):
    agent = serializers.IntegerField()
    employee_number = serializers.CharField()
    name = serializers.CharField()
    team = serializers.IntegerField()
    team_name = serializers.CharField()
    probability = serializers.FloatField(allow_null=True, help_text="None for an agent on notice (`leaving_on`).")
    band = serializers.CharField(allow_null=True, help_text="high, medium or low; None for an agent on notice.")
    band_label = serializers.CharField(allow_null=True)
    drivers = RiskDriverOutput(many=True)
    model_version = serializers.IntegerField(allow_null=True)
    scored_at = serializers.DateTimeField(allow_null=True)
    leaving_on = serializers.DateField(
        allow_null=True,
        help_text="The last day of an agent working their notice: a known exit, not a risk, so no probability, "
        "band or drivers. None for everyone else.",
    )


def _risk_data(row) -> dict:
    return {
        "agent": row.agent.id,
        "employee_number": row.agent.employee_number,
        "name": row.agent.name,
        "team": row.agent.team_id,
        "team_name": row.agent.team.name,
        "probability": row.probability,
        "band": row.band,
        "band_label": row.band_label,
        "drivers": row.drivers,
        "model_version": row.model_version,
        "scored_at": row.scored_at,
        "leaving_on": None,
    }


def _known_exit_data(known: risk_selectors.KnownExit) -> dict:
    agent = known.agent
    return {
        "agent": agent.id,
        "employee_number": agent.employee_number,
        "name": agent.name,
        "team": agent.team_id,
        "team_name": agent.team.name,
        "probability": None,
        "band": None,
        "band_label": None,
        "drivers": [],
        "model_version": None,
        "scored_at": None,
        "leaving_on": known.leaving_on,
    }


class AtRiskListApi(APIView):
    permission_classes = [policy_permission(RETENTION_READ)]
    pagination_class = ApiPagination

    class Query(serializers.Serializer):
        team = serializers.IntegerField(
            required=False, min_value=1, max_value=MAX_ID, help_text="Only this team's agents (and the teams below it)."
        )
        band = serializers.ChoiceField(required=False, choices=[band for _lowest, band in BANDS])

    @extend_schema(parameters=[Query], responses=RiskOutput(many=True))
    def get(self, request):
        query = self.Query(data=request.query_params)
        query.is_valid(raise_exception=True)
        scores = risk_selectors.risk_scores(
            user=request.user, team_id=query.validated_data.get("team"), band=query.validated_data.get("band", "")
        )

        def shown(page):
            return [_risk_data(row) for row in risk_selectors.risk_rows(user=request.user, scores=page)]

        return paginated_response(view=self, queryset=scores, serializer_class=RiskOutput, page_shown=shown)


class AgentRiskApi(APIView):
    permission_classes = [policy_permission(RETENTION_READ)]

    @extend_schema(responses={200: RiskOutput, 204: None})
    def get(self, request, agent_id):
        row = risk_selectors.agent_risk(user=request.user, agent_id=agent_id)
        if row is None:
            return Response(status=204)
        if isinstance(row, risk_selectors.KnownExit):
            return Response(RiskOutput(_known_exit_data(row)).data)
        return Response(RiskOutput(_risk_data(row)).data)


class TrainOutput(serializers.Serializer):
    status = serializers.CharField(help_text="queued: the model trains in the background, then scores every agent.")


class AttritionModelTrainApi(APIView):
    permission_classes = [policy_permission(ATTRITION_MODEL_MANAGE)]

    @extend_schema(request=None, responses={202: TrainOutput})
    def post(self, request):
        from workforce.tasks import hazard_model_train_task

        user_id = request.user.id
        transaction.on_commit(lambda: hazard_model_train_task.delay(user_id))
        return Response({"status": "queued"}, status=202)
