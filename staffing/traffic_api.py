"""POST /api/staffing/traffic/import/: interval traffic from a CSV export, all rows or none.
GET /api/staffing/traffic/imports/: the imports, newest first."""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from servicefit.core.exceptions import ApplicationError, application_error_body
from servicefit.core.pagination import ApiPagination, paginated_response
from servicefit.core.permissions import policy_permission
from servicefit.core.policies import STAFFING_READ, STAFFING_WRITE
from staffing import traffic_columns, traffic_csv, traffic_selectors, traffic_services
from staffing.models import CHANNEL_CHOICES, INTERVAL_MINUTES, TrafficImport
from workforce.import_api import ColumnMappingField


class TrafficImportInput(serializers.Serializer):
    file = serializers.FileField(
        help_text="The interval report as CSV (comma, semicolon or tab; UTF-8, UTF-16 or Windows-1252), "
        f"at most {traffic_csv.MAX_BYTES // 1_000_000} MB and {traffic_csv.MAX_ROWS:,} rows."
    )
    mapping = ColumnMappingField(
        required=False,
        default=dict,
        help_text=f'Our field ({", ".join(traffic_columns.FIELDS)}) → the file\'s header; "" for a field not in the '
        "file. Fields left out are found among common English, Danish, Norwegian and Swedish headers.",
    )
    channel = serializers.ChoiceField(
        choices=CHANNEL_CHOICES,
        required=False,
        allow_null=True,
        default=None,
        help_text="The channel of rows without one (an export of one queue with no channel column).",
    )
    interval_minutes = serializers.ChoiceField(
        choices=INTERVAL_MINUTES,
        required=False,
        allow_null=True,
        default=None,
        help_text="15 or 30; by default read from the file.",
    )
    aht_unit = serializers.ChoiceField(
        choices=traffic_columns.AHT_UNITS,
        required=False,
        allow_null=True,
        default=None,
        help_text='What a plain AHT number counts; by default "minutes" when the AHT header says so, else '
        '"seconds". Handling times written as m:ss are always minutes and seconds.',
    )


class TrafficImportOutput(serializers.Serializer):
    import_id = serializers.IntegerField()
    rows = serializers.IntegerField(help_text="Intervals imported.")
    replaced = serializers.IntegerField(help_text="Intervals already stored for the same channel, day and start.")
    first_day = serializers.DateField()
    last_day = serializers.DateField()
    interval_minutes = serializers.IntegerField()
    channels = serializers.ListField(child=serializers.ChoiceField(choices=CHANNEL_CHOICES))


class TrafficImportApi(APIView):
    """Every row is checked first: a file with any bad row imports nothing, and the 400 lists the first
    50 problems as {row, column, message} (row 1 is the header; column is our field or `file`) in
    `errors` and in `extra.errors`. An interval already stored for the same channel, day and start is
    replaced. 413: the file is too large or has too many rows."""

    permission_classes = [policy_permission(STAFFING_WRITE)]
    parser_classes = [MultiPartParser, FormParser]
    error_statuses = (413,)

    @extend_schema(request={"multipart/form-data": TrafficImportInput}, responses={201: TrafficImportOutput})
    def post(self, request):
        data = TrafficImportInput(data=request.data)
        data.is_valid(raise_exception=True)
        upload = data.validated_data["file"]
        try:
            result = traffic_services.traffic_import_file(
                filename=upload.name or "",
                data=upload.read(traffic_csv.MAX_BYTES + 1),
                user=request.user,
                mapping=data.validated_data["mapping"],
                channel_default=data.validated_data["channel"],
                interval_minutes=data.validated_data["interval_minutes"],
                aht_unit=data.validated_data["aht_unit"],
                source=TrafficImport.Source.API,
            )
        except ApplicationError as exc:
            if "errors" not in exc.extra:
                raise
            body = {**application_error_body(exc), "errors": exc.extra["errors"]}
            return Response(body, status=exc.status)
        output = {
            "import_id": result.traffic_import.id,
            "rows": result.rows,
            "replaced": result.replaced,
            "first_day": result.first_day,
            "last_day": result.last_day,
            "interval_minutes": result.traffic_import.interval_minutes,
            "channels": result.channels,
        }
        return Response(TrafficImportOutput(output).data, status=status.HTTP_201_CREATED)


class TrafficImportListOutput(serializers.Serializer):
    id = serializers.IntegerField()
    filename = serializers.CharField()
    source = serializers.ChoiceField(choices=TrafficImport.Source.choices)
    imported_by = serializers.CharField(source="uploaded_by.username", default=None, allow_null=True)
    created_at = serializers.DateTimeField()
    rows = serializers.IntegerField(help_text="Intervals the file had.")
    intervals_kept = serializers.IntegerField(help_text="Of them, the ones no later import has replaced.")
    interval_minutes = serializers.IntegerField()
    first_day = serializers.DateField()
    last_day = serializers.DateField()
    channels = serializers.ListField(child=serializers.ChoiceField(choices=CHANNEL_CHOICES))


class TrafficImportListApi(APIView):
    permission_classes = [policy_permission(STAFFING_READ)]
    pagination_class = ApiPagination

    @extend_schema(responses=TrafficImportListOutput(many=True))
    def get(self, request):
        return paginated_response(
            view=self, queryset=traffic_selectors.traffic_import_list(), serializer_class=TrafficImportListOutput
        )
