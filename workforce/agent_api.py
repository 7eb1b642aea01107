"""REST API for agents: the list (filters as the People page) and new agents, one agent and its
changes, and recording an exit. HR writes; team leads read their own teams'."""

from django.contrib.auth import get_user_model
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from profiles.models import RoleProfile, ServiceType
from servicefit.core.ids import MAX_ID
from servicefit.core.models import Team
from servicefit.core.pagination import ApiPagination, paginated_response
from servicefit.core.permissions import policy_permission
from servicefit.core.policies import AGENT_READ, AGENT_WRITE
from workforce import agent_selectors as selectors
from workforce import agents as services
from workforce.models import Channel, EmploymentStatus, ExitReason, ExitType
from workforce.risk_bands import RiskBand

AGENT_ACCESS = policy_permission(AGENT_READ, AGENT_WRITE)
# Exited is set by recording an exit, not by editing the status.
SETTABLE_STATUSES = [c for c in EmploymentStatus.choices if c[0] != EmploymentStatus.EXITED]


class AgentRiskSummaryOutput(serializers.Serializer):
    probability = serializers.FloatField(help_text="Of a voluntary exit within the model's horizon.")
    band = serializers.ChoiceField(choices=RiskBand.choices)
    scored_at = serializers.DateTimeField()


class AgentOutput(serializers.Serializer):
    id = serializers.IntegerField()
    employee_number = serializers.CharField()
    name = serializers.CharField()
    email = serializers.CharField()
    team = serializers.IntegerField(source="team_id")
    team_name = serializers.CharField(source="team.name")
    manager = serializers.CharField(source="manager.username", default=None, allow_null=True)
    role_profile = serializers.CharField(source="role_profile.slug", default=None, allow_null=True)
    channels = serializers.ListField(child=serializers.ChoiceField(choices=Channel.choices))
    hire_date = serializers.DateField()
    employment_status = serializers.ChoiceField(choices=EmploymentStatus.choices)
    exit_date = serializers.DateField(allow_null=True)
    exit_type = serializers.ChoiceField(choices=ExitType.choices, allow_blank=True)
    exit_reason = serializers.ChoiceField(choices=ExitReason.choices, allow_blank=True)
    source = serializers.CharField()
    tenure_months = serializers.IntegerField(source="tenure.months")
    hire = serializers.IntegerField(source="hire_id", allow_null=True, help_text="The ServiceFit hire, if any.")
    hiring_fit = serializers.FloatField(allow_null=True)
    hiring_fit_label = serializers.CharField()
    hiring_dominant_type = serializers.ChoiceField(choices=ServiceType.Code.choices, allow_blank=True)
    risk = AgentRiskSummaryOutput(
        source="risk_data",
        allow_null=True,
        help_text="Null until the agent has been scored, and for an agent on notice (an `exit_date` still ahead): "
        "a known exit, not a risk.",
    )
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()


class AgentInput(serializers.Serializer):
    employee_number = serializers.CharField(max_length=64)
    name = serializers.CharField(max_length=200)
    email = serializers.CharField(max_length=254, required=False, allow_blank=True, default="")
    team = serializers.PrimaryKeyRelatedField(queryset=Team.objects.all(), help_text="Team id.")
    manager = serializers.SlugRelatedField(
        slug_field="username",
        queryset=get_user_model().objects.all(),
        required=False,
        allow_null=True,
        default=None,
        help_text="Username of the team lead.",
    )
    role_profile = serializers.SlugRelatedField(
        slug_field="slug", queryset=RoleProfile.objects.all(), required=False, allow_null=True, default=None
    )
    channels = serializers.ListField(
        child=serializers.ChoiceField(choices=Channel.choices), required=False, default=list, max_length=10
    )
    hire_date = serializers.DateField()
    employment_status = serializers.ChoiceField(
        choices=SETTABLE_STATUSES, required=False, default=EmploymentStatus.ACTIVE
    )
    source = serializers.CharField(max_length=60, required=False, allow_blank=True, default="")


