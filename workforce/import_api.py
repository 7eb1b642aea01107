"""POST /api/agents/import/: an HRIS export (CSV or XLSX) imported all or nothing."""

import json

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from servicefit.core.exceptions import ApplicationError
from servicefit.core.permissions import policy_permission
from servicefit.core.policies import AGENT_WRITE
from workforce import hris_import
from workforce.hris_columns import FIELDS
from workforce.hris_files import MAX_BYTES


class ColumnMappingField(serializers.DictField):
    """Our field → their header, as a JSON string (a multipart form field) or an object."""

    def __init__(self, **kwargs):
        super().__init__(child=serializers.CharField(max_length=200, allow_blank=True), **kwargs)

    def get_value(self, dictionary):
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


class AgentImportInput(serializers.Serializer):
    file = serializers.FileField(help_text="The HRIS export: CSV (comma, semicolon or tab) or XLSX, at most 10 MB.")
    mapping = ColumnMappingField(
        required=False,
        default=dict,
        help_text=f'Our field ({", ".join(FIELDS)}) → the file\'s header; "" for a field not in the file. '
        "Fields left out are found among common English, Danish, Norwegian and Swedish headers.",
    )


class AgentImportOutput(serializers.Serializer):
    created = serializers.IntegerField()
    updated = serializers.IntegerField()
    unchanged = serializers.IntegerField(help_text="Known periods the file repeats as they are.")
    renumbered = serializers.IntegerField(help_text="Of the updated: agents from ServiceFit hires given their number.")


class AgentImportApi(APIView):
    """Every row is checked first: a file with any bad row imports nothing, and the 400 lists every
    problem as {line, column, message} (line 1 is the header; column is our field or `file`) in
    `extra.errors`, and the same list in `errors`. A row whose employee number and hire date are
    known updates that employment period; others are created. 413: the file is too large."""

    permission_classes = [policy_permission(AGENT_WRITE)]
    parser_classes = [MultiPartParser, FormParser]
    error_statuses = (413,)

    @extend_schema(
        request={"multipart/form-data": AgentImportInput},
        responses={200: AgentImportOutput},
    )
    def post(self, request):
        data = AgentImportInput(data=request.data)
        data.is_valid(raise_exception=True)
        upload = data.validated_data["file"]
        try:
            result = hris_import.agents_import_file(
                filename=upload.name,
                data=upload.read(MAX_BYTES + 1),
                mapping=data.validated_data["mapping"],
                user=request.user,
            )
        except ApplicationError as exc:
            if "errors" not in exc.extra:
                raise
            body = {"message": exc.message, "extra": exc.extra, "errors": exc.extra["errors"]}
            return Response(body, status=status.HTTP_400_BAD_REQUEST)
        output = {
            "created": result.created,
            "updated": result.updated,
            "unchanged": result.unchanged,
            "renumbered": result.renumbered,
        }
        return Response(AgentImportOutput(output).data)
