"""REST API for hires: read-only, team-scoped; a hire is recorded by moving an application to hired."""

from datetime import date

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from hiring import hire_selectors, pipeline_selectors
from servicefit.core.ids import record_id
from servicefit.core.pagination import ApiPagination, paginated_response
from servicefit.core.permissions import policy_permission
from servicefit.core.policies import CANDIDATE_RESULTS_READ

HIRE_ACCESS = policy_permission(CANDIDATE_RESULTS_READ)


class HireFitOutput(serializers.Serializer):
    status = serializers.CharField(help_text="scored, stale or not_scorable; empty once erased.")
    value = serializers.FloatField(allow_null=True)
    label = serializers.CharField()
    version = serializers.CharField()
    components = serializers.DictField(allow_null=True)
    hurdles = serializers.ListField(child=serializers.DictField(), allow_null=True)
    strengths = serializers.ListField(child=serializers.DictField(), allow_null=True)
    gaps = serializers.ListField(child=serializers.DictField(), allow_null=True)
    missing = serializers.ListField(child=serializers.CharField(), allow_null=True)


class HireOutput(serializers.Serializer):
    id = serializers.IntegerField()
    hired_on = serializers.DateField()
    requisition = serializers.IntegerField()
    requisition_title = serializers.CharField()
    team = serializers.IntegerField()
    role_profile = serializers.CharField()
    candidate = serializers.IntegerField(allow_null=True)
    candidate_name = serializers.CharField(allow_null=True)
    application = serializers.IntegerField(allow_null=True)
    assessment_profile = serializers.DictField(
        help_text="assessment, submitted_on, type_scores, type_percentiles, competency_scores; empty without one."
    )
    fit = HireFitOutput()
    recorded_at = serializers.DateTimeField()
    recorded_by = serializers.CharField(allow_null=True)
    cancelled_at = serializers.DateTimeField(allow_null=True)
    cancelled_by = serializers.CharField(allow_null=True)
    anonymised_at = serializers.DateTimeField(allow_null=True)


def _hire_output(hire) -> dict:
    return HireOutput(hire_selectors.hire_data(hire)).data


class HireListApi(APIView):
    permission_classes = [HIRE_ACCESS]
    pagination_class = ApiPagination

    @extend_schema(
        parameters=[
            OpenApiParameter("since", date, description="Hires with hired_on on or after this date (YYYY-MM-DD)."),
            OpenApiParameter("requisition", int),
            OpenApiParameter("include_cancelled", bool, description="Also the hires that were taken back."),
        ],
        responses=HireOutput(many=True),
    )
    def get(self, request):
        params = request.query_params
        since = params.get("since", "")
        try:
            since = date.fromisoformat(since) if since else None
        except ValueError:
            raise ValidationError({"since": ["Give a date as YYYY-MM-DD."]}) from None
        requisition = params.get("requisition", "")
        if requisition and record_id(requisition) is None:
            raise ValidationError({"requisition": ["Give a requisition id."]})
        hires = hire_selectors.hire_list(
            user=request.user,
            since=since,
            requisition=record_id(requisition) if requisition else None,
            include_cancelled=params.get("include_cancelled", "").lower() in ("1", "true", "yes"),
        )

        def shown(page):
            pipeline_selectors.people_shown(user=request.user, records=page)
            return [hire_selectors.hire_data(hire) for hire in page]

        return paginated_response(view=self, queryset=hires, serializer_class=HireOutput, page_shown=shown)


class HireDetailApi(APIView):
    permission_classes = [HIRE_ACCESS]

    @extend_schema(responses=HireOutput)
    def get(self, request, hire_id):
        hire = hire_selectors.hire_get(hire_id, user=request.user)
        pipeline_selectors.people_shown(user=request.user, records=[hire])
        return Response(_hire_output(hire))
