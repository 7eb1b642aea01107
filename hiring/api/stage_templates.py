"""REST API for stage templates: the global ones and a team's own pipelines."""

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from hiring import stage_template_selectors, stage_templates
from hiring.api.common import TeamField
from hiring.models import Stage
from servicefit.core.ids import record_id
from servicefit.core.pagination import ApiPagination, paginated_response
from servicefit.core.permissions import policy_permission
from servicefit.core.policies import JOB_AD_READ, JOB_AD_WRITE

STAGE_TEMPLATE_ACCESS = policy_permission(JOB_AD_READ, JOB_AD_WRITE)


class TemplateStageSerializer(serializers.Serializer):
    stage = serializers.ChoiceField(choices=Stage.choices, help_text="applied … hired, in the pipeline's order.")
    name = serializers.CharField(
        max_length=stage_templates.MAX_STAGE_NAME,
        required=False,
        allow_blank=True,
        default="",
        help_text="The stage's name on the board; empty: the stage's own label.",
    )
    optional = serializers.BooleanField(
        required=False, default=False, help_text="May be skipped (never two in a row; not applied or hired)."
    )


class StageTemplateOutput(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    team = serializers.IntegerField(source="team_id", allow_null=True, help_text="Null: a global template.")
    is_default = serializers.BooleanField()
    stages = TemplateStageSerializer(many=True)
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()


class StageTemplateInput(serializers.Serializer):
    name = serializers.CharField(max_length=100)
    stages = TemplateStageSerializer(many=True, allow_empty=False)
    team = TeamField()
    is_global = serializers.BooleanField(
        required=False, default=False, help_text="A template for every team (HR and administrators only)."
    )


class StageTemplateListApi(APIView):
    permission_classes = [STAGE_TEMPLATE_ACCESS]
    pagination_class = ApiPagination
    error_statuses = (409,)  # a name already taken

    @extend_schema(
        parameters=[OpenApiParameter("team", int, description="The global templates and this team's.")],
        responses=StageTemplateOutput(many=True),
    )
    def get(self, request):
        team = request.query_params.get("team", "")
        templates = stage_template_selectors.stage_template_list(user=request.user, team=record_id(team))
        return paginated_response(view=self, queryset=templates, serializer_class=StageTemplateOutput)

    @extend_schema(request=StageTemplateInput, responses={201: StageTemplateOutput})
    def post(self, request):
        data = StageTemplateInput(data=request.data)
        data.is_valid(raise_exception=True)
        template = stage_templates.stage_template_create(user=request.user, **data.validated_data)
        return Response(StageTemplateOutput(template).data, status=status.HTTP_201_CREATED)


class StageTemplateDetailApi(APIView):
    permission_classes = [STAGE_TEMPLATE_ACCESS]
    error_statuses = (409,)  # stages applications are in; a template in use or the default one

    @extend_schema(responses=StageTemplateOutput)
    def get(self, request, stage_template_id):
        template = stage_template_selectors.stage_template_get(user=request.user, template_id=stage_template_id)
        return Response(StageTemplateOutput(template).data)

    @extend_schema(request=StageTemplateInput(partial=True), responses=StageTemplateOutput)
    def patch(self, request, stage_template_id):
        template = stage_template_selectors.stage_template_get(
            user=request.user, template_id=stage_template_id, policy=JOB_AD_WRITE
        )
        data = StageTemplateInput(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        changes = {k: v for k, v in data.validated_data.items() if k in request.data and k in ("name", "stages")}
        template = stage_templates.stage_template_update(template=template, user=request.user, **changes)
        return Response(StageTemplateOutput(template).data)

    @extend_schema(responses={204: None})
    def delete(self, request, stage_template_id):
        template = stage_template_selectors.stage_template_get(
            user=request.user, template_id=stage_template_id, policy=JOB_AD_WRITE
        )
        stage_templates.stage_template_delete(template=template, user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)
