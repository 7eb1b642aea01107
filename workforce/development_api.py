"""REST API for an agent's development: snapshots, plans with goals, training, coaching, career moves
and re-assessments. Read under AGENT_READ, written under DEVELOPMENT_WRITE; another team's agent is 404."""

from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from assessments.models import Assessment
from profiles.models import Competency, RoleProfile
from servicefit.core.languages import LANGUAGE_CODES
from servicefit.core.models import Team
from servicefit.core.pagination import ApiPagination, paginated_response
from servicefit.core.permissions import policy_permission
from servicefit.core.policies import AGENT_READ, DEVELOPMENT_WRITE
from workforce import development
from workforce import development_selectors as selectors
from workforce.analysis.development import plan_progress
from workforce.models import CoachingTopic, GoalStatus, MoveKind, PlanStatus, SnapshotSource, TrainingKind

DEVELOPMENT_ACCESS = policy_permission(AGENT_READ, DEVELOPMENT_WRITE)
MAX_ITEMS = 50


class CompetencyCodeField(serializers.SlugRelatedField):
    def __init__(self, **kwargs):
        super().__init__(slug_field="code", queryset=Competency.objects.all(), **kwargs)

    def fail(self, key, **kwargs):
        if key == "does_not_exist":  # not DRF's "Object with code=juggling does not exist.": no field names
            message = _("There is no competency %(value)r.") % {"value": kwargs["value"][:100]}
            raise serializers.ValidationError(message, code=key)
        super().fail(key, **kwargs)


def _agent(view, agent_id):
    policy = AGENT_READ if view.request.method == "GET" else DEVELOPMENT_WRITE
    return selectors.development_agent_get(user=view.request.user, agent_id=agent_id, policy=policy)


def _listed(view, agent, queryset, serializer_class):
    def shown(page):
        selectors.development_shown(user=view.request.user, agent=agent)
        return page

    return paginated_response(view=view, queryset=queryset, serializer_class=serializer_class, page_shown=shown)


# Snapshots ----------------------------------------------------------------------------------------


class CompetencyLevelOutput(serializers.Serializer):
    competency = serializers.CharField(source="competency.code")
    level = serializers.FloatField()


class CompetencySnapshotOutput(serializers.Serializer):
    id = serializers.IntegerField()
    taken_on = serializers.DateField()
    source = serializers.ChoiceField(choices=SnapshotSource.choices)
    rated_by = serializers.CharField(source="rated_by.username", default=None, allow_null=True)
    re_assessment = serializers.IntegerField(source="agent_assessment_id", allow_null=True)
    levels = CompetencyLevelOutput(many=True, source="levels.all")


class CompetencySnapshotInput(serializers.Serializer):
    taken_on = serializers.DateField(required=False, help_text="Default: today.")
    source = serializers.ChoiceField(
        choices=SnapshotSource.choices,
        default=SnapshotSource.MANAGER_RATING,
        help_text="manager_rating or import; a re-assessment's snapshot is made from its scored attempt, not posted.",
    )
    levels = serializers.DictField(
        child=serializers.FloatField(min_value=1, max_value=5),
        allow_empty=False,
        help_text=(
            'Competency code → level on the anchors 1–5, e.g. {"de_escalation": 3}. '
            "A manager rating takes whole levels."
        ),
    )

    def validate_source(self, value):
        if value == SnapshotSource.ASSESSMENT:
            raise serializers.ValidationError(_("A re-assessment's snapshot comes from its scored attempt."))
        return value

    def validate_levels(self, value):
        if len(value) > MAX_ITEMS:
            raise serializers.ValidationError(_("Give at most %(count)s competencies.") % {"count": MAX_ITEMS})
        return value


class AgentSnapshotsApi(APIView):
    permission_classes = [DEVELOPMENT_ACCESS]
    pagination_class = ApiPagination

    @extend_schema(
        responses=CompetencySnapshotOutput(many=True), description="The agent's competency snapshots, newest first."
    )
    def get(self, request, agent_id):
        agent = _agent(self, agent_id)
        return _listed(self, agent, selectors.snapshot_list(agent=agent), CompetencySnapshotOutput)

    @extend_schema(request=CompetencySnapshotInput, responses={201: CompetencySnapshotOutput})
    def post(self, request, agent_id):
        agent = _agent(self, agent_id)
        data = CompetencySnapshotInput(data=request.data)
        data.is_valid(raise_exception=True)
        snapshot = development.snapshot_record(agent=agent, user=request.user, **data.validated_data)
        return Response(
            CompetencySnapshotOutput(selectors.snapshot_list(agent=agent).get(pk=snapshot.pk)).data, status=201
        )


# Plans and goals ----------------------------------------------------------------------------------


