"""REST API of attrition risk: the team-scoped at-risk list, one agent's risk, and training (HR)."""

from django.db import transaction
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from servicefit.core.ids import record_id
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
    probability = serializers.FloatField()
    band = serializers.CharField(help_text="high, medium or low.")
    band_label = serializers.CharField()
    drivers = RiskDriverOutput(many=True)
    model_version = serializers.IntegerField()
    scored_at = serializers.DateTimeField()


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
    }


class AtRiskListApi(APIView):
    permission_classes = [policy_permission(RETENTION_READ)]
    pagination_class = ApiPagination

    @extend_schema(
        parameters=[
            OpenApiParameter("team", int, description="Only this team's agents."),
            OpenApiParameter("band", str, enum=[band for _lowest, band in BANDS]),
        ],
        responses=RiskOutput(many=True),
    )
    def get(self, request):
        team = request.query_params.get("team", "")
        if team and record_id(team) is None:
            raise ValidationError({"team": ["Give a team id."]})
        band = request.query_params.get("band", "")
        if band and band not in {name for _lowest, name in BANDS}:
            raise ValidationError({"band": ["Give high, medium or low."]})
        scores = risk_selectors.risk_scores(user=request.user, team_id=record_id(team) if team else None, band=band)

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
