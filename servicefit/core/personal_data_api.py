"""Data-subject requests through the API: export or erase everything held about a person."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from servicefit.core.permissions import policy_permission
from servicefit.core.personal_data import Subject
from servicefit.core.policies import PERSONAL_DATA_ERASE, PERSONAL_DATA_EXPORT
from servicefit.core.services import personal_data_erase, personal_data_export

SUBJECT_PARAMETERS = [
    OpenApiParameter("email", str, description="The person's e-mail address (any case)."),
    OpenApiParameter("reference", int, description="The person's record reference (e.g. a candidate id)."),
    OpenApiParameter("employee_number", str, description="The employee number in the HR system (any case)."),
]


class SubjectInput(serializers.Serializer):
    email = serializers.EmailField(required=False, default="")
    # Record ids are 64-bit integers: a larger number names nobody and must not reach the database.
    reference = serializers.IntegerField(required=False, default=None, min_value=1, max_value=2**63 - 1)
    employee_number = serializers.CharField(required=False, default="", allow_blank=True, max_length=64)

    def validate(self, attrs):
        if not attrs["email"] and attrs["reference"] is None and not attrs["employee_number"]:
            raise serializers.ValidationError(
                _("Give the person's e-mail address, record reference or employee number.")
            )
        return attrs


class ErasedOutput(serializers.Serializer):
    message = serializers.CharField()
    erased = serializers.DictField(child=serializers.IntegerField(), help_text="Records erased per category.")


class PersonalDataApi(APIView):
    """GET exports everything held about a person as one JSON document; DELETE erases it across
    all apps in one transaction. Both are written to the access log."""

    permission_classes = [policy_permission(PERSONAL_DATA_EXPORT, write=PERSONAL_DATA_ERASE)]

    def _subject(self, request) -> Subject:
        data = SubjectInput(data=request.query_params)
        data.is_valid(raise_exception=True)
        return Subject(**data.validated_data)

    @extend_schema(parameters=SUBJECT_PARAMETERS, responses={200: dict})
    def get(self, request):
        return Response(personal_data_export(subject=self._subject(request), user=request.user))

    @extend_schema(parameters=SUBJECT_PARAMETERS, responses={200: ErasedOutput})
    def delete(self, request):
        erased = personal_data_erase(subject=self._subject(request), user=request.user)
        return Response({"message": _("The person's data was erased."), "erased": erased})
