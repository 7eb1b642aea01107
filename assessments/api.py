"""REST API for assessments. Staff endpoints need a role; candidate endpoints need only the token."""

import hashlib

from django.conf import settings
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.throttling import SimpleRateThrottle
from rest_framework.views import APIView

from assessments import kinds, personal_data, selectors, services
from assessments.models import Assessment, Invitation, Item, translated
from profiles.service_types import SERVICE_TYPES
from servicefit.core.exceptions import ApplicationError
from servicefit.core.languages import LANGUAGE_CODES
from servicefit.core.models import Team
from servicefit.core.pagination import ApiPagination, paginated_response
from servicefit.core.permissions import policy_permission
from servicefit.core.policies import (
    ASSESSMENT_READ,
    CANDIDATE_RESULTS_READ,
    CANDIDATE_WRITE,
    ITEM_ANALYSIS_RUN,
    PERSONAL_DATA_ERASE,
    PERSONAL_DATA_EXPORT,
)
from servicefit.core.schema import MessageOutput
from servicefit.core.services import access_log

# Candidate endpoints ------------------------------------------------------------------------------


class TakeTokenThrottle(SimpleRateThrottle):
    """Per link: a candidate answering quickly stays far below it; a script hammering one link not."""

    scope = "take_link"

    def get_cache_key(self, request, view):
        # Hashed: a link can hold anything (NUL, spaces) and the key must suit every cache backend.
        token = view.kwargs.get("token", "").encode("utf-8", "surrogatepass")
        return self.cache_format % {"scope": self.scope, "ident": hashlib.sha256(token).hexdigest()[:32]}


class TakeAddressThrottle(SimpleRateThrottle):
    """Per client address: slows down guessing links. A whole office behind one NAT fits under it."""

    scope = "take_address"

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class CandidateApi(APIView):
    """The token in the URL is the credential: no session, so no session or CSRF token can expire
    in the middle of an attempt (and a cross-site request cannot know the token)."""

    authentication_classes = []
    permission_classes = [AllowAny]
    throttle_classes = [TakeTokenThrottle, TakeAddressThrottle]
    candidate_endpoint = True
    error_statuses = (409, 410, 422)  # submitted, withdrawn or expired link, unacceptable answer

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)  # the rate limits first: guessing links costs no query
        self.invitation = services.invitation_signed(kwargs["token"])
        if self.invitation is not None:
            # take.js shows these messages (time up, answer refused, submitted) on a page that speaks
            # the invitation's language; a phone's browser may ask for another. A false link keeps it.
            self.browser_language = translation.get_language()
            translation.activate(self.invitation.language)

    def usable_invitation(self, *, for_writing: bool = False) -> Invitation:
        return services.invitation_usable(self.invitation, for_writing=for_writing)

    def finalize_response(self, request, response, *args, **kwargs):
        # Answers, deadlines and errors alike: nothing of a candidate's link is kept by a browser or proxy.
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Cache-Control"] = "no-store"
        if getattr(self, "invitation", None) is not None:
            response["Content-Language"] = self.invitation.language
            translation.activate(self.browser_language)  # the messages are written: leave the thread as found
        return response


class TakeApi(CandidateApi):
    @extend_schema(
        responses={200: dict}, description="The attempt: sections, items, options, saved answers, deadlines."
    )
    def get(self, request, token):
        invitation = self.usable_invitation()
        language = request.query_params.get("lang")
        language = language if language in LANGUAGE_CODES else None
        return Response(selectors.attempt_view(invitation=invitation, language=language))


class StartApi(CandidateApi):
    class StartInput(serializers.Serializer):
        consent = serializers.BooleanField()

    @extend_schema(request=StartInput, responses={201: dict})
    def post(self, request, token):
        invitation = self.usable_invitation(for_writing=True)
        data = self.StartInput(data=request.data)
        data.is_valid(raise_exception=True)
        services.attempt_start(invitation=invitation, consent=data.validated_data["consent"])
        return Response(selectors.attempt_view(invitation=invitation), status=status.HTTP_201_CREATED)