class AgentFilterInput(serializers.Serializer):
    q = serializers.CharField(max_length=100, required=False, allow_blank=True)
    # A larger number names no team, and SQLite cannot even compare it (a 500 before).
    team = serializers.IntegerField(required=False, min_value=1, max_value=MAX_ID)
    status = serializers.ChoiceField(choices=EmploymentStatus.choices, required=False)
    manager = serializers.CharField(max_length=150, required=False, help_text="Username.")
    role_profile = serializers.CharField(max_length=100, required=False, help_text="Slug.")
    hired_from = serializers.DateField(required=False)
    hired_to = serializers.DateField(required=False)


class AgentExitInput(serializers.Serializer):
    exit_date = serializers.DateField(help_text="The last day of employment; on or after the hire date.")
    exit_type = serializers.ChoiceField(choices=ExitType.choices)
    exit_reason = serializers.ChoiceField(choices=ExitReason.choices, required=False, default=ExitReason.OTHER)


def _described(agents) -> list:
    return selectors.agents_described(agents)


def _agent_data(agent) -> dict:
    [agent] = selectors.agents_described([agent])
    return AgentOutput(agent).data


class AgentListApi(APIView):
    permission_classes = [AGENT_ACCESS]
    pagination_class = ApiPagination

    @extend_schema(parameters=[AgentFilterInput], responses=AgentOutput(many=True))
    def get(self, request):
        data = AgentFilterInput(data=request.query_params)
        data.is_valid(raise_exception=True)
        filters = dict(data.validated_data)
        if "manager" in filters:
            filters["manager"] = get_user_model().objects.filter(username=filters["manager"]).first() or -1
        if "role_profile" in filters:
            filters["role_profile"] = RoleProfile.objects.filter(slug=filters["role_profile"]).first() or -1
        agents = selectors.agent_list(user=request.user, filters=filters)
        return paginated_response(
            view=self,
            queryset=agents,
            serializer_class=AgentOutput,
            page_shown=lambda page: _described(selectors.agents_shown(user=request.user, agents=page)),
        )

    @extend_schema(request=AgentInput, responses={201: AgentOutput})
    def post(self, request):
        data = AgentInput(data=request.data)
        data.is_valid(raise_exception=True)
        agent = services.agent_create(user=request.user, **data.validated_data)
        return Response(_agent_data(agent), status=status.HTTP_201_CREATED)


class AgentDetailApi(APIView):
    permission_classes = [AGENT_ACCESS]

    @extend_schema(responses=AgentOutput)
    def get(self, request, agent_id):
        agent = selectors.agent_get(user=request.user, agent_id=agent_id)
        selectors.agents_shown(user=request.user, agents=[agent])
        return Response(_agent_data(agent))

    @extend_schema(request=AgentInput(partial=True), responses=AgentOutput)
    def patch(self, request, agent_id):
        agent = selectors.agent_get(user=request.user, agent_id=agent_id, policy=AGENT_WRITE)
        data = AgentInput(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        changes = {key: value for key, value in data.validated_data.items() if key in request.data}
        agent = services.agent_update(agent=agent, user=request.user, **changes)
        return Response(_agent_data(agent))


class AgentExitApi(APIView):
    """Record (or correct) the agent's exit. A last day in the future is a notice period: the agent
    stays employed until then."""

    permission_classes = [policy_permission(AGENT_WRITE)]

    @extend_schema(request=AgentExitInput, responses=AgentOutput)
    def post(self, request, agent_id):
        agent = selectors.agent_get(user=request.user, agent_id=agent_id, policy=AGENT_WRITE)
        data = AgentExitInput(data=request.data)
        data.is_valid(raise_exception=True)
        agent = services.agent_exit(agent=agent, user=request.user, **data.validated_data)
        return Response(_agent_data(agent))
