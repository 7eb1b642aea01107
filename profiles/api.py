"""REST API of the service-type framework. Thin: serializers validate, services write, selectors read."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from profiles import selectors, services
from profiles.models import LexiconVersion, PartOfSpeech
from profiles.service_types import SERVICE_TYPES
from servicefit.core.languages import LANGUAGE_CODES
from servicefit.core.pagination import ApiPagination, paginated_response
from servicefit.core.permissions import policy_permission
from servicefit.core.policies import CLASSIFIER_RETRAIN, FRAMEWORK_EDIT, FRAMEWORK_READ
from servicefit.core.schema import ErrorOutput, MessageOutput

ANY_ROLE = policy_permission(FRAMEWORK_READ)


class ServiceTypeTranslationOutput(serializers.Serializer):
    name = serializers.CharField()
    summary = serializers.CharField()
    description = serializers.CharField()
    strengths = serializers.ListField(child=serializers.CharField(), source="strength_list")
    risks = serializers.ListField(child=serializers.CharField(), source="risk_list")
    behavioural_markers = serializers.ListField(child=serializers.CharField(), source="behavioural_marker_list")


class CompetencyTranslationOutput(serializers.Serializer):
    name = serializers.CharField()
    description = serializers.CharField()
    anchors = serializers.SerializerMethodField()

    def get_anchors(self, obj) -> dict[str, str]:
        return {str(level): text for level, text in obj.anchors.items()}


class TranslatedOutput(serializers.Serializer):
    """`name` in the request's language, and every translation keyed by language code."""

    translation_serializer: type[serializers.Serializer]

    code = serializers.CharField()
    order = serializers.IntegerField()
    name = serializers.SerializerMethodField()
    translations = serializers.SerializerMethodField()

    def get_name(self, obj) -> str:
        translation = obj.translation()
        return translation.name if translation else obj.code

    def get_translations(self, obj) -> dict:
        return {t.language: self.translation_serializer(t).data for t in obj.translations.all()}


class ServiceTypeOutput(TranslatedOutput):
    translation_serializer = ServiceTypeTranslationOutput

    code = serializers.ChoiceField(choices=SERVICE_TYPES)

    @extend_schema_field(serializers.DictField(child=ServiceTypeTranslationOutput()))
    def get_translations(self, obj):
        return super().get_translations(obj)


class ServiceTypeListApi(APIView):
    permission_classes = [ANY_ROLE]
    pagination_class = ApiPagination

    @extend_schema(responses=ServiceTypeOutput(many=True))
    def get(self, request):
        return paginated_response(view=self, queryset=selectors.service_type_list(), serializer_class=ServiceTypeOutput)


class ServiceTypeDetailApi(APIView):
    permission_classes = [ANY_ROLE]

    @extend_schema(responses=ServiceTypeOutput)
    def get(self, request, code):
        service_type = get_object_or_404(selectors.service_type_list(), code=code)
        return Response(ServiceTypeOutput(service_type).data)


class MarkerOutput(serializers.Serializer):
    id = serializers.IntegerField()
    lexicon_version = serializers.CharField(source="lexicon_version.label")
    language = serializers.ChoiceField(choices=LANGUAGE_CODES)
    type = serializers.ChoiceField(choices=SERVICE_TYPES, source="service_type.code")
    phrase = serializers.CharField()
    weight = serializers.FloatField()
    pos = serializers.ChoiceField(
        choices=PartOfSpeech.choices, allow_blank=True, help_text="Part of speech; empty in lexicons before v2."
    )
    suggestions = serializers.JSONField(
        help_text='[{"type": ..., "text": ..., "pos": ...}]: a word-level rewrite has the marker\'s part of speech; '
        '"clause" replaces the whole sentence.'
    )


class MarkerListApi(APIView):
    permission_classes = [ANY_ROLE]
    pagination_class = ApiPagination

    class FilterInput(serializers.Serializer):
        language = serializers.ChoiceField(choices=LANGUAGE_CODES, required=False)
        type = serializers.ChoiceField(choices=SERVICE_TYPES, required=False)
        version = serializers.IntegerField(required=False, min_value=1, help_text="Lexicon version number.")
        pos = serializers.ChoiceField(choices=PartOfSpeech.choices, required=False, help_text="Part of speech.")

    @extend_schema(
        parameters=[FilterInput],
        responses=MarkerOutput(many=True),
        description="Language markers of one lexicon version (default: the newest).",
    )
    def get(self, request):
        filters = self.FilterInput(data=request.query_params)
        filters.is_valid(raise_exception=True)
        version = None
        if "version" in filters.validated_data:
            version = get_object_or_404(LexiconVersion, number=filters.validated_data["version"])
        markers = selectors.marker_list(
            version=version,
            language=filters.validated_data.get("language"),
            service_type=filters.validated_data.get("type"),
            pos=filters.validated_data.get("pos"),
        )
        return paginated_response(view=self, queryset=markers, serializer_class=MarkerOutput)


class LexiconVersionListApi(APIView):
    permission_classes = [ANY_ROLE]
    pagination_class = ApiPagination

    class LexiconVersionOutput(serializers.Serializer):
        number = serializers.IntegerField()
        label = serializers.CharField()
        note = serializers.CharField()
        source = serializers.CharField()
        marker_count = serializers.IntegerField()
        created_at = serializers.DateTimeField()

    @extend_schema(responses=LexiconVersionOutput(many=True))
    def get(self, request):
        return paginated_response(
            view=self, queryset=selectors.lexicon_version_list(), serializer_class=self.LexiconVersionOutput
        )