class AnswerApi(CandidateApi):
    class AnswerInput(serializers.Serializer):
        value = serializers.JSONField(
            help_text="Likert: 1-5; forced choice, situation, multiple choice: option id; text."
        )

    class AnswerOutput(serializers.Serializer):
        item = serializers.IntegerField()
        value = serializers.JSONField()
        saved_at = serializers.DateTimeField()

    @extend_schema(request=AnswerInput, responses={200: AnswerOutput})
    def put(self, request, token, item_id):
        invitation = self.usable_invitation(for_writing=True)
        data = self.AnswerInput(data=request.data)
        data.is_valid(raise_exception=True)
        answer = services.answer_save(invitation=invitation, item_id=item_id, value=data.validated_data["value"])
        return Response({"item": item_id, "value": answer.value, "saved_at": answer.saved_at})


class SectionOpenApi(CandidateApi):
    @extend_schema(
        request=None,
        responses={200: dict},
        description="Open a part: a timed part's items are served, and its clock starts, only from now. Idempotent.",
    )
    def post(self, request, token, section_id):
        invitation = self.usable_invitation(for_writing=True)
        services.section_open(invitation=invitation, section_id=section_id)
        view = selectors.attempt_view(invitation=invitation)
        return Response(next(s for s in view["sections"] if s["id"] == section_id))


class SubmitApi(CandidateApi):
    class SubmittedOutput(serializers.Serializer):
        submitted_at = serializers.DateTimeField()

    @extend_schema(request=None, responses={200: SubmittedOutput})
    def post(self, request, token):
        invitation = self.usable_invitation(for_writing=True)
        attempt = services.attempt_submit(invitation=invitation)
        return Response({"submitted_at": attempt.submitted_at})


# Staff endpoints ----------------------------------------------------------------------------------


class AssessmentListApi(APIView):
    permission_classes = [policy_permission(ASSESSMENT_READ)]
    pagination_class = ApiPagination

    class AssessmentOutput(serializers.Serializer):
        slug = serializers.SlugField()
        title = serializers.DictField(child=serializers.CharField(), help_text="Language code → title.")
        is_active = serializers.BooleanField()
        n_items = serializers.IntegerField()
        n_submitted = serializers.IntegerField()

    @extend_schema(responses=AssessmentOutput(many=True))
    def get(self, request):
        return paginated_response(
            view=self, queryset=selectors.assessment_list(), serializer_class=self.AssessmentOutput
        )


class OptionKeysOutput(serializers.Serializer):
    id = serializers.IntegerField()
    key = serializers.CharField()
    text = serializers.DictField(child=serializers.CharField(), help_text="Language code → text.")
    type = serializers.ChoiceField(choices=SERVICE_TYPES, allow_null=True, help_text="Forced choice only.")
    correct = serializers.BooleanField(allow_null=True, help_text="Multiple choice only.")
    scores = serializers.DictField(child=serializers.IntegerField(), allow_null=True, help_text="Situations only.")


class ItemKeysOutput(serializers.Serializer):
    id = serializers.IntegerField()
    key = serializers.CharField()
    kind = serializers.ChoiceField(choices=Item.Kind.choices)
    stem = serializers.DictField(child=serializers.CharField(), help_text="Language code → question.")
    scale = serializers.CharField(allow_null=True)
    reverse = serializers.BooleanField()
    options = OptionKeysOutput(many=True)
    rubric = serializers.JSONField(required=False, help_text="Written answers: the reviewer rubric.")


class SectionKeysOutput(serializers.Serializer):
    key = serializers.CharField()
    title = serializers.DictField(child=serializers.CharField(), help_text="Language code → title.")
    time_limit_seconds = serializers.IntegerField(allow_null=True)
    items = ItemKeysOutput(many=True)


