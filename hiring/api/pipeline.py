"""REST API for the hiring pipeline: requisitions, candidates (and their CSV import), applications and their moves."""

import json

from django.contrib.auth import get_user_model
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from hiring import pipeline, pipeline_import, pipeline_selectors
from hiring.api.common import RoleProfileSlugField, TeamField
from hiring.models import Candidate, JobAd, Requisition, Stage, StageTemplate
from servicefit.core.ids import record_id
from servicefit.core.languages import LANGUAGE_CODES
from servicefit.core.pagination import ApiPagination, paginated_response
from servicefit.core.permissions import policy_permission
from servicefit.core.policies import (
    CANDIDATE_RESULTS_READ,
    CANDIDATE_WRITE,
    JOB_AD_READ,
    JOB_AD_WRITE,
)

REQUISITION_ACCESS = policy_permission(JOB_AD_READ, JOB_AD_WRITE)

CANDIDATE_ACCESS = policy_permission(CANDIDATE_RESULTS_READ, CANDIDATE_WRITE)


class RequisitionOutput(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    role_profile = serializers.CharField(source="role_profile.slug")
    job_ad = serializers.IntegerField(source="job_ad_id", allow_null=True)
    team = serializers.IntegerField(source="team_id")
    openings = serializers.IntegerField()
    status = serializers.ChoiceField(choices=Requisition.Status.choices)
    opened_on = serializers.DateField(allow_null=True)
    closed_on = serializers.DateField(allow_null=True)
    hiring_manager = serializers.CharField(source="hiring_manager.username", default=None, allow_null=True)
    stage_template = serializers.IntegerField(source="stage_template_id")
    stage_template_name = serializers.CharField(source="stage_template.name")
    application_count = serializers.IntegerField(default=0)
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()


class RequisitionInput(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    role_profile = RoleProfileSlugField()
    job_ad = serializers.PrimaryKeyRelatedField(queryset=JobAd.objects.all(), required=False, allow_null=True)
    openings = serializers.IntegerField(min_value=1, max_value=1000, required=False, default=1)
    status = serializers.ChoiceField(choices=Requisition.Status.choices, required=False, default="draft")
    opened_on = serializers.DateField(required=False, allow_null=True)
    closed_on = serializers.DateField(required=False, allow_null=True)
    hiring_manager = serializers.SlugRelatedField(
        slug_field="username", queryset=get_user_model().objects.all(), required=False, allow_null=True
    )
    stage_template = serializers.PrimaryKeyRelatedField(
        queryset=StageTemplate.objects.all(),
        required=False,
        allow_null=True,
        help_text="A stage template id (global or the requisition's team's). Default: the default template.",
    )
    team = TeamField()


class RequisitionListApi(APIView):
    permission_classes = [REQUISITION_ACCESS]
    pagination_class = ApiPagination

    @extend_schema(
        parameters=[
            OpenApiParameter("q", str, description="Search in titles."),
            OpenApiParameter("status", str, enum=Requisition.Status.values),
        ],
        responses=RequisitionOutput(many=True),
    )
    def get(self, request):
        requisitions = pipeline_selectors.requisition_list(
            user=request.user, q=request.query_params.get("q", ""), status=request.query_params.get("status", "")
        )
        return paginated_response(view=self, queryset=requisitions, serializer_class=RequisitionOutput)

    @extend_schema(request=RequisitionInput, responses={201: RequisitionOutput})
    def post(self, request):
        data = RequisitionInput(data=request.data)
        data.is_valid(raise_exception=True)
        requisition = pipeline.requisition_create(user=request.user, **data.validated_data)
        return Response(RequisitionOutput(requisition).data, status=status.HTTP_201_CREATED)


class RequisitionDetailApi(APIView):
    permission_classes = [REQUISITION_ACCESS]
    error_statuses = (409,)  # deleting a requisition that has applications

    @extend_schema(responses=RequisitionOutput)
    def get(self, request, requisition_id):
        requisition = pipeline_selectors.requisition_get(user=request.user, requisition_id=requisition_id)
        return Response(RequisitionOutput(requisition).data)

    @extend_schema(request=RequisitionInput(partial=True), responses=RequisitionOutput)
    def patch(self, request, requisition_id):
        requisition = pipeline_selectors.requisition_get(
            user=request.user, requisition_id=requisition_id, policy=JOB_AD_WRITE
        )
        data = RequisitionInput(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        changes = {k: v for k, v in data.validated_data.items() if k in request.data and k != "team"}
        pipeline.requisition_update(requisition=requisition, **changes)
        requisition = pipeline_selectors.requisition_get(user=request.user, requisition_id=requisition_id)
        return Response(RequisitionOutput(requisition).data)

    @extend_schema(responses={204: None})
    def delete(self, request, requisition_id):
        requisition = pipeline_selectors.requisition_get(
            user=request.user, requisition_id=requisition_id, policy=JOB_AD_WRITE
        )
        pipeline.requisition_delete(requisition=requisition)
        return Response(status=status.HTTP_204_NO_CONTENT)


class CandidateOutput(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    email = serializers.EmailField()
    phone = serializers.CharField()
    language = serializers.ChoiceField(choices=LANGUAGE_CODES)
    source = serializers.ChoiceField(choices=Candidate.Source.choices)
    consent_at = serializers.DateTimeField(allow_null=True)
    consent_text_version = serializers.CharField()
    education = serializers.CharField()
    experience = serializers.CharField()
    has_cv = serializers.SerializerMethodField(help_text="A CV's text is kept (POST it to documents/).")
    has_cover_letter = serializers.SerializerMethodField()
    team = serializers.IntegerField(source="team_id")
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()

    def get_has_cv(self, candidate) -> bool:
        return bool(candidate.cv_text)

    def get_has_cover_letter(self, candidate) -> bool:
        return bool(candidate.cover_letter_text)


class PossibleDuplicateOutput(serializers.Serializer):
    id = serializers.IntegerField(source="candidate.id")
    name = serializers.CharField(source="candidate.name")
    reasons = serializers.ListField(child=serializers.ChoiceField(choices=["email", "phone", "name"]))


class CandidateSavedOutput(CandidateOutput):
    possible_duplicates = PossibleDuplicateOutput(
        many=True, help_text="Candidates of the team who may be the same person; nothing is merged."
    )


def candidate_saved_data(saved) -> dict:
    return {
        **CandidateOutput(saved.candidate).data,
        "possible_duplicates": PossibleDuplicateOutput(saved.possible_duplicates, many=True).data,
    }


class CandidateInput(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    email = serializers.CharField(max_length=254, help_text="Checked by the service.")
    phone = serializers.CharField(max_length=32, required=False, allow_blank=True, default="")
    language = serializers.ChoiceField(choices=LANGUAGE_CODES)
    source = serializers.ChoiceField(choices=Candidate.Source.choices, required=False, default="other")
    consent_at = serializers.DateTimeField(required=False, allow_null=True)
    consent_text_version = serializers.CharField(max_length=20, required=False, allow_blank=True, default="")
    education = serializers.CharField(max_length=5000, required=False, allow_blank=True, default="")
    experience = serializers.CharField(max_length=5000, required=False, allow_blank=True, default="")
    team = TeamField()


class CandidateListApi(APIView):
    permission_classes = [CANDIDATE_ACCESS]
    pagination_class = ApiPagination

    @extend_schema(
        parameters=[
            OpenApiParameter("q", str, description="Search in names, e-mail addresses and phone numbers."),
            OpenApiParameter("source", str, enum=Candidate.Source.values),
        ],
        responses=CandidateOutput(many=True),
    )
    def get(self, request):
        candidates = pipeline_selectors.candidate_list(
            user=request.user, q=request.query_params.get("q", ""), source=request.query_params.get("source", "")
        )
        return paginated_response(
            view=self,
            queryset=candidates,
            serializer_class=CandidateOutput,
            page_shown=lambda page: pipeline_selectors.people_shown(user=request.user, records=page),
        )

    @extend_schema(request=CandidateInput, responses={201: CandidateSavedOutput})
    def post(self, request):
        data = CandidateInput(data=request.data)
        data.is_valid(raise_exception=True)
        saved = pipeline.candidate_create(user=request.user, **data.validated_data)
        return Response(candidate_saved_data(saved), status=status.HTTP_201_CREATED)


class CandidateDetailApi(APIView):
    permission_classes = [CANDIDATE_ACCESS]

    @extend_schema(responses=CandidateOutput)
    def get(self, request, candidate_id):
        candidate = pipeline_selectors.candidate_get(user=request.user, candidate_id=candidate_id)
        pipeline_selectors.people_shown(user=request.user, records=[candidate])
        return Response(CandidateOutput(candidate).data)

    @extend_schema(request=CandidateInput(partial=True), responses=CandidateSavedOutput)
    def patch(self, request, candidate_id):
        candidate = pipeline_selectors.candidate_get(
            user=request.user, candidate_id=candidate_id, policy=CANDIDATE_WRITE
        )
        data = CandidateInput(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        changes = {k: v for k, v in data.validated_data.items() if k in request.data and k != "team"}
        return Response(candidate_saved_data(pipeline.candidate_update(candidate=candidate, **changes)))

    @extend_schema(responses={204: None}, description="Erases the candidate with their applications.")
    def delete(self, request, candidate_id):
        candidate = pipeline_selectors.candidate_get(
            user=request.user, candidate_id=candidate_id, policy=CANDIDATE_WRITE
        )
        pipeline.candidate_delete(candidate=candidate, user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class ApplicationMoveOutput(serializers.Serializer):
    id = serializers.IntegerField()
    from_stage = serializers.ChoiceField(choices=Stage.choices, allow_blank=True, help_text="Empty: created.")
    to_stage = serializers.ChoiceField(choices=Stage.choices)
    reason = serializers.CharField()
    by = serializers.CharField(source="by.username", default=None, allow_null=True)
    at = serializers.DateTimeField()
    undone_at = serializers.DateTimeField(allow_null=True)
    undo_of = serializers.IntegerField(source="undo_of_id", allow_null=True)


class ApplicationOutput(serializers.Serializer):
    id = serializers.IntegerField()
    candidate = serializers.IntegerField(source="candidate_id")
    candidate_name = serializers.CharField(source="candidate.name")
    requisition = serializers.IntegerField(source="requisition_id")
    requisition_title = serializers.CharField(source="requisition.title")
    stage = serializers.ChoiceField(choices=Stage.choices)
    reason = serializers.CharField()
    moves = ApplicationMoveOutput(many=True, source="moves.all")
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()


class ApplicationListApi(APIView):
    permission_classes = [CANDIDATE_ACCESS]
    pagination_class = ApiPagination
    error_statuses = (409,)  # already applied; a requisition that takes no applications

    class ApplicationInput(serializers.Serializer):
        candidate = serializers.IntegerField(min_value=1)
        requisition = serializers.IntegerField(min_value=1)

    @extend_schema(
        parameters=[
            OpenApiParameter("requisition", int),
            OpenApiParameter("stage", str, enum=Stage.values),
            OpenApiParameter("q", str, description="Search in candidates' names and e-mail addresses."),
        ],
        responses=ApplicationOutput(many=True),
    )
    def get(self, request):
        requisition = request.query_params.get("requisition", "")
        applications = pipeline_selectors.application_list(
            user=request.user,
            requisition=record_id(requisition),
            stage=request.query_params.get("stage", ""),
            q=request.query_params.get("q", ""),
        )
        return paginated_response(
            view=self,
            queryset=applications,
            serializer_class=ApplicationOutput,
            page_shown=lambda page: pipeline_selectors.people_shown(user=request.user, records=page),
        )

    @extend_schema(request=ApplicationInput, responses={201: ApplicationOutput})
    def post(self, request):
        data = self.ApplicationInput(data=request.data)
        data.is_valid(raise_exception=True)
        candidate = pipeline_selectors.candidate_get(
            user=request.user, candidate_id=data.validated_data["candidate"], policy=CANDIDATE_WRITE
        )
        requisition = pipeline_selectors.requisition_get(
            user=request.user, requisition_id=data.validated_data["requisition"]
        )
        application = pipeline.application_create(user=request.user, candidate=candidate, requisition=requisition)
        return Response(
            ApplicationOutput(
                pipeline_selectors.application_get(user=request.user, application_id=application.id)
            ).data,
            status=status.HTTP_201_CREATED,
        )


class ApplicationDetailApi(APIView):
    """Stage changes go through move and undo, so the history is never rewritten."""

    permission_classes = [CANDIDATE_ACCESS]

    @extend_schema(responses=ApplicationOutput)
    def get(self, request, application_id):
        application = pipeline_selectors.application_get(user=request.user, application_id=application_id)
        pipeline_selectors.people_shown(user=request.user, records=[application])
        return Response(ApplicationOutput(application).data)


class ApplicationMoveApi(APIView):
    permission_classes = [policy_permission(CANDIDATE_WRITE)]
    error_statuses = (409,)  # a move the current stage does not allow; every opening filled

    class MoveInput(serializers.Serializer):
        stage = serializers.ChoiceField(choices=Stage.choices)
        reason = serializers.CharField(
            max_length=300, required=False, allow_blank=True, default="", help_text="Required for rejected, withdrawn."
        )
        hired_on = serializers.DateField(
            required=False, allow_null=True, default=None, help_text="With stage hired: the hiring date (today)."
        )

    @extend_schema(request=MoveInput, responses=ApplicationOutput)
    def post(self, request, application_id):
        application = pipeline_selectors.application_get(
            user=request.user, application_id=application_id, policy=CANDIDATE_WRITE
        )
        data = self.MoveInput(data=request.data)
        data.is_valid(raise_exception=True)
        pipeline.application_move(application=application, user=request.user, **data.validated_data)
        return Response(
            ApplicationOutput(pipeline_selectors.application_get(user=request.user, application_id=application_id)).data
        )


class ApplicationUndoApi(APIView):
    permission_classes = [policy_permission(CANDIDATE_WRITE)]
    error_statuses = (409,)  # nothing to undo

    class UndoInput(serializers.Serializer):
        reason = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")

    class UndoOutput(ApplicationOutput):
        assessment_links_restored = serializers.IntegerField(
            help_text="Assessment links the undone move had withdrawn that work again."
        )
        assessment_links_expired = serializers.IntegerField(
            help_text="Assessment links the undone move had withdrawn that expired meanwhile and stay withdrawn."
        )

    @extend_schema(request=UndoInput, responses=UndoOutput)
    def post(self, request, application_id):
        application = pipeline_selectors.application_get(
            user=request.user, application_id=application_id, policy=CANDIDATE_WRITE
        )
        data = self.UndoInput(data=request.data)
        data.is_valid(raise_exception=True)
        undone = pipeline.application_move_undo_outcome(
            application=application, user=request.user, **data.validated_data
        )
        output = ApplicationOutput(pipeline_selectors.application_get(user=request.user, application_id=application_id))
        return Response(
            {
                **output.data,
                "assessment_links_restored": undone.links.restored,
                "assessment_links_expired": undone.links.expired,
            }
        )


class ColumnMappingField(serializers.DictField):
    """Our field → their header. Also a JSON string, as a multipart form sends it."""

    def __init__(self, **kwargs):
        super().__init__(child=serializers.CharField(max_length=200), **kwargs)

    def get_value(self, dictionary):
        # A form field holding JSON, rather than DRF's "mapping.name" form keys.
        if hasattr(dictionary, "getlist") and self.field_name in dictionary:
            return dictionary[self.field_name]
        return super().get_value(dictionary)

    def to_internal_value(self, data):
        if isinstance(data, str):
            try:
                data = json.loads(data) if data.strip() else {}
            except ValueError as exc:
                raise serializers.ValidationError("Give the mapping as a JSON object.") from exc
        return super().to_internal_value(data)


class CandidateImportInput(serializers.Serializer):
    file = serializers.FileField(required=False, help_text="The CSV file (multipart). Or give `csv`.")
    csv = serializers.CharField(
        required=False, trim_whitespace=False, max_length=None, help_text="The CSV text (JSON). Or give `file`."
    )
    mapping = ColumnMappingField(
        required=False,
        default=dict,
        help_text="Our field (name, email, phone, language, source) → the file's header. Fields left out "
        "are found among common English, Danish, Norwegian and Swedish headers.",
    )
    requisition = serializers.IntegerField(
        min_value=1, required=False, allow_null=True, help_text="Add each candidate as an application to it."
    )
    default_language = serializers.ChoiceField(
        choices=LANGUAGE_CODES, required=False, allow_null=True, help_text="For rows with no language."
    )
    team = TeamField()

    def validate(self, attrs):
        if ("file" in attrs) == ("csv" in attrs):
            raise serializers.ValidationError({"csv": ["Give either a file or the CSV text."]})
        return attrs


class ImportedCandidateOutput(serializers.Serializer):
    line = serializers.IntegerField()
    id = serializers.IntegerField(source="candidate.id")
    name = serializers.CharField(source="candidate.name")
    possible_duplicates = PossibleDuplicateOutput(many=True)


class CandidateImportOutput(serializers.Serializer):
    imported = serializers.IntegerField()
    applications = serializers.IntegerField()
    candidates = ImportedCandidateOutput(many=True)


class CandidateImportApi(APIView):
    """Every row is checked first: a file with any bad row imports nothing, and the 400 lists every
    bad row in `extra.rows` as {line, field, code, message}. Possible duplicates of existing
    candidates are reported per candidate, never merged. 413: the file is too large."""

    permission_classes = [policy_permission(CANDIDATE_WRITE)]
    error_statuses = (409, 413)  # a requisition that takes no applications; a file over the limits

    @extend_schema(request=CandidateImportInput, responses={201: CandidateImportOutput})
    def post(self, request):
        data = CandidateImportInput(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        requisition = None
        if values.get("requisition"):
            requisition = pipeline_selectors.requisition_get(user=request.user, requisition_id=values["requisition"])
        # One byte over the limit is enough for the service to refuse the file as too large.
        text = values["file"].read(pipeline_import.MAX_BYTES + 1) if "file" in values else values["csv"]
        result = pipeline_import.candidates_import(
            text=text,
            mapping=values["mapping"],
            team=values.get("team") or (requisition.team if requisition else None),
            user=request.user,
            requisition=requisition,
            default_language=values.get("default_language"),
        )
        output = {"imported": len(result.imported), "applications": result.applications, "candidates": result.imported}
        return Response(CandidateImportOutput(output).data, status=status.HTTP_201_CREATED)