class CompetencyOutput(TranslatedOutput):
    translation_serializer = CompetencyTranslationOutput

    @extend_schema_field(serializers.DictField(child=CompetencyTranslationOutput()))
    def get_translations(self, obj):
        return super().get_translations(obj)


class CompetencyListApi(APIView):
    permission_classes = [ANY_ROLE]
    pagination_class = ApiPagination

    @extend_schema(responses=CompetencyOutput(many=True))
    def get(self, request):
        return paginated_response(view=self, queryset=selectors.competency_list(), serializer_class=CompetencyOutput)


class RoleProfileOutput(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()
    description = serializers.CharField()
    is_template = serializers.BooleanField()
    type_weights = serializers.SerializerMethodField()
    competencies = serializers.SerializerMethodField()
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()

    def get_type_weights(self, obj) -> dict[str, float]:
        return {w.service_type.code: float(w.weight) for w in obj.type_weights.all()}

    def get_competencies(self, obj) -> dict[str, int]:
        return {c.competency.code: c.target_level for c in obj.competencies.all()}


class RoleProfileInput(serializers.Serializer):
    slug = serializers.SlugField(max_length=80)
    name = serializers.CharField(max_length=120)
    description = serializers.CharField(required=False, allow_blank=True, default="")
    type_weights = serializers.DictField(
        child=serializers.DecimalField(max_digits=4, decimal_places=3),
        help_text="Service type code → weight in 0–1; the weights must sum to 1.",
    )
    competencies = serializers.DictField(
        child=serializers.IntegerField(), help_text="Competency code → target level 1–5."
    )


class RoleProfileListApi(APIView):
    permission_classes = [policy_permission(FRAMEWORK_READ, FRAMEWORK_EDIT)]
    pagination_class = ApiPagination

    @extend_schema(responses=RoleProfileOutput(many=True))
    def get(self, request):
        return paginated_response(view=self, queryset=selectors.role_profile_list(), serializer_class=RoleProfileOutput)

    @extend_schema(request=RoleProfileInput, responses={201: RoleProfileOutput})
    def post(self, request):
        data = RoleProfileInput(data=request.data)
        data.is_valid(raise_exception=True)
        role_profile = services.role_profile_create(**data.validated_data, user=request.user)
        role_profile = selectors.role_profile_list().get(pk=role_profile.pk)
        return Response(RoleProfileOutput(role_profile).data, status=status.HTTP_201_CREATED)


class RoleProfileDetailApi(APIView):
    permission_classes = [policy_permission(FRAMEWORK_READ, FRAMEWORK_EDIT)]
    error_statuses = (409,)  # deleting a profile still in use

    class RoleProfileUpdateInput(RoleProfileInput):
        slug = None

    def _get(self, slug):
        return get_object_or_404(selectors.role_profile_list(), slug=slug)

    @extend_schema(responses=RoleProfileOutput)
    def get(self, request, slug):
        return Response(RoleProfileOutput(self._get(slug)).data)

    @extend_schema(request=RoleProfileUpdateInput, responses=RoleProfileOutput)
    def put(self, request, slug):
        return self._update(request, slug, partial=False)

    @extend_schema(request=RoleProfileUpdateInput, responses=RoleProfileOutput)
    def patch(self, request, slug):
        return self._update(request, slug, partial=True)

    def _update(self, request, slug, *, partial):
        role_profile = self._get(slug)
        data = self.RoleProfileUpdateInput(data=request.data, partial=partial)
        data.is_valid(raise_exception=True)
        services.role_profile_update(role_profile=role_profile, **data.validated_data)
        return Response(RoleProfileOutput(self._get(slug)).data)

    @extend_schema(responses={204: None})
    def delete(self, request, slug):
        services.role_profile_delete(role_profile=self._get(slug))
        return Response(status=status.HTTP_204_NO_CONTENT)


class ClassifierVersionOutput(serializers.Serializer):
    version = serializers.IntegerField()
    label = serializers.CharField()
    sentences = serializers.IntegerField()
    corrections = serializers.IntegerField()
    macro_f1 = serializers.DictField(child=serializers.FloatField())
    created_at = serializers.DateTimeField()


class ClassifierVersionListApi(APIView):
    permission_classes = [policy_permission(FRAMEWORK_READ, CLASSIFIER_RETRAIN)]
    pagination_class = ApiPagination

    @extend_schema(responses=ClassifierVersionOutput(many=True))
    def get(self, request):
        return paginated_response(
            view=self, queryset=selectors.classifier_list(), serializer_class=ClassifierVersionOutput
        )

    @extend_schema(
        request=None,
        responses={201: ClassifierVersionOutput, 202: MessageOutput, 409: ErrorOutput},
        description="Retrain the classifier: 202 when queued for the worker; without a broker it trains in "
        "this request (201, the new version), one training at a time (409 while another runs).",
    )
    def post(self, request):
        model = services.classifier_retrain_request(user=request.user)
        if model is None:
            return Response({"message": "Retraining started."}, status=status.HTTP_202_ACCEPTED)
        return Response(ClassifierVersionOutput(model).data, status=status.HTTP_201_CREATED)
