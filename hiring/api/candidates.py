"""REST API for a candidate's documents and possible duplicates (link, dismiss, merge by hand)."""

from django.db.models import Q
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from hiring import duplicates, pipeline, pipeline_selectors
from hiring.api.pipeline import CandidateOutput
from hiring.documents import KINDS, MAX_BYTES, DocumentError, document_error_message, document_text
from hiring.models import DuplicateFlag, DuplicateReason
from servicefit.core.exceptions import ApplicationError
from servicefit.core.pagination import ApiPagination, paginated_response
from servicefit.core.permissions import policy_permission
from servicefit.core.policies import CANDIDATE_RESULTS_READ, CANDIDATE_WRITE

CANDIDATE_ACCESS = policy_permission(CANDIDATE_RESULTS_READ, CANDIDATE_WRITE)


class CounterpartOutput(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    email = serializers.EmailField()
    phone = serializers.CharField()


class DuplicateFlagOutput(serializers.Serializer):
    id = serializers.IntegerField()
    candidate = serializers.IntegerField(source="candidate_id", help_text="The record created or imported later.")
    other = serializers.IntegerField(source="other_id", help_text="The record that already existed.")
    counterpart = CounterpartOutput(help_text="Of the two, the record that is not the one asked about.")
    reasons = serializers.ListField(child=serializers.ChoiceField(choices=DuplicateReason.choices))
    status = serializers.ChoiceField(choices=DuplicateFlag.Status.choices)
    decided_by = serializers.CharField(source="decided_by.username", default=None, allow_null=True)
    decided_at = serializers.DateTimeField(allow_null=True)
    created_at = serializers.DateTimeField()


class CandidateDuplicatesApi(APIView):
    """The candidate's possible duplicates, either way round, open ones first."""

    permission_classes = [CANDIDATE_ACCESS]
    pagination_class = ApiPagination

    @extend_schema(responses=DuplicateFlagOutput(many=True))
    def get(self, request, candidate_id):
        candidate = pipeline_selectors.candidate_get(user=request.user, candidate_id=candidate_id)
        flags = (
            DuplicateFlag.objects.filter(Q(candidate=candidate) | Q(other=candidate))
            .select_related("candidate", "other", "decided_by")
            .order_by("status", "-created_at", "id")
        )

        def shown(page):
            for flag in page:
                flag.counterpart = flag.other if flag.candidate_id == candidate.id else flag.candidate
            pipeline_selectors.people_shown(user=request.user, records=[candidate, *{f.counterpart for f in page}])
            return page

        return paginated_response(view=self, queryset=flags, serializer_class=DuplicateFlagOutput, page_shown=shown)


def _flag_data(flag: DuplicateFlag) -> dict:
    flag.counterpart = flag.other
    return DuplicateFlagOutput(flag).data


class _FlagDecisionApi(APIView):
    permission_classes = [policy_permission(CANDIDATE_WRITE)]
    error_statuses = (409,)  # already decided
    decision = ""

    @extend_schema(request=None, responses=DuplicateFlagOutput)
    def post(self, request, flag_id):
        flag = duplicates.duplicate_flag_get(user=request.user, flag_id=flag_id, policy=CANDIDATE_WRITE)
        return Response(
            _flag_data(duplicates.duplicate_flag_decide(flag=flag, status=self.decision, user=request.user))
        )


class DuplicateFlagLinkApi(_FlagDecisionApi):
    """They are the same person: both records stay, shown as linked."""

    decision = DuplicateFlag.Status.LINKED


class DuplicateFlagDismissApi(_FlagDecisionApi):
    """They are different people."""

    decision = DuplicateFlag.Status.DISMISSED


class MergeInput(serializers.Serializer):
    survivor = serializers.IntegerField(help_text="The id of the record to keep: one of the flag's two.")
    fields = serializers.DictField(
        child=serializers.ChoiceField(choices=[duplicates.SURVIVOR, duplicates.OTHER]),
        required=False,
        default=dict,
        help_text="Field (" + ", ".join(duplicates.MERGE_FIELDS) + ') → "survivor" or "other". '
        "Left out: the survivor's value.",
    )


class MergeOutput(serializers.Serializer):
    survivor = CandidateOutput()
    merged_away_id = serializers.IntegerField(help_text="Erased.")
    fields_taken = serializers.ListField(child=serializers.CharField())
    applications_moved = serializers.ListField(child=serializers.IntegerField())
    applications_dropped = serializers.ListField(child=serializers.DictField())
    at = serializers.DateTimeField()


class DuplicateFlagMergeApi(APIView):
    """Merge the two records into `survivor`; the other's applications move to it (both applied to the
    same requisition: the more advanced application is kept) and the other record is erased."""

    permission_classes = [policy_permission(CANDIDATE_WRITE)]
    error_statuses = (409,)  # dismissed already, or merged

    @extend_schema(request=MergeInput, responses=MergeOutput)
    def post(self, request, flag_id):
        flag = duplicates.duplicate_flag_get(user=request.user, flag_id=flag_id, policy=CANDIDATE_WRITE)
        data = MergeInput(data=request.data)
        data.is_valid(raise_exception=True)
        survivor = (
            pipeline_selectors.candidate_list(user=request.user, policy=CANDIDATE_WRITE)
            .filter(id=data.validated_data["survivor"], id__in=[flag.candidate_id, flag.other_id])
            .first()
        )
        if survivor is None:
            raise ApplicationError(
                _("The surviving record must be one of the two possible duplicates."),
                extra={"fields": {"survivor": ["invalid"]}},
            )
        audit = duplicates.candidates_merge(
            flag=flag, survivor=survivor, choices=data.validated_data["fields"], user=request.user
        )
        audit.survivor.refresh_from_db()
        return Response(MergeOutput(audit).data)


class CandidateDocumentsApi(APIView):
    """A CV or cover letter as a .txt, .pdf or .docx file (at most 5 MB): only its text is kept.
    DELETE ?kind=cv|cover_letter removes the text."""

    permission_classes = [policy_permission(CANDIDATE_WRITE)]
    parser_classes = [MultiPartParser, FormParser]

    class DocumentInput(serializers.Serializer):
        kind = serializers.ChoiceField(choices=KINDS)
        file = serializers.FileField()

    class DocumentOutput(serializers.Serializer):
        kind = serializers.ChoiceField(choices=KINDS)
        characters = serializers.IntegerField()

    @extend_schema(request=DocumentInput, responses={201: DocumentOutput})
    def post(self, request, candidate_id):
        candidate = pipeline_selectors.candidate_get(
            user=request.user, candidate_id=candidate_id, policy=CANDIDATE_WRITE
        )
        data = self.DocumentInput(data=request.data)
        data.is_valid(raise_exception=True)
        upload = data.validated_data["file"]
        try:
            if upload.size > MAX_BYTES:
                raise DocumentError("too_large", {"limit": MAX_BYTES // 1_000_000})
            text = document_text(upload.name, upload.read())
        except DocumentError as exc:
            raise ApplicationError(document_error_message(exc), extra={"fields": {"file": [exc.code]}}) from exc
        kind = data.validated_data["kind"]
        pipeline.candidate_document_save(candidate=candidate, kind=kind, text=text)
        return Response({"kind": kind, "characters": len(text)}, status=status.HTTP_201_CREATED)

    @extend_schema(request=None, responses={204: None})
    def delete(self, request, candidate_id):
        candidate = pipeline_selectors.candidate_get(
            user=request.user, candidate_id=candidate_id, policy=CANDIDATE_WRITE
        )
        kind = request.query_params.get("kind") or request.data.get("kind", "")
        pipeline.candidate_document_save(candidate=candidate, kind=kind, text="")
        return Response(status=status.HTTP_204_NO_CONTENT)