class PlanGoalOutput(serializers.Serializer):
    id = serializers.IntegerField()
    plan = serializers.IntegerField(source="plan_id")
    competency = serializers.CharField(source="competency.code", default=None, allow_null=True)
    description = serializers.CharField()
    target_level = serializers.IntegerField(allow_null=True)
    due_on = serializers.DateField(allow_null=True)
    status = serializers.ChoiceField(choices=GoalStatus.choices)
    completed_on = serializers.DateField(allow_null=True)


class PlanProgressOutput(serializers.Serializer):
    achieved = serializers.IntegerField()
    counted = serializers.IntegerField(help_text="Goals that are not dropped.")
    overdue = serializers.IntegerField()
    share = serializers.FloatField(allow_null=True, help_text="achieved ÷ counted; null without goals.")


class DevelopmentPlanOutput(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    starts_on = serializers.DateField()
    status = serializers.ChoiceField(choices=PlanStatus.choices)
    created_by = serializers.CharField(source="created_by.username", default=None, allow_null=True)
    goals = PlanGoalOutput(many=True, source="goals.all")
    progress = serializers.SerializerMethodField()

    @extend_schema_field(PlanProgressOutput)
    def get_progress(self, plan) -> dict:
        progress = plan_progress(((g.status, g.due_on) for g in plan.goals.all()), timezone.localdate())
        return PlanProgressOutput(progress).data


class PlanGoalInput(serializers.Serializer):
    competency = CompetencyCodeField(required=False, allow_null=True)
    description = serializers.CharField(max_length=300)
    target_level = serializers.IntegerField(min_value=1, max_value=5, required=False, allow_null=True)
    due_on = serializers.DateField(required=False, allow_null=True)
    status = serializers.ChoiceField(choices=GoalStatus.choices, required=False, default=GoalStatus.OPEN)
    completed_on = serializers.DateField(
        required=False, allow_null=True, help_text="For an achieved goal; default today. Cleared for other statuses."
    )


class DevelopmentPlanInput(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    starts_on = serializers.DateField(required=False, help_text="Default: today.")
    goals = PlanGoalInput(many=True, required=False, max_length=MAX_ITEMS)


class AgentPlansApi(APIView):
    permission_classes = [DEVELOPMENT_ACCESS]
    pagination_class = ApiPagination

    @extend_schema(
        responses=DevelopmentPlanOutput(many=True), description="The agent's development plans with their goals."
    )
    def get(self, request, agent_id):
        agent = _agent(self, agent_id)
        return _listed(self, agent, selectors.plan_list(agent=agent), DevelopmentPlanOutput)

    @extend_schema(request=DevelopmentPlanInput, responses={201: DevelopmentPlanOutput})
    def post(self, request, agent_id):
        agent = _agent(self, agent_id)
        data = DevelopmentPlanInput(data=request.data)
        data.is_valid(raise_exception=True)
        plan = development.plan_create(agent=agent, user=request.user, **data.validated_data)
        return Response(DevelopmentPlanOutput(selectors.plan_list(agent=agent).get(pk=plan.pk)).data, status=201)


class PlanGoalPatchInput(PlanGoalInput):
    description = serializers.CharField(max_length=300, required=False)
    status = serializers.ChoiceField(choices=GoalStatus.choices, required=False)


class GoalDetailApi(APIView):
    permission_classes = [DEVELOPMENT_ACCESS]

    @extend_schema(
        request=PlanGoalPatchInput,
        responses=PlanGoalOutput,
        description="Change a goal; achieving it sets completed_on (today unless given).",
    )
    def patch(self, request, goal_id):
        goal = selectors.goal_get(user=request.user, goal_id=goal_id, policy=DEVELOPMENT_WRITE)
        data = PlanGoalPatchInput(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        changes = {key: value for key, value in data.validated_data.items() if key in request.data}
        goal = development.goal_update(goal=goal, **changes)
        return Response(PlanGoalOutput(goal).data)


# Training, coaching, moves ------------------------------------------------------------------------


class TrainingOutput(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=TrainingKind.choices)
    title = serializers.CharField()
    provider = serializers.CharField()
    competency = serializers.CharField(source="competency.code", default=None, allow_null=True)
    completed_on = serializers.DateField()
    expires_on = serializers.DateField(allow_null=True)


class TrainingInput(serializers.Serializer):
    kind = serializers.ChoiceField(choices=TrainingKind.choices)
    title = serializers.CharField(max_length=200)
    provider = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    competency = CompetencyCodeField(required=False, allow_null=True)
    completed_on = serializers.DateField()
    expires_on = serializers.DateField(required=False, allow_null=True)


class AgentTrainingsApi(APIView):
    permission_classes = [DEVELOPMENT_ACCESS]
    pagination_class = ApiPagination

    @extend_schema(responses=TrainingOutput(many=True))
    def get(self, request, agent_id):
        agent = _agent(self, agent_id)
        return _listed(self, agent, selectors.training_list(agent=agent), TrainingOutput)

    @extend_schema(request=TrainingInput, responses={201: TrainingOutput})
    def post(self, request, agent_id):
        agent = _agent(self, agent_id)
        data = TrainingInput(data=request.data)
        data.is_valid(raise_exception=True)
        training = development.training_add(agent=agent, **data.validated_data)
        return Response(TrainingOutput(training).data, status=201)


class CoachingSessionOutput(serializers.Serializer):
    id = serializers.IntegerField()
    held_on = serializers.DateField()
    topic = serializers.ChoiceField(choices=CoachingTopic.choices)
    coach = serializers.CharField(source="coach.username", default=None, allow_null=True)
    notes = serializers.CharField()


class CoachingSessionInput(serializers.Serializer):
    held_on = serializers.DateField()
    topic = serializers.ChoiceField(choices=CoachingTopic.choices)
    notes = serializers.CharField(max_length=5000, required=False, allow_blank=True, default="")


class AgentCoachingApi(APIView):
    permission_classes = [DEVELOPMENT_ACCESS]
    pagination_class = ApiPagination

    @extend_schema(responses=CoachingSessionOutput(many=True))
    def get(self, request, agent_id):
        agent = _agent(self, agent_id)
        return _listed(self, agent, selectors.coaching_list(agent=agent), CoachingSessionOutput)

    @extend_schema(
        request=CoachingSessionInput, responses={201: CoachingSessionOutput}, description="The coach is you."
    )
    def post(self, request, agent_id):
        agent = _agent(self, agent_id)
        data = CoachingSessionInput(data=request.data)
        data.is_valid(raise_exception=True)
        session = development.coaching_add(agent=agent, user=request.user, **data.validated_data)
        return Response(CoachingSessionOutput(session).data, status=201)


class CareerMoveOutput(serializers.Serializer):
    id = serializers.IntegerField()
    moved_on = serializers.DateField()
    kind = serializers.ChoiceField(choices=MoveKind.choices)
    title = serializers.CharField()
    from_team = serializers.IntegerField(source="from_team_id", allow_null=True)
    to_team = serializers.IntegerField(source="to_team_id", allow_null=True)
    from_role_profile = serializers.CharField(source="from_role_profile.slug", default=None, allow_null=True)
    to_role_profile = serializers.CharField(source="to_role_profile.slug", default=None, allow_null=True)


class CareerMoveInput(serializers.Serializer):
    kind = serializers.ChoiceField(choices=MoveKind.choices)
    moved_on = serializers.DateField()
    title = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    to_team = serializers.PrimaryKeyRelatedField(
        queryset=Team.objects.all(), required=False, allow_null=True, help_text="A team you may write to."
    )
    to_role_profile = serializers.SlugRelatedField(
        slug_field="slug", queryset=RoleProfile.objects.all(), required=False, allow_null=True
    )


class AgentMovesApi(APIView):
    permission_classes = [DEVELOPMENT_ACCESS]
    pagination_class = ApiPagination

    @extend_schema(responses=CareerMoveOutput(many=True))
    def get(self, request, agent_id):
        agent = _agent(self, agent_id)
        return _listed(self, agent, selectors.move_list(agent=agent), CareerMoveOutput)

    @extend_schema(
        request=CareerMoveInput,
        responses={201: CareerMoveOutput},
        description="A move to another team or role profile changes the agent's team or role profile too.",
    )
    def post(self, request, agent_id):
        agent = _agent(self, agent_id)
        data = CareerMoveInput(data=request.data)
        data.is_valid(raise_exception=True)
        move = development.career_move_record(agent=agent, user=request.user, **data.validated_data)
        return Response(CareerMoveOutput(move).data, status=201)


class AgentReassessInput(serializers.Serializer):
    assessment = serializers.SlugRelatedField(slug_field="slug", queryset=Assessment.objects.filter(is_active=True))
    language = serializers.ChoiceField(
        choices=LANGUAGE_CODES, required=False, help_text="Default: the language the agent was assessed in at hiring."
    )


class AgentReassessOutput(serializers.Serializer):
    id = serializers.IntegerField()
    invitation = serializers.IntegerField(source="invitation_id")
    assessment = serializers.CharField(source="invitation.assessment.slug")
    email = serializers.EmailField(source="invitation.email")
    language = serializers.CharField(source="invitation.language")
    expires_at = serializers.DateTimeField(source="invitation.expires_at")


class AgentReassessApi(APIView):
    permission_classes = [DEVELOPMENT_ACCESS]

    @extend_schema(
        request=AgentReassessInput,
        responses={201: AgentReassessOutput},
        description="Sends the agent an assessment; its scored attempt becomes a competency snapshot.",
    )
    def post(self, request, agent_id):
        agent = _agent(self, agent_id)
        data = AgentReassessInput(data=request.data)
        data.is_valid(raise_exception=True)
        link = development.agent_reassess(agent=agent, user=request.user, **data.validated_data)
        return Response(AgentReassessOutput(link).data, status=status.HTTP_201_CREATED)
