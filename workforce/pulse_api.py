"""REST API for pulse surveys: HR creates, opens and closes them; team leads and HR read results
(groups of at least five only); agents answer from their link (the token is the credential)."""

from django.utils import translation
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from assessments.api import CandidateApi
from servicefit.core.languages import LANGUAGE_CODES
from servicefit.core.models import Team
from servicefit.core.pagination import ApiPagination, paginated_response
from servicefit.core.permissions import policy_permission
from servicefit.core.policies import PULSE_MANAGE, RETENTION_READ
from servicefit.core.schema import MessageOutput
from workforce import pulse, pulse_selectors
from workforce.models import SurveyStatus

SURVEY_ACCESS = policy_permission(RETENTION_READ, PULSE_MANAGE)


class SurveyOutput(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    team = serializers.IntegerField(source="team_id", allow_null=True, help_text="Null: every team.")
    opens_on = serializers.DateField()
    closes_on = serializers.DateField()
    status = serializers.ChoiceField(choices=SurveyStatus.choices)
    invited = serializers.IntegerField(help_text="Links sent to agents of your teams.")
    responded = serializers.IntegerField(help_text="Answers from agents of your teams (a count; never who).")
    created_at = serializers.DateTimeField()


class SurveyInput(serializers.Serializer):
    title = serializers.CharField(max_length=pulse.MAX_TITLE)
    team = serializers.PrimaryKeyRelatedField(
        queryset=Team.objects.all(), required=False, allow_null=True, help_text="Team id; null or left out: every team."
    )
    opens_on = serializers.DateField()
    closes_on = serializers.DateField()


class GroupOutput(serializers.Serializer):
    invited = serializers.IntegerField()
    respondents = serializers.IntegerField()
    response_rate = serializers.FloatField(allow_null=True)
    suppressed = serializers.BooleanField(
        help_text="True: fewer than 5 answers (or the survey is still open); every figure below is null."
    )
    enps = serializers.FloatField(allow_null=True, help_text="Share of 9–10 minus share of 0–6, −100 to 100.")
    promoters = serializers.IntegerField(allow_null=True)
    passives = serializers.IntegerField(allow_null=True)
    detractors = serializers.IntegerField(allow_null=True)
    workload = serializers.FloatField(allow_null=True, help_text="Mean agreement 1–5.")
    growth = serializers.FloatField(allow_null=True, help_text="Mean agreement 1–5.")
    manager_support = serializers.FloatField(allow_null=True, help_text="Mean agreement 1–5.")


class TeamGroupOutput(GroupOutput):
    team_id = serializers.IntegerField()
    team = serializers.CharField()


class ResultsOutput(serializers.Serializer):
    survey = SurveyOutput()
    shown = serializers.BooleanField(help_text="False while the survey is open: figures appear once it is closed.")
    min_group = serializers.IntegerField()
    overall = GroupOutput(help_text="Your teams together.")
    teams = TeamGroupOutput(many=True)


def _survey_data(*, user, survey_id: int) -> dict:
    return SurveyOutput(pulse_selectors.survey_list(user=user).get(id=survey_id)).data


class SurveyListApi(APIView):
    permission_classes = [SURVEY_ACCESS]
    pagination_class = ApiPagination

    @extend_schema(responses=SurveyOutput(many=True))
    def get(self, request):
        return paginated_response(
            view=self, queryset=pulse_selectors.survey_list(user=request.user), serializer_class=SurveyOutput
        )

    @extend_schema(request=SurveyInput, responses={201: SurveyOutput})
    def post(self, request):
        data = SurveyInput(data=request.data)
        data.is_valid(raise_exception=True)
        survey = pulse.pulse_survey_create(user=request.user, **data.validated_data)
        return Response(_survey_data(user=request.user, survey_id=survey.id), status=status.HTTP_201_CREATED)


class SurveyDetailApi(APIView):
    permission_classes = [SURVEY_ACCESS]

    @extend_schema(responses=SurveyOutput)
    def get(self, request, survey_id):
        pulse_selectors.survey_get(user=request.user, survey_id=survey_id)
        return Response(_survey_data(user=request.user, survey_id=survey_id))


class SurveyResultsApi(APIView):
    permission_classes = [policy_permission(RETENTION_READ)]

    @extend_schema(responses=ResultsOutput)
    def get(self, request, survey_id):
        survey = pulse_selectors.survey_get(user=request.user, survey_id=survey_id)
        results = pulse_selectors.survey_results(user=request.user, survey=survey)
        results["survey"] = pulse_selectors.survey_list(user=request.user).get(id=survey.id)
        return Response(ResultsOutput(results).data)


class SurveyOpenApi(APIView):
    permission_classes = [policy_permission(PULSE_MANAGE)]
    error_statuses = (409,)  # already open, or closed

    @extend_schema(request=None, responses=SurveyOutput, description="Opens the survey and e-mails every link.")
    def post(self, request, survey_id):
        survey = pulse_selectors.survey_get(user=request.user, survey_id=survey_id)
        pulse.pulse_survey_open(survey=survey, user=request.user)
        return Response(_survey_data(user=request.user, survey_id=survey.id))


class SurveyCloseApi(APIView):
    permission_classes = [policy_permission(PULSE_MANAGE)]
    error_statuses = (409,)  # never opened

    @extend_schema(request=None, responses=SurveyOutput, description="Closes the survey; its links stop working.")
    def post(self, request, survey_id):
        survey = pulse_selectors.survey_get(user=request.user, survey_id=survey_id)
        pulse.pulse_survey_close(survey=survey, user=request.user)
        return Response(_survey_data(user=request.user, survey_id=survey.id))


# The agent's endpoint -----------------------------------------------------------------------------


class QuestionOutput(serializers.Serializer):
    name = serializers.CharField()
    text = serializers.CharField()
    min = serializers.IntegerField()
    max = serializers.IntegerField()
    labels = serializers.DictField(child=serializers.CharField(), help_text="Label of each value, where it has one.")


class PulseFormOutput(serializers.Serializer):
    survey = serializers.CharField()
    closes_on = serializers.DateField()
    language = serializers.CharField()
    answered = serializers.BooleanField()
    questions = QuestionOutput(many=True)


class AnswerField(serializers.IntegerField):
    """A whole number, or plain ASCII digits: int() alone would take "٣" or " 3 "."""

    def to_internal_value(self, data):
        if isinstance(data, str) and not (data.isascii() and data.isdigit() and len(data) <= 2):
            self.fail("invalid")
        if isinstance(data, float | bool):
            self.fail("invalid")
        return super().to_internal_value(data)


class PulseAnswerInput(serializers.Serializer):
    recommend = AnswerField(min_value=0, max_value=10)
    workload = AnswerField(min_value=1, max_value=5)
    growth = AnswerField(min_value=1, max_value=5)
    manager_support = AnswerField(min_value=1, max_value=5)


class PulseAnswerApi(CandidateApi):
    """GET the questions in the agent's language (or ?lang=), POST the answers once."""

    @extend_schema(responses=PulseFormOutput)
    def get(self, request, token):
        invitation = pulse.pulse_invitation_for_token(token)
        asked = request.query_params.get("lang")
        language = asked if asked in LANGUAGE_CODES else pulse.agent_language(invitation.agent)
        with translation.override(language):
            questions = [{**q, "labels": {str(k): v for k, v in q["labels"].items()}} for q in pulse.pulse_questions()]
        survey = invitation.survey
        return Response(
            PulseFormOutput(
                {
                    "survey": survey.title,
                    "closes_on": survey.closes_on,
                    "language": language,
                    "answered": invitation.answered_at is not None,
                    "questions": questions,
                }
            ).data
        )

    @extend_schema(request=PulseAnswerInput, responses={201: MessageOutput})
    def post(self, request, token):
        invitation = pulse.pulse_invitation_for_token(token, for_writing=True)
        data = PulseAnswerInput(data=request.data)
        data.is_valid(raise_exception=True)
        pulse.pulse_answer_submit(invitation=invitation, answers=data.validated_data)
        return Response({"message": "Thank you: your answers were received."}, status=status.HTTP_201_CREATED)
