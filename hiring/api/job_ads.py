"""REST API for job ads: analysis, ads and revisions, suggestions, sentence labels, bulk runs."""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from hiring import selectors, services
from hiring.api.common import JOB_AD_ACCESS, RoleProfileSlugField, TeamField
from hiring.models import BulkAnalysis
from profiles import selectors as profile_selectors
from profiles import services as profile_services
from profiles.models import SentenceLabel
from profiles.refusals import REFUSAL_STATUS, Refusal
from profiles.service_types import SERVICE_TYPES
from servicefit.core.exceptions import ApplicationError
from servicefit.core.languages import LANGUAGE_CODES
from servicefit.core.pagination import ApiPagination, paginated_response
from servicefit.core.permissions import policy_permission
from servicefit.core.policies import (
    FRAMEWORK_READ,
    JOB_AD_READ,
    JOB_AD_WRITE,
    SENTENCE_LABEL_WRITE,
)
from servicefit.core.schema import ErrorOutput


class AnalyzeInput(serializers.Serializer):
    text = serializers.CharField(trim_whitespace=False, allow_blank=True, max_length=None)
    language = serializers.ChoiceField(choices=LANGUAGE_CODES, required=False, allow_blank=True, allow_null=True)
    # Not a SlugField: "Advisor" is answered as a role profile that does not exist, not as a malformed slug.
    role_profile = serializers.CharField(
        required=False, allow_null=True, allow_blank=True, max_length=100, help_text="Role profile slug."
    )

    def validate_role_profile(self, slug):
        if not slug:
            return None
        role_profile = profile_selectors.role_profile_for_analysis(slug)
        if role_profile is None:
            raise serializers.ValidationError(_("There is no role profile %(value)r.") % {"value": slug[:100]})
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
    sentence = serializers.IntegerField(required=False, help_text="Index into `parts`: the sentence of the match.")


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
    scope = serializers.ChoiceField(
        choices=["sentence"], required=False, help_text="A rewrite of the whole sentence from `start` to `end`."
    )


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


class VerdictOutput(serializers.Serializer):
    code = serializers.ChoiceField(choices=["controller", "empathizer", "balanced", "insufficient"])
    controller = serializers.ListField(child=serializers.CharField(), help_text="Distinct Controller cues.")
    empathizer = serializers.ListField(child=serializers.CharField(), help_text="Distinct Empathizer cues.")
    competitor = serializers.ListField(
        child=serializers.CharField(), help_text="Distinct Competitor cues; not part of the controller index."
    )


class EvidenceNeededOutput(serializers.Serializer):
    cues = serializers.IntegerField()
    sentences = serializers.IntegerField()


class EvidenceOutput(serializers.Serializer):
    cues = serializers.IntegerField(help_text="Distinct cues of any type in the counted sentences.")
    index_cues = serializers.IntegerField(help_text="Of them, Controller or Empathizer cues.")
    sentences = serializers.IntegerField(help_text="Sentences about the person and the job.")
    excluded = serializers.IntegerField(help_text="Company, benefits, application and contact sentences.")
    enough = serializers.BooleanField()
    needed = EvidenceNeededOutput(help_text="The least evidence for a verdict.")


class PartOutput(serializers.Serializer):
    sentence = serializers.IntegerField()
    start = serializers.IntegerField()
    end = serializers.IntegerField()
    kind = serializers.ChoiceField(
        choices=["candidate", "task", "company", "benefits", "application", "contact", "other"]
    )
    reason = serializers.ChoiceField(choices=["heading", "section", "cue", "default"])
    cue = serializers.CharField(allow_blank=True)
    language = serializers.ChoiceField(choices=LANGUAGE_CODES)
    counted = serializers.BooleanField()


