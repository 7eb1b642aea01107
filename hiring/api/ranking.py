"""REST API for inviting an application's candidate to an assessment, and a requisition's fit ranking."""

from django.conf import settings
from django.urls import reverse
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from assessments import services as assessment_services
from assessments.models import Assessment
from hiring import pipeline_selectors, ranking
from hiring.models import FitLabel, FitStatus
from servicefit.core.pagination import ApiPagination, paginated_response
from servicefit.core.permissions import policy_permission
from servicefit.core.policies import (
    CANDIDATE_WRITE,
    RANKING_READ,
)


class ApplicationInvitationApi(APIView):
    permission_classes = [policy_permission(CANDIDATE_WRITE)]

    class ApplicationInviteInput(serializers.Serializer):
        assessment = serializers.SlugRelatedField(
            slug_field="slug", queryset=Assessment.objects.all(), help_text="Assessment slug."
        )

    class ApplicationInvitedOutput(serializers.Serializer):
        id = serializers.IntegerField()
        token = serializers.CharField(help_text="The candidate's credential; shown once.")
        url = serializers.URLField(help_text="The link sent to the candidate.")
        expires_at = serializers.DateTimeField()

    @extend_schema(
        request=ApplicationInviteInput,
        responses={201: ApplicationInvitedOutput},
        description="Invites the application's candidate (name, e-mail, language) in the requisition's team.",
    )
    def post(self, request, application_id):
        application = pipeline_selectors.application_get(
            user=request.user, application_id=application_id, policy=CANDIDATE_WRITE
        )
        data = self.ApplicationInviteInput(data=request.data)
        data.is_valid(raise_exception=True)
        invitation = ranking.application_invite(
            application=application, assessment=data.validated_data["assessment"], user=request.user
        )
        token = assessment_services.invitation_token(invitation)
        return Response(
            {
                "id": invitation.id,
                "token": token,
                "url": settings.SITE_URL.rstrip("/") + reverse("take:welcome", args=[token]),
                "expires_at": invitation.expires_at,
            },
            status=status.HTTP_201_CREATED,
        )


class RankingComponentOutput(serializers.Serializer):
    score = serializers.FloatField(allow_null=True)
    weight = serializers.FloatField()
    contribution = serializers.FloatField(allow_null=True)


class RankingComponentsOutput(serializers.Serializer):
    service_types = RankingComponentOutput()
    competencies = RankingComponentOutput()
    cover_letter = RankingComponentOutput()


class RankingHurdleOutput(serializers.Serializer):
    competency = serializers.CharField()
    required_level = serializers.IntegerField()
    level = serializers.IntegerField(allow_null=True)
    score = serializers.FloatField(allow_null=True)
    met = serializers.BooleanField()


class RankingDifferenceOutput(serializers.Serializer):
    kind = serializers.ChoiceField(choices=["competency", "service_type"])
    code = serializers.CharField()
    value = serializers.FloatField()
    target = serializers.FloatField()
    difference = serializers.FloatField()


class RankingChangeOutput(serializers.Serializer):
    component = serializers.CharField()
    code = serializers.CharField()
    to = serializers.FloatField()
    amount = serializers.FloatField()
    label = serializers.CharField()

    def get_fields(self):
        fields = super().get_fields()
        fields["from"] = serializers.FloatField()  # a Python keyword, so not a class attribute
        return fields


class RankingCandidateOutput(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class RankingOutput(serializers.Serializer):
    application = serializers.IntegerField(source="application.id")
    candidate = RankingCandidateOutput(source="application.candidate")
    status = serializers.ChoiceField(choices=FitStatus.choices, source="fit.status")
    fit = serializers.FloatField(allow_null=True, source="fit.fit")
    label = serializers.CharField(allow_null=True, source="fit.label")
    components = RankingComponentsOutput(source="fit.components")
    hurdles = RankingHurdleOutput(many=True, source="fit.hurdles")
    strengths = RankingDifferenceOutput(many=True, source="fit.strengths")
    gaps = RankingDifferenceOutput(many=True, source="fit.gaps")
    missing = serializers.ListField(child=serializers.CharField(), source="fit.missing")
    what_would_change = RankingChangeOutput(allow_null=True, source="fit.what_would_change")
    fit_version = serializers.CharField(source="fit.fit_version")


class RequisitionRankingApi(APIView):
    """Advice for a person who decides: each read is written to the access log."""

    permission_classes = [policy_permission(RANKING_READ)]
    pagination_class = ApiPagination

    class RankingFilter(serializers.Serializer):
        label = serializers.ChoiceField(choices=FitLabel.choices, required=False, default="")
        status = serializers.ChoiceField(choices=FitStatus.choices, required=False, default="")

    @extend_schema(parameters=[RankingFilter], responses=RankingOutput(many=True))
    def get(self, request, requisition_id):
        requisition = ranking.ranking_requisition_get(user=request.user, requisition_id=requisition_id)
        filters = self.RankingFilter(data=request.query_params)
        filters.is_valid(raise_exception=True)
        return paginated_response(
            view=self,
            queryset=ranking.requisition_ranking(requisition=requisition, **filters.validated_data),
            serializer_class=RankingOutput,
            page_shown=lambda page: ranking.ranking_shown(user=request.user, rows=page),
        )


# Candidate import ---------------------------------------------------------------------------------
