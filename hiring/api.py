"""REST API for job ads: analysis, ads and revisions, suggestions, sentence labels, bulk runs."""

import json

from django.conf import settings
from django.contrib.auth import get_user_model
from django.shortcuts import get_object_or_404
from django.urls import reverse
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from assessments import services as assessment_services
from assessments.models import Assessment
from hiring import pipeline, pipeline_import, pipeline_selectors, ranking, selectors, services
from hiring.models import BulkAnalysis, Candidate, JobAd, Requisition, Stage
from profiles import selectors as profile_selectors
from profiles import services as profile_services
from profiles.models import RoleProfile, SentenceLabel
from profiles.service_types import SERVICE_TYPES
from servicefit.core.languages import LANGUAGE_CODES
from servicefit.core.models import Team
from servicefit.core.pagination import ApiPagination, paginated_response
from servicefit.core.permissions import policy_permission
from servicefit.core.policies import (
    CANDIDATE_RESULTS_READ,
    CANDIDATE_WRITE,
    FRAMEWORK_READ,
    JOB_AD_READ,
    JOB_AD_WRITE,
    SENTENCE_LABEL_WRITE,
)

JOB_AD_ACCESS = policy_permission(JOB_AD_READ, JOB_AD_WRITE)


class RoleProfileSlugField(serializers.SlugRelatedField):
    def __init__(self, **kwargs):
        super().__init__(slug_field="slug", queryset=RoleProfile.objects.all(), **kwargs)

    default_error_messages = {"does_not_exist": "There is no role profile {slug_name}={value}."}


class TeamField(serializers.PrimaryKeyRelatedField):
    """A team id; the service checks that the user may add records to it."""

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", "Team id. Default: your team (required when you belong to several).")
        super().__init__(queryset=Team.objects.all(), required=False, allow_null=True, **kwargs)


class AnalyzeInput(serializers.Serializer):
    text = serializers.CharField(trim_whitespace=False, allow_blank=True, max_length=None)
    language = serializers.ChoiceField(choices=LANGUAGE_CODES, required=False, allow_blank=True, allow_null=True)
    role_profile = serializers.SlugField(required=False, allow_null=True, help_text="Role profile slug.")

    def validate_role_profile(self, slug):
        if not slug:
            return None
        role_profile = profile_selectors.role_profile_for_analysis(slug)
        if role_profile is None:
            raise serializers.ValidationError(f"There is no role profile {slug!r}.")
        return role_profile


class MatchOutput(serializers.Serializer):
    start = serializers.IntegerField()
    end = serializers.IntegerField()
    text = serializers.CharField()
    type = serializers.ChoiceField(choices=SERVICE_TYPES)
    source = serializers.CharField()
    weight = serializers.FloatField()
    negated = serializers.BooleanField()
    suggestions = serializers.ListField(child=serializers.CharField())
    phrase = serializers.CharField(required=False, help_text="The lexicon phrase, when a marker matched.")


class SuggestionOutput(serializers.Serializer):
    kind = serializers.ChoiceField(choices=["rewrite", "add", "remove"])
    text = serializers.CharField()
    why = serializers.CharField()
    reason = serializers.CharField()
    type = serializers.ChoiceField(choices=SERVICE_TYPES, required=False)
    start = serializers.IntegerField(required=False)
    end = serializers.IntegerField(required=False)
    replacement = serializers.CharField(required=False)
    original = serializers.CharField(required=False)
    from_type = serializers.ChoiceField(choices=SERVICE_TYPES, required=False)


class ReadabilityOutput(serializers.Serializer):
    lix = serializers.FloatField()
    band = serializers.CharField()
    band_code = serializers.CharField()
    sentences = serializers.IntegerField()
    long_words = serializers.IntegerField()


class GenderCodingOutput(serializers.Serializer):
    masculine = serializers.IntegerField()
    feminine = serializers.IntegerField()
    verdict = serializers.CharField()
    masculine_words = serializers.ListField(child=serializers.CharField())
    feminine_words = serializers.ListField(child=serializers.CharField())