class AnalysisOutput(serializers.Serializer):
    language = serializers.ChoiceField(choices=LANGUAGE_CODES)
    language_confidence = serializers.FloatField()
    word_count = serializers.IntegerField()
    languages = serializers.DictField(
        child=serializers.IntegerField(), required=False, help_text="Language code → words, the main language first."
    )
    lexicon_version = serializers.CharField()
    model_version = serializers.CharField(allow_null=True)
    scores = serializers.DictField(child=serializers.FloatField(), help_text="Service type code → score.")
    controller_index = serializers.FloatField(allow_null=True, help_text="Null when the verdict is insufficient.")
    verdict = VerdictOutput(required=False)
    evidence = EvidenceOutput(required=False)
    parts = PartOutput(many=True, required=False, help_text="One per sentence, in order.")
    readability = ReadabilityOutput()
    gender_coding = GenderCodingOutput()
    matches = MatchOutput(many=True)
    suggestions = SuggestionOutput(many=True)
    alignment = AlignmentOutput(required=False, help_text="Only with a role profile.")


def _refusal_codes(status_code: int) -> str:
    return ", ".join(f"`{code}`" for code, refused_with in REFUSAL_STATUS.items() if refused_with == status_code)


# A text the analysis refuses: `message` for a person, `extra.code` (profiles/refusals.py) for a program.
TEXT_REFUSED = {
    400: OpenApiResponse(
        ErrorOutput,
        description="Invalid values (`extra.fields`), or a text the analysis cannot read: "
        f"`extra.code` is {_refusal_codes(400)}.",
    ),
    413: OpenApiResponse(
        ErrorOutput,
        description=f"The text is over the analysis limit: `extra.code` is {_refusal_codes(413)}, with its "
        "`extra.length` and the `extra.limit` in characters. A body over the upload limit has no `extra.code`.",
    ),
    422: OpenApiResponse(
        ErrorOutput,
        description=f"The text's language cannot be analysed: `extra.code` is {_refusal_codes(422)} "
        "(with `extra.detected`, the language recognised, when there is one; `extra.candidates` when it "
        "could be either). Give `language` to analyse it as that language.",
    ),
}


class JobAdAnalyzeApi(APIView):
    """Score a text without saving anything. Offsets in `matches` index the text as given."""

    permission_classes = [policy_permission(JOB_AD_READ)]
    error_statuses = (422,)  # a text the analyser cannot read

    @extend_schema(request=AnalyzeInput, responses={200: AnalysisOutput, **TEXT_REFUSED})
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
    controller_index = serializers.FloatField(allow_null=True)
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

    @extend_schema(request=JobAdCreateInput, responses={201: JobAdOutput, **TEXT_REFUSED})
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
    base = serializers.IntegerField(
        min_value=1,
        required=False,
        allow_null=True,
        help_text=(
            "The revision number the text was edited from. When someone saved a later revision meanwhile, "
            "nothing is saved and the answer is 409, naming who saved which revision. "
            "Without it the text is saved on top of whatever is latest."
        ),
    )


CONFLICT = OpenApiResponse(
    ErrorOutput,
    description="Someone saved a later revision than `base` (or `revision`) meanwhile; nothing was saved. "
    "`extra` names it (`revision`, `saved_by`): fetch it, merge, and send again with its number.",
)


