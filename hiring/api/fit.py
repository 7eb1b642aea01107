"""REST API for a role profile's versioned fit settings, recomputing a ranking, and the decisions
people make against it."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from hiring import decisions, fit_records, fit_settings, pipeline_selectors, ranking
from hiring.fit import MAX_COVER_LETTER_WEIGHT
from hiring.models import FIT_SETTING_VALUES, FitSetting, RankingDecision, Stage
from profiles.models import RoleProfile
from servicefit.core.ids import record_id
from servicefit.core.pagination import ApiPagination, paginated_response
from servicefit.core.permissions import policy_permission
from servicefit.core.policies import FRAMEWORK_EDIT, RANKING_DECIDE, RANKING_READ


def role_profile_get(slug_or_id: str) -> RoleProfile:
    if slug_or_id.isdigit():
        return get_object_or_404(RoleProfile, id=record_id(slug_or_id))
    return get_object_or_404(RoleProfile, slug=slug_or_id)


class FitSettingOutput(serializers.ModelSerializer):
    version = serializers.CharField(help_text="What a ranking scored with these settings names as its fit_version.")
    hurdles = serializers.DictField(child=serializers.IntegerField(), help_text="{competency code: minimum level}")
    created_by = serializers.CharField(source="created_by.username", allow_null=True, default=None)

    class Meta:
        model = FitSetting
        fields = [
            "number",
            "version",
            *FIT_SETTING_VALUES,
            "created_by",
            "created_at",
        ]


class RoleProfileFitSettingsApi(APIView):
    """Read by whoever reads rankings; a save creates the next version (the old ones are kept)."""

    permission_classes = [policy_permission(RANKING_READ, FRAMEWORK_EDIT)]
    pagination_class = ApiPagination

    class FitSettingInput(serializers.Serializer):
        service_types_weight = serializers.FloatField()
        competencies_weight = serializers.FloatField()
        cover_letter_weight = serializers.FloatField(help_text=f"At most {MAX_COVER_LETTER_WEIGHT}.")
        strong_from = serializers.FloatField()
        good_from = serializers.FloatField()
        partial_from = serializers.FloatField()
        hurdles = serializers.DictField(child=serializers.IntegerField(), required=False, default=dict)
        stale_after_days = serializers.IntegerField()

    @extend_schema(responses=FitSettingOutput(many=True), description="The versions, newest first.")
    def get(self, request, slug):
        role_profile = role_profile_get(slug)
        settings = FitSetting.objects.filter(role_profile=role_profile).select_related("role_profile", "created_by")
        return paginated_response(view=self, queryset=settings.order_by("-number"), serializer_class=FitSettingOutput)

    @extend_schema(request=FitSettingInput, responses={201: FitSettingOutput})
    def post(self, request, slug):
        role_profile = role_profile_get(slug)
        data = self.FitSettingInput(data=request.data)
        data.is_valid(raise_exception=True)
        setting = fit_settings.fit_setting_save(role_profile=role_profile, user=request.user, **data.validated_data)
        return Response(FitSettingOutput(setting).data, status=status.HTTP_201_CREATED)


class RequisitionRankingRefreshApi(APIView):
    """Recompute every application's fit in the background; the ranking shows it when done."""

    permission_classes = [policy_permission(RANKING_READ)]

    @extend_schema(request=None, responses={202: OpenApiResponse(description="The recomputation is enqueued.")})
    def post(self, request, requisition_id):
        requisition = ranking.ranking_requisition_get(user=request.user, requisition_id=requisition_id)
        fit_records.requisition_fit_refresh_later(requisition_ids=[requisition.id])
        return Response({"message": "The ranking is being recomputed."}, status=status.HTTP_202_ACCEPTED)


class RankingDecisionOutput(serializers.ModelSerializer):
    by = serializers.CharField(source="by.username", allow_null=True, default=None)

    class Meta:
        model = RankingDecision
        fields = [
            "id",
            "application",
            "decision",
            "reason",
            "from_stage",
            "to_stage",
            "by",
            "at",
            "status",
            "fit",
            "label",
            "position",
            "fit_version",
        ]


class ApplicationDecisionApi(APIView):
    """Decide against the ranking: recruiters, HR, admins, and the requisition's hiring manager."""

    permission_classes = [policy_permission(RANKING_READ, RANKING_DECIDE)]
    pagination_class = ApiPagination
    error_statuses = (403, 409)  # not the hiring manager; a move the stage does not allow

    class DecisionInput(serializers.Serializer):
        decision = serializers.ChoiceField(choices=RankingDecision.Decision.choices)
        reason = serializers.CharField(max_length=decisions.REASON_MAX)
        stage = serializers.ChoiceField(
            choices=Stage.choices, required=False, allow_null=True, default=None, help_text="Where to advance to."
        )

    @extend_schema(responses=RankingDecisionOutput(many=True))
    def get(self, request, application_id):
        application = pipeline_selectors.application_get(
            user=request.user, application_id=application_id, policy=RANKING_READ
        )
        return paginated_response(
            view=self,
            queryset=decisions.decision_list(application=application),
            serializer_class=RankingDecisionOutput,
        )

    @extend_schema(request=DecisionInput, responses={201: RankingDecisionOutput})
    def post(self, request, application_id):
        application = pipeline_selectors.application_get(
            user=request.user, application_id=application_id, policy=RANKING_DECIDE
        )
        data = self.DecisionInput(data=request.data)
        data.is_valid(raise_exception=True)
        decision = decisions.ranking_decide(
            application=application,
            decision=data.validated_data["decision"],
            reason=data.validated_data["reason"],
            to_stage=data.validated_data["stage"],
            user=request.user,
        )
        return Response(RankingDecisionOutput(decision).data, status=status.HTTP_201_CREATED)