class AssessmentDetailOutput(serializers.Serializer):
    slug = serializers.SlugField()
    title = serializers.DictField(child=serializers.CharField(), help_text="Language code → title.")
    sections = SectionKeysOutput(many=True)


class AssessmentDetailApi(APIView):
    """Sections and items with their keys: scale, reverse keying and per-option keys."""

    permission_classes = [policy_permission(ASSESSMENT_READ)]

    @extend_schema(responses=AssessmentDetailOutput)
    def get(self, request, slug):
        try:
            assessment = selectors.assessment_detail(slug=slug)
        except Assessment.DoesNotExist:
            raise ApplicationError(_("There is no such assessment."), status=404) from None
        return Response(
            {
                "slug": assessment.slug,
                "title": assessment.title,
                "sections": [
                    {
                        "key": section.key,
                        "title": section.title,
                        "time_limit_seconds": section.time_limit_seconds,
                        "items": [_item_keys(item) for item in section.items.all()],
                    }
                    for section in assessment.sections.all()
                ],
            }
        )


def _item_keys(item) -> dict:
    data = {"id": item.id, "key": item.key, "kind": item.kind, "stem": item.stem, "scale": item.scale or None}
    data["reverse"] = item.reverse
    data["options"] = [
        {
            "id": o.id,
            "key": o.key,
            "text": o.text,
            "type": o.service_type or None,
            "correct": o.correct if item.kind == kinds.MCQ else None,
            "scores": o.scores or None,
        }
        for o in item.options.all()
    ]
    if item.rubric:
        data["rubric"] = item.rubric
    return data


class PsychometricsApi(APIView):
    permission_classes = [policy_permission(ITEM_ANALYSIS_RUN)]

    @extend_schema(responses={200: dict}, description="The latest item analysis; POST recomputes it.")
    def get(self, request, slug):
        assessment = get_object_or_404(Assessment, slug=slug)
        report = selectors.psychometric_report_latest(assessment=assessment)
        if report is None:
            report = services.psychometrics_compute(assessment_id=assessment.id)
        return Response({**report.data, "n_attempts": report.n_attempts, "computed_at": report.computed_at})

    @extend_schema(request=None, responses={202: MessageOutput})
    def post(self, request, slug):
        from assessments.tasks import psychometrics_compute_task

        assessment = get_object_or_404(Assessment, slug=slug)
        psychometrics_compute_task.delay(assessment.id)
        return Response({"message": _("Recomputing.")}, status=status.HTTP_202_ACCEPTED)


class InvitationOutput(serializers.Serializer):
    id = serializers.IntegerField()
    assessment = serializers.CharField(source="assessment.slug")
    name = serializers.CharField()
    email = serializers.EmailField()
    language = serializers.ChoiceField(choices=LANGUAGE_CODES)
    status = serializers.ChoiceField(choices=Invitation.Status.choices)
    expires_at = serializers.DateTimeField()
    sent_at = serializers.DateTimeField(allow_null=True)
    team = serializers.IntegerField(source="team_id")


