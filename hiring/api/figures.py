"""A requisition's pipeline figures: time in stage, sources and conversion (no person in them)."""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from hiring import pipeline_selectors
from hiring.board_selectors import requisition_figures_get
from hiring.models import Candidate, Stage
from servicefit.core.permissions import policy_permission
from servicefit.core.policies import JOB_AD_WRITE, PIPELINE_READ


class TimeInStageOutput(serializers.Serializer):
    stage = serializers.ChoiceField(choices=Stage.choices)
    stays = serializers.IntegerField(help_text="Stays in the stage, completed and current.")
    current = serializers.IntegerField(help_text="Applications in the stage now.")
    median_days = serializers.FloatField(allow_null=True)
    mean_days = serializers.FloatField(allow_null=True)


class SourceOutput(serializers.Serializer):
    source = serializers.ChoiceField(choices=Candidate.Source.choices)
    applications = serializers.IntegerField()
    reached = serializers.DictField(child=serializers.IntegerField(), help_text="Per stage: how many got there.")


class ConversionOutput(serializers.Serializer):
    stage = serializers.ChoiceField(choices=Stage.choices)
    reached = serializers.IntegerField()
    moved_on = serializers.IntegerField(help_text="Of those, how many reached a later stage.")
    rate = serializers.FloatField(allow_null=True)


class FiguresOutput(serializers.Serializer):
    forward = serializers.ListField(child=serializers.ChoiceField(choices=Stage.choices))
    time_in_stage = TimeInStageOutput(many=True)
    sources = SourceOutput(many=True)
    conversion = ConversionOutput(many=True)


class RequisitionFiguresApi(APIView):
    permission_classes = [policy_permission(PIPELINE_READ, JOB_AD_WRITE)]

    @extend_schema(responses=FiguresOutput)
    def get(self, request, requisition_id):
        requisition = pipeline_selectors.requisition_get(
            user=request.user, requisition_id=requisition_id, policy=PIPELINE_READ
        )
        return Response(FiguresOutput(requisition_figures_get(requisition=requisition)).data)
