"""REST API for the talent pool: candidates kept for future roles with their consent."""

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from hiring import pipeline_selectors, talent_pool
from hiring.models import Candidate
from servicefit.core.languages import LANGUAGE_CODES
from servicefit.core.models import AccessLog
from servicefit.core.pagination import ApiPagination, paginated_response
from servicefit.core.permissions import policy_permission
from servicefit.core.policies import CANDIDATE_RESULTS_READ, CANDIDATE_WRITE
from servicefit.core.services import access_log_many

TALENT_POOL_ACCESS = policy_permission(CANDIDATE_RESULTS_READ, CANDIDATE_WRITE)


class TalentPoolCandidateOutput(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    email = serializers.EmailField()
    language = serializers.ChoiceField(choices=LANGUAGE_CODES)
    source = serializers.ChoiceField(choices=Candidate.Source.choices)
    team = serializers.IntegerField(source="team_id")


class TalentPoolEntryOutput(serializers.Serializer):
    id = serializers.IntegerField()
    candidate = TalentPoolCandidateOutput()
    consent_given_at = serializers.DateTimeField()
    consent_text_version = serializers.CharField()
    consent_expires_at = serializers.DateTimeField()
    renewal_requested_at = serializers.DateTimeField(allow_null=True)
    renewed_at = serializers.DateTimeField(allow_null=True)
    added_by = serializers.CharField(source="added_by.username", default=None, allow_null=True)


class TalentPoolListApi(APIView):
    permission_classes = [TALENT_POOL_ACCESS]
    pagination_class = ApiPagination

    class TalentPoolInput(serializers.Serializer):
        candidate = serializers.IntegerField(min_value=1)
        consent_text_version = serializers.CharField(max_length=20)
        consent_given_at = serializers.DateTimeField(
            required=False, allow_null=True, help_text="Default: now. A consent that has already run out is refused."
        )

    @extend_schema(
        parameters=[
            OpenApiParameter("expiring", bool, description="Only consents that run out within the renewal notice."),
            OpenApiParameter("language", str, enum=list(LANGUAGE_CODES)),
            OpenApiParameter("source", str, enum=Candidate.Source.values),
        ],
        responses=TalentPoolEntryOutput(many=True),
    )
    def get(self, request):
        entries = talent_pool.talent_pool_list(
            user=request.user,
            expiring=request.query_params.get("expiring", "").lower() in ("1", "true", "yes"),
            language=request.query_params.get("language", ""),
            source=request.query_params.get("source", ""),
        )
        return paginated_response(
            view=self,
            queryset=entries,
            serializer_class=TalentPoolEntryOutput,
            page_shown=lambda page: _shown(request.user, page),
        )

    @extend_schema(request=TalentPoolInput, responses={201: TalentPoolEntryOutput})
    def post(self, request):
        data = self.TalentPoolInput(data=request.data)
        data.is_valid(raise_exception=True)
        candidate = pipeline_selectors.candidate_get(
            user=request.user, candidate_id=data.validated_data["candidate"], policy=CANDIDATE_WRITE
        )
        entry = talent_pool.talent_pool_add(
            user=request.user,
            candidate=candidate,
            consent_text_version=data.validated_data["consent_text_version"],
            consent_given_at=data.validated_data.get("consent_given_at"),
        )
        return Response(TalentPoolEntryOutput(entry).data, status=status.HTTP_201_CREATED)


def _shown(user, page) -> list:
    entries = list(page)
    access_log_many(user=user, action=AccessLog.Action.VIEW, targets=[entry.candidate for entry in entries])
    return entries


class TalentPoolDetailApi(APIView):
    permission_classes = [TALENT_POOL_ACCESS]

    @extend_schema(
        responses={204: None},
        description="Out of the talent pool; the candidate stays while an application keeps them.",
    )
    def delete(self, request, talent_pool_entry_id):
        entry = talent_pool.talent_pool_entry_get(user=request.user, entry_id=talent_pool_entry_id)
        talent_pool.talent_pool_remove(entry=entry)
        return Response(status=status.HTTP_204_NO_CONTENT)