class GapOutput(serializers.Serializer):
    type = serializers.ChoiceField(choices=SERVICE_TYPES)
    target = serializers.FloatField()
    actual = serializers.FloatField()
    gap = serializers.FloatField()


class AlignmentOutput(serializers.Serializer):
    role_profile = serializers.CharField()
    score = serializers.FloatField()
    gaps = GapOutput(many=True)


class AnalysisOutput(serializers.Serializer):
    language = serializers.ChoiceField(choices=LANGUAGE_CODES)
    language_confidence = serializers.FloatField()
    word_count = serializers.IntegerField()
    lexicon_version = serializers.CharField()
    model_version = serializers.CharField(allow_null=True)
    scores = serializers.DictField(child=serializers.FloatField(), help_text="Service type code → score.")
    controller_index = serializers.FloatField()
    readability = ReadabilityOutput()
    gender_coding = GenderCodingOutput()
    matches = MatchOutput(many=True)
    suggestions = SuggestionOutput(many=True)
    alignment = AlignmentOutput(required=False, help_text="Only with a role profile.")


class JobAdAnalyzeApi(APIView):
    """Score a text without saving anything. Offsets in `matches` index the text as given."""

    permission_classes = [policy_permission(JOB_AD_READ)]
    error_statuses = (422,)  # a text the analyser cannot read

    @extend_schema(request=AnalyzeInput, responses={200: AnalysisOutput})
    def post(self, request):
        data = AnalyzeInput(data=request.data)
        data.is_valid(raise_exception=True)
        analysis = profile_services.text_analyze(
            text=data.validated_data["text"],
            language=data.validated_data.get("language") or None,
            role_profile=data.validated_data.get("role_profile"),
        )
        return Response(analysis.to_dict())


class RevisionOutput(serializers.Serializer):
    number = serializers.IntegerField()
    text = serializers.CharField()
    language = serializers.ChoiceField(choices=LANGUAGE_CODES)
    lexicon_version = serializers.CharField()
    model_version = serializers.CharField()
    controller_index = serializers.FloatField()
    alignment_score = serializers.FloatField(allow_null=True)
    note = serializers.CharField()
    created_by = serializers.CharField(source="created_by.username", default=None, allow_null=True)
    created_at = serializers.DateTimeField()
    analysis = AnalysisOutput()