class RevisionListApi(APIView):
    permission_classes = [JOB_AD_ACCESS]
    pagination_class = ApiPagination
    error_statuses = (409, 422)  # a later revision than `base` was saved meanwhile; a text the analyser cannot read

    @extend_schema(responses=RevisionOutput(many=True))
    def get(self, request, job_ad_id):
        job_ad = selectors.job_ad_get(user=request.user, job_ad_id=job_ad_id)
        return paginated_response(
            view=self, queryset=selectors.revision_list(job_ad=job_ad), serializer_class=RevisionOutput
        )

    @extend_schema(
        request=RevisionInput, responses={201: RevisionOutput, 200: RevisionOutput, 409: CONFLICT, **TEXT_REFUSED}
    )
    def post(self, request, job_ad_id):
        job_ad = selectors.job_ad_get(user=request.user, job_ad_id=job_ad_id, policy=JOB_AD_WRITE)
        data = RevisionInput(data=request.data)
        data.is_valid(raise_exception=True)
        before = selectors.revision_latest(job_ad=job_ad)
        try:
            revision = services.job_ad_revise(
                job_ad=job_ad,
                user=request.user,
                text=data.validated_data["text"],
                note=data.validated_data["note"],
                base_number=data.validated_data.get("base"),
            )
        except services.RevisionConflict as exc:
            # The studio's message speaks of its editor; an integration needs its next request.
            raise ApplicationError(
                _(
                    "%(user)s saved revision %(number)s meanwhile, so your text was not saved. "
                    "Merge your changes into revision %(number)s and send them again with base %(number)s."
                )
                % {"user": exc.saved_by, "number": exc.number},
                extra=exc.extra,
                status=409,
            ) from exc
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
        revision = serializers.IntegerField(
            min_value=1,
            help_text="The revision whose suggestion it is; it must still be the latest (else 409, nothing saved).",
        )
        index = serializers.IntegerField(min_value=0, help_text="Position in that revision's suggestions.")

    @extend_schema(request=ApplyInput, responses={201: RevisionOutput, 409: CONFLICT, **TEXT_REFUSED})
    def post(self, request, job_ad_id):
        job_ad = selectors.job_ad_get(user=request.user, job_ad_id=job_ad_id, policy=JOB_AD_WRITE)
        data = self.ApplyInput(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            revision = services.job_ad_apply_suggestion(
                job_ad=job_ad,
                revision_number=data.validated_data["revision"],
                index=data.validated_data["index"],
                user=request.user,
            )
        except services.RevisionConflict as exc:  # saved between the check and the save
            raise ApplicationError(
                _("The ad has changed since these suggestions were made. Look at the new analysis and try again."),
                extra=exc.extra,
                status=409,
            ) from exc
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
    name = serializers.CharField(
        source="title", help_text="Its name; unnamed: “Bulk analysis” in the request's language."
    )
    status = serializers.ChoiceField(choices=BulkAnalysis.Status.choices)
    total = serializers.IntegerField()
    processed = serializers.IntegerField()
    percent = serializers.IntegerField()
    error = serializers.CharField(
        source="failure_message",
        allow_blank=True,
        help_text="Why a failed run stopped, in the language of the request; empty unless `status` is failed.",
    )
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
    error = serializers.CharField(
        allow_blank=True, help_text="Why the ad was not analysed, in the language of the request; empty when it was."
    )
    error_code = serializers.ChoiceField(
        choices=selectors.BULK_ERROR_CODES,
        allow_blank=True,
        help_text=(
            f"The same for a program: empty when the ad was analysed; {', '.join(Refusal.values)} when it was "
            f"refused; {selectors.BULK_NOT_ANALYSED} when the run has not reached it (or stopped first); "
            f"{selectors.BULK_ERROR_UNKNOWN} for a refusal recorded before error codes were kept, whose `error` "
            "is in the language the run was analysed in."
        ),
    )
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
        if not items.is_valid():  # named as the body names them: items.0.text, not 0.text
            raise serializers.ValidationError({"items": items.errors})
        bulk = services.bulk_analysis_create(
            name=data.validated_data["name"],
            role_profile=data.validated_data.get("role_profile"),
            items=items.validated_data,
            user=request.user,
            team=data.validated_data.get("team"),
        )
        bulk = selectors.bulk_analysis_get(user=request.user, bulk_id=bulk.id)
        return Response(BulkAnalysisOutput(bulk).data, status=status.HTTP_202_ACCEPTED)


class BulkAnalysisDetailApi(APIView):
    permission_classes = [policy_permission(JOB_AD_READ)]

    @extend_schema(responses=BulkAnalysisDetailOutput)
    def get(self, request, bulk_id):
        bulk = selectors.bulk_analysis_get(user=request.user, bulk_id=bulk_id)
        return Response({**BulkAnalysisOutput(bulk).data, "results": selectors.bulk_result_rows(bulk=bulk)})


# Requisitions, candidates, applications ----------------------------------------------------------