class InvitationListApi(APIView):
    permission_classes = [policy_permission(CANDIDATE_RESULTS_READ, CANDIDATE_WRITE)]
    pagination_class = ApiPagination

    class InvitationInput(serializers.Serializer):
        assessment = serializers.SlugField()
        email = serializers.CharField(max_length=254)
        name = serializers.CharField(max_length=200)
        language = serializers.ChoiceField(choices=LANGUAGE_CODES)
        team = serializers.PrimaryKeyRelatedField(
            queryset=Team.objects.all(),
            required=False,
            allow_null=True,
            help_text="Team id. Default: your team (required when you belong to several).",
        )

    @extend_schema(responses=InvitationOutput(many=True))
    def get(self, request):
        invitations = selectors.invitation_list(
            user=request.user,
            assessment=request.query_params.get("assessment", ""),
            status=request.query_params.get("status", ""),
            q=request.query_params.get("q", ""),
        )
        return paginated_response(
            view=self,
            queryset=invitations,
            serializer_class=InvitationOutput,
            page_shown=lambda page: selectors.invitations_shown(user=request.user, invitations=page),
        )

    class InvitationCreatedOutput(serializers.Serializer):
        id = serializers.IntegerField()
        token = serializers.CharField(help_text="The candidate's credential; shown once.")
        url = serializers.URLField(help_text="The link to send to the candidate.")
        expires_at = serializers.DateTimeField()

    @extend_schema(request=InvitationInput, responses={201: InvitationCreatedOutput})
    def post(self, request):
        data = self.InvitationInput(data=request.data)
        data.is_valid(raise_exception=True)
        assessment = Assessment.objects.filter(slug=data.validated_data["assessment"]).first()
        if assessment is None:
            message = _("There is no such assessment.")
            raise ApplicationError(message, extra={"fields": {"assessment": [message]}})
        invitation = services.invitation_create(
            assessment=assessment,
            email=data.validated_data["email"],
            name=data.validated_data["name"],
            language=data.validated_data["language"],
            user=request.user,
            team=data.validated_data.get("team"),
        )
        token = services.invitation_token(invitation)
        return Response(
            {
                "id": invitation.id,
                "token": token,
                "url": settings.SITE_URL.rstrip("/") + reverse("take:welcome", args=[token]),
                "expires_at": invitation.expires_at,
            },
            status=status.HTTP_201_CREATED,
        )


class InvitationActionApi(APIView):
    permission_classes = [policy_permission(CANDIDATE_WRITE)]
    error_statuses = (409,)  # resending a completed invitation, withdrawing a completed one

    @extend_schema(
        operation_id="invitations_action",
        request=None,
        responses=InvitationOutput,
        description="`resend` sends the link again (renewing an expired one); `revoke` stops it working.",
    )
    def post(self, request, invitation_id, action):
        invitation = selectors.invitation_get(user=request.user, invitation_id=invitation_id, policy=CANDIDATE_WRITE)
        if action == "resend":
            services.invitation_resend(invitation=invitation, user=request.user)
        elif action == "revoke":
            services.invitation_revoke(invitation=invitation)
        else:
            raise ApplicationError(_("Unknown action."), status=404)
        return Response(InvitationOutput(invitation).data)


class InvitationDetailApi(APIView):
    """A candidate's data: export it (GET) or erase it (DELETE), for data-subject requests."""

    permission_classes = [policy_permission(PERSONAL_DATA_EXPORT, PERSONAL_DATA_ERASE)]

    @extend_schema(responses={200: dict})
    def get(self, request, invitation_id):
        invitation = selectors.invitation_get(
            user=request.user, invitation_id=invitation_id, policy=PERSONAL_DATA_EXPORT
        )
        return Response(personal_data.invitation_export(invitation=invitation, user=request.user))

    @extend_schema(responses={204: None})
    def delete(self, request, invitation_id):
        invitation = selectors.invitation_get(
            user=request.user, invitation_id=invitation_id, policy=PERSONAL_DATA_ERASE
        )
        personal_data.invitation_erase(invitation=invitation, user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class AttemptResultApi(APIView):
    permission_classes = [policy_permission(CANDIDATE_RESULTS_READ)]
    error_statuses = (409,)  # not submitted yet

    @extend_schema(responses={200: dict})
    def get(self, request, attempt_id):
        attempt = selectors.attempt_get(user=request.user, attempt_id=attempt_id)
        if not attempt.submitted_at or not hasattr(attempt, "result"):
            raise ApplicationError(_("This attempt has not been submitted yet."), status=409)
        access_log(user=request.user, action="view", target=attempt.invitation)
        data = selectors.attempt_result(attempt=attempt)
        data["title"] = translated(attempt.invitation.assessment.title)
        return Response(data)