class JobAdOutput(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    language = serializers.ChoiceField(choices=LANGUAGE_CODES, allow_blank=True, help_text="Empty: detected per text.")
    role_profile = serializers.CharField(source="role_profile.slug", default=None, allow_null=True)
    owner = serializers.CharField(source="owner.username")
    team = serializers.IntegerField(source="team_id")
    team_name = serializers.CharField(source="team.name")
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()


class JobAdCreateInput(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    text = serializers.CharField(trim_whitespace=False, allow_blank=True)
    language = serializers.ChoiceField(choices=LANGUAGE_CODES, required=False, allow_blank=True)
    role_profile = RoleProfileSlugField(required=False, allow_null=True)
    team = TeamField()


class JobAdListApi(APIView):
    permission_classes = [JOB_AD_ACCESS]
    pagination_class = ApiPagination
    error_statuses = (422,)  # a text the analyser cannot read

    @extend_schema(
        parameters=[
            OpenApiParameter("q", str, description="Search in titles and texts."),
            OpenApiParameter("language", str, enum=list(LANGUAGE_CODES)),
            OpenApiParameter("role_profile", str, description="Role profile slug."),
        ],
        responses=JobAdOutput(many=True),
    )
    def get(self, request):
        ads = selectors.job_ad_list(
            user=request.user,
            q=request.query_params.get("q", ""),
            language=request.query_params.get("language", ""),
            role_profile=request.query_params.get("role_profile", ""),
        )
        return paginated_response(view=self, queryset=ads, serializer_class=JobAdOutput)

    @extend_schema(request=JobAdCreateInput, responses={201: JobAdOutput})
    def post(self, request):
        data = JobAdCreateInput(data=request.data)
        data.is_valid(raise_exception=True)
        job_ad = services.job_ad_create(owner=request.user, **data.validated_data)
        return Response(JobAdOutput(job_ad).data, status=status.HTTP_201_CREATED)


class JobAdUpdateInput(serializers.Serializer):
    title = serializers.CharField(max_length=200, required=False)
    language = serializers.ChoiceField(choices=LANGUAGE_CODES, required=False, allow_blank=True)
    role_profile = RoleProfileSlugField(required=False, allow_null=True)


class JobAdDetailApi(APIView):
    permission_classes = [JOB_AD_ACCESS]

    @extend_schema(responses=JobAdOutput)
    def get(self, request, job_ad_id):
        return Response(JobAdOutput(selectors.job_ad_get(user=request.user, job_ad_id=job_ad_id)).data)

    @extend_schema(request=JobAdUpdateInput, responses=JobAdOutput)
    def patch(self, request, job_ad_id):
        job_ad = selectors.job_ad_get(user=request.user, job_ad_id=job_ad_id, policy=JOB_AD_WRITE)
        data = JobAdUpdateInput(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        return Response(JobAdOutput(services.job_ad_update(job_ad=job_ad, **data.validated_data)).data)

    @extend_schema(responses={204: None})
    def delete(self, request, job_ad_id):
        services.job_ad_delete(job_ad=selectors.job_ad_get(user=request.user, job_ad_id=job_ad_id, policy=JOB_AD_WRITE))
        return Response(status=status.HTTP_204_NO_CONTENT)


class RevisionInput(serializers.Serializer):
    text = serializers.CharField(trim_whitespace=False, allow_blank=True)
    note = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")


class RevisionListApi(APIView):
    permission_classes = [JOB_AD_ACCESS]
    pagination_class = ApiPagination
    error_statuses = (422,)  # a text the analyser cannot read

    @extend_schema(responses=RevisionOutput(many=True))
    def get(self, request, job_ad_id):
        job_ad = selectors.job_ad_get(user=request.user, job_ad_id=job_ad_id)
        return paginated_response(
            view=self, queryset=selectors.revision_list(job_ad=job_ad), serializer_class=RevisionOutput
        )

    @extend_schema(request=RevisionInput, responses={201: RevisionOutput, 200: RevisionOutput})
    def post(self, request, job_ad_id):
        job_ad = selectors.job_ad_get(user=request.user, job_ad_id=job_ad_id, policy=JOB_AD_WRITE)
        data = RevisionInput(data=request.data)
        data.is_valid(raise_exception=True)
        before = selectors.revision_latest(job_ad=job_ad)
        revision = services.job_ad_revise(job_ad=job_ad, user=request.user, **data.validated_data)
        # The same text as the latest revision saves nothing: 200 with that revision.
        created = before is None or revision.number != before.number
        return Response(
            RevisionOutput(revision).data, status=status.HTTP_201_CREATED if created else status.HTTP_200_OK
        )


class RevisionDetailApi(APIView):
    permission_classes = [policy_permission(JOB_AD_READ)]

    @extend_schema(responses=RevisionOutput)
    def get(self, request, job_ad_id, number):
        job_ad = selectors.job_ad_get(user=request.user, job_ad_id=job_ad_id)
        revision = get_object_or_404(selectors.revision_list(job_ad=job_ad), number=number)
        return Response(RevisionOutput(revision).data)


class ChangeOutput(serializers.Serializer):
    a = serializers.FloatField(allow_null=True)
    b = serializers.FloatField(allow_null=True)
    change = serializers.FloatField(allow_null=True)


class VerdictsOutput(serializers.Serializer):
    a = serializers.CharField()
    b = serializers.CharField()


class CompareOutput(serializers.Serializer):
    a = serializers.IntegerField(help_text="Revision number.")
    b = serializers.IntegerField(help_text="Revision number.")
    scores = serializers.DictField(child=ChangeOutput(), help_text="Service type code → change.")
    controller_index = ChangeOutput()
    alignment = ChangeOutput()
    lix = ChangeOutput()
    word_count = ChangeOutput()
    gender_coding = VerdictsOutput()


class RevisionCompareApi(APIView):
    permission_classes = [policy_permission(JOB_AD_READ)]

    class CompareInput(serializers.Serializer):
        a = serializers.IntegerField(min_value=1)
        b = serializers.IntegerField(min_value=1)

    @extend_schema(parameters=[CompareInput], responses={200: CompareOutput})
    def get(self, request, job_ad_id):
        job_ad = selectors.job_ad_get(user=request.user, job_ad_id=job_ad_id)
        data = self.CompareInput(data=request.query_params)
        data.is_valid(raise_exception=True)
        revisions = job_ad.revisions.all()
        a = get_object_or_404(revisions, number=data.validated_data["a"])
        b = get_object_or_404(revisions, number=data.validated_data["b"])
        return Response(selectors.revision_compare(a=a, b=b))


class ApplySuggestionApi(APIView):
    permission_classes = [policy_permission(JOB_AD_WRITE)]
    error_statuses = (409, 422)  # the ad changed since the suggestion was made; an unreadable text

    class ApplyInput(serializers.Serializer):
        revision = serializers.IntegerField(min_value=1, help_text="The revision whose suggestion it is.")
        index = serializers.IntegerField(min_value=0, help_text="Position in that revision's suggestions.")

    @extend_schema(request=ApplyInput, responses={201: RevisionOutput})
    def post(self, request, job_ad_id):
        job_ad = selectors.job_ad_get(user=request.user, job_ad_id=job_ad_id, policy=JOB_AD_WRITE)
        data = self.ApplyInput(data=request.data)
        data.is_valid(raise_exception=True)
        revision = services.job_ad_apply_suggestion(
            job_ad=job_ad,
            revision_number=data.validated_data["revision"],
            index=data.validated_data["index"],
            user=request.user,
        )
        return Response(RevisionOutput(revision).data, status=status.HTTP_201_CREATED)


class SentenceLabelOutput(serializers.Serializer):
    id = serializers.IntegerField()
    language = serializers.ChoiceField(choices=LANGUAGE_CODES)
    text = serializers.CharField()
    label = serializers.ChoiceField(choices=SentenceLabel.Label.choices)
    created_by = serializers.CharField(source="created_by.username", default=None, allow_null=True)
    used_in = serializers.CharField(source="used_in.label", default=None, allow_null=True)
    updated_at = serializers.DateTimeField()


class SentenceLabelApi(APIView):
    """Recruiters' corrections of sentence labels; the next classifier version learns from them."""

    permission_classes = [policy_permission(FRAMEWORK_READ, SENTENCE_LABEL_WRITE)]
    pagination_class = ApiPagination

    class LabelInput(serializers.Serializer):
        language = serializers.ChoiceField(choices=LANGUAGE_CODES)
        text = serializers.CharField(max_length=1000)
        label = serializers.ChoiceField(choices=SentenceLabel.Label.choices)

    @extend_schema(responses=SentenceLabelOutput(many=True))
    def get(self, request):
        return paginated_response(
            view=self, queryset=profile_selectors.sentence_label_list(), serializer_class=SentenceLabelOutput
        )

    @extend_schema(request=LabelInput, responses={201: SentenceLabelOutput})
    def post(self, request):
        data = self.LabelInput(data=request.data)
        data.is_valid(raise_exception=True)
        label = profile_services.sentence_label_save(user=request.user, **data.validated_data)
        return Response(SentenceLabelOutput(label).data, status=status.HTTP_201_CREATED)


class BulkAnalysisOutput(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    status = serializers.ChoiceField(choices=BulkAnalysis.Status.choices)
    total = serializers.IntegerField()
    processed = serializers.IntegerField()
    percent = serializers.IntegerField()
    error = serializers.CharField()
    role_profile = serializers.CharField(source="role_profile.slug", default=None, allow_null=True)
    team = serializers.IntegerField(source="team_id")
    created_at = serializers.DateTimeField()
    finished_at = serializers.DateTimeField(allow_null=True)


class BulkResultRowOutput(serializers.Serializer):
    name = serializers.CharField()
    language = serializers.ChoiceField(choices=LANGUAGE_CODES, allow_blank=True)
    word_count = serializers.IntegerField(allow_null=True)
    controller_index = serializers.FloatField(allow_null=True)
    alignment = serializers.FloatField(allow_null=True)
    lix = serializers.FloatField(allow_null=True)
    gender_coding = serializers.CharField(allow_null=True)
    error = serializers.CharField(allow_blank=True)
    type_scores = serializers.ListField(
        child=serializers.FloatField(allow_null=True), help_text="The scores in service type order."
    )

    def get_fields(self):
        # One score column per service type, null for an ad that could not be analysed.
        return {**super().get_fields(), **{t: serializers.FloatField(allow_null=True) for t in SERVICE_TYPES}}


class BulkAnalysisDetailOutput(BulkAnalysisOutput):
    results = BulkResultRowOutput(many=True)


class BulkAnalysisApi(APIView):
    permission_classes = [JOB_AD_ACCESS]
    pagination_class = ApiPagination

    class ItemInput(serializers.Serializer):
        name = serializers.CharField(max_length=255)
        text = serializers.CharField(trim_whitespace=False, allow_blank=True)
        language = serializers.ChoiceField(choices=LANGUAGE_CODES, required=False, allow_blank=True)

    class BulkInput(serializers.Serializer):
        name = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
        role_profile = RoleProfileSlugField(required=False, allow_null=True)
        items = serializers.ListField(child=serializers.DictField(), allow_empty=False)
        team = TeamField()

    @extend_schema(responses=BulkAnalysisOutput(many=True))
    def get(self, request):
        return paginated_response(
            view=self, queryset=selectors.bulk_analysis_list(user=request.user), serializer_class=BulkAnalysisOutput
        )

    @extend_schema(request=BulkInput, responses={202: BulkAnalysisOutput})
    def post(self, request):
        data = self.BulkInput(data=request.data)
        data.is_valid(raise_exception=True)
        items = self.ItemInput(data=data.validated_data["items"], many=True)
        items.is_valid(raise_exception=True)
        bulk = services.bulk_analysis_create(
            name=data.validated_data["name"],
            role_profile=data.validated_data.get("role_profile"),
            items=items.validated_data,
            user=request.user,
            team=data.validated_data.get("team"),
        )
        bulk.refresh_from_db()
        return Response(BulkAnalysisOutput(bulk).data, status=status.HTTP_202_ACCEPTED)


class BulkAnalysisDetailApi(APIView):
    permission_classes = [policy_permission(JOB_AD_READ)]

    @extend_schema(responses=BulkAnalysisDetailOutput)
    def get(self, request, bulk_id):
        bulk = selectors.bulk_analysis_get(user=request.user, bulk_id=bulk_id)
        return Response({**BulkAnalysisOutput(bulk).data, "results": selectors.bulk_result_rows(bulk=bulk)})


# Requisitions, candidates, applications ----------------------------------------------------------

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
    team = serializers.IntegerField(source="team_id")
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()


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
            requisition=int(requisition) if requisition.isascii() and requisition.isdigit() else None,
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

    @extend_schema(request=UndoInput, responses=ApplicationOutput)
    def post(self, request, application_id):
        application = pipeline_selectors.application_get(
            user=request.user, application_id=application_id, policy=CANDIDATE_WRITE
        )
        data = self.UndoInput(data=request.data)
        data.is_valid(raise_exception=True)
        pipeline.application_move_undo(application=application, user=request.user, **data.validated_data)
        return Response(
            ApplicationOutput(pipeline_selectors.application_get(user=request.user, application_id=application_id)).data
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
    status = serializers.ChoiceField(choices=["scored", "not_scorable", "stale"], source="fit.status")
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

    permission_classes = [policy_permission(CANDIDATE_RESULTS_READ)]
    pagination_class = ApiPagination

    @extend_schema(responses=RankingOutput(many=True))
    def get(self, request, requisition_id):
        requisition = pipeline_selectors.requisition_get(
            user=request.user, requisition_id=requisition_id, policy=CANDIDATE_RESULTS_READ
        )
        return paginated_response(
            view=self,
            queryset=ranking.requisition_ranking(requisition=requisition),
            serializer_class=RankingOutput,
            page_shown=lambda page: ranking.ranking_shown(user=request.user, rows=page),
        )


# Candidate import ---------------------------------------------------------------------------------


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
