"""REST API for a requisition's adverse-impact figures and candidates' voluntary self-identification."""

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from hiring import impact_selectors, pipeline_selectors
from hiring.adverse_impact import MIN_GROUP_SIZE
from hiring.impact_selectors import IMPACT_STAGES
from hiring.self_identification import self_id_answers_record
from servicefit.core.permissions import policy_permission
from servicefit.core.policies import ADVERSE_IMPACT_READ, CANDIDATE_WRITE


class ImpactGroupOutput(serializers.Serializer):
    group = serializers.CharField(source="key", help_text="The source or language code, or the option's text.")
    label = serializers.CharField()
    suppressed = serializers.BooleanField(source="impact.suppressed", help_text="Fewer than 5 applicants: no figures.")
    applicants = serializers.IntegerField(source="impact.applicants", allow_null=True)
    selected = serializers.IntegerField(source="impact.selected", allow_null=True)
    rate = serializers.FloatField(source="impact.rate", allow_null=True)
    is_reference = serializers.BooleanField(source="impact.is_reference", help_text="The group with the highest rate.")
    impact_ratio = serializers.FloatField(source="impact.impact_ratio", allow_null=True)
    flagged = serializers.BooleanField(source="impact.flagged", help_text="Impact ratio below four fifths.")
    fisher_p = serializers.FloatField(
        source="impact.p_value", allow_null=True, help_text="Fisher's exact test (two-sided) against the reference."
    )


class ImpactGroupingOutput(serializers.Serializer):
    key = serializers.CharField(help_text='"source", "language" or "self_id:<question key>".')
    label = serializers.CharField()
    not_stated = serializers.IntegerField(help_text="Applicants with no answer or who prefer not to say.")
    flagged = serializers.BooleanField()
    groups = ImpactGroupOutput(many=True)


class ImpactStageOutput(serializers.Serializer):
    stage = serializers.CharField()
    previous_stage = serializers.CharField(source="previous", help_text="Applicants at the stage reached this one.")
    applicants = serializers.IntegerField()
    selected = serializers.IntegerField()
    groupings = ImpactGroupingOutput(many=True)


class AdverseImpactOutput(serializers.Serializer):
    requisition = serializers.IntegerField()
    min_group_size = serializers.IntegerField()
    stages = ImpactStageOutput(many=True)


class RequisitionAdverseImpactApi(APIView):
    """Aggregates per group, never a person: written to the access log as a view of the requisition."""

    permission_classes = [policy_permission(ADVERSE_IMPACT_READ)]

    class StageQuery(serializers.Serializer):
        stage = serializers.ChoiceField(choices=IMPACT_STAGES, required=False)

    @extend_schema(
        parameters=[
            OpenApiParameter("stage", str, enum=[str(s) for s in IMPACT_STAGES], description="One stage only.")
        ],
        responses=AdverseImpactOutput,
    )
    def get(self, request, requisition_id):
        requisition = pipeline_selectors.requisition_get(
            user=request.user, requisition_id=requisition_id, policy=ADVERSE_IMPACT_READ
        )
        query = self.StageQuery(data=request.query_params)
        query.is_valid(raise_exception=True)
        stages = impact_selectors.requisition_adverse_impact(
            requisition=requisition, stage=query.validated_data.get("stage")
        )
        impact_selectors.adverse_impact_shown(user=request.user, requisition=requisition)
        return Response(
            AdverseImpactOutput(
                {"requisition": requisition.id, "min_group_size": MIN_GROUP_SIZE, "stages": stages}
            ).data
        )


class SelfIdAnswerOutput(serializers.Serializer):
    question = serializers.CharField(source="question.key")
    answer = serializers.CharField(source="option")
    given_at = serializers.DateTimeField()


class SelfIdAnswersOutput(serializers.Serializer):
    candidate = serializers.IntegerField()
    answers = SelfIdAnswerOutput(many=True)


class CandidateSelfIdentificationApi(APIView):
    """Records answers a candidate gave (e.g. in the ATS); there is no read beside the person's name."""

    permission_classes = [policy_permission(CANDIDATE_WRITE)]

    class SelfIdInput(serializers.Serializer):
        answers = serializers.DictField(
            child=serializers.CharField(max_length=100, allow_null=True),
            allow_empty=False,
            help_text='Question key → option text, "prefer_not_to_say", or null to remove the answer.',
        )
        given_at = serializers.DateTimeField(required=False, help_text="When the candidate answered. Default: now.")

    @extend_schema(request=SelfIdInput, responses={200: SelfIdAnswersOutput})
    def post(self, request, candidate_id):
        candidate = pipeline_selectors.candidate_get(
            user=request.user, candidate_id=candidate_id, policy=CANDIDATE_WRITE
        )
        data = self.SelfIdInput(data=request.data)
        data.is_valid(raise_exception=True)
        answers = self_id_answers_record(candidate=candidate, user=request.user, **data.validated_data)
        return Response(SelfIdAnswersOutput({"candidate": candidate.id, "answers": answers}).data)
