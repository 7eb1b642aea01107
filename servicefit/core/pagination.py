"""The one way every API list is paginated: {"count", "next", "previous", "results"}.

A client chooses `limit` (1 to MAX_LIMIT) and `offset`. A bad value is refused with a message
instead of being silently replaced, so an integration never walks a list it did not ask for.
"""

from collections.abc import Callable

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import LimitOffsetPagination
from rest_framework.response import Response

DEFAULT_LIMIT = 50
MAX_LIMIT = 500


class ApiPagination(LimitOffsetPagination):
    default_limit = DEFAULT_LIMIT
    max_limit = MAX_LIMIT

    def get_limit(self, request):
        raw = request.query_params.get(self.limit_query_param)
        if raw is None:
            return self.default_limit
        limit = _whole_number(raw)
        if limit is None or not 1 <= limit <= self.max_limit:
            message = _("Give a whole number from 1 to %(max)s.") % {"max": self.max_limit}
            raise ValidationError({self.limit_query_param: [message]})
        return limit

    def get_offset(self, request):
        raw = request.query_params.get(self.offset_query_param)
        if raw is None:
            return 0
        offset = _whole_number(raw)
        if offset is None or offset < 0:
            raise ValidationError({self.offset_query_param: [_("Give a whole number from 0 up.")]})
        return offset

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        bounds = {
            self.limit_query_param: {"minimum": 1, "maximum": self.max_limit},
            self.offset_query_param: {"minimum": 0},
        }
        for parameter in parameters:
            parameter["schema"].update(bounds.get(parameter["name"], {}))
        return parameters

    def paginate_queryset(self, queryset, request, view=None):
        page = super().paginate_queryset(queryset, request, view)
        if self.offset > 0 and self.offset >= self.count:
            where = {"offset": self.offset, "count": self.count}
            raise NotFound(_("There is nothing at offset %(offset)s: the list has %(count)s items.") % where)
        return page


def _whole_number(raw: str) -> int | None:
    # int() alone would accept " 5", "٥" and "5_0"; a query parameter is plain ASCII digits.
    return int(raw) if raw.isascii() and raw.isdigit() and len(raw) <= 9 else None


def _stable(queryset):
    """Rows that tie on the ordering (same created_at) must not swap places between two pages."""
    if not isinstance(queryset, QuerySet):
        return queryset
    ordering = list(queryset.query.order_by or queryset.model._meta.ordering or [])
    if "pk" in ordering or "-pk" in ordering:
        return queryset
    return queryset.order_by(*ordering, "pk")


def paginated_response(*, view, queryset, serializer_class, page_shown: Callable | None = None) -> Response:
    """The page of `queryset` the request asks for. The view declares `pagination_class`, which
    also lets the schema document the page parameters and the paginated shape. `page_shown(rows)`
    sees the rows of the page before they are serialised (e.g. to log access to personal data)."""
    paginator = view.pagination_class()
    page = paginator.paginate_queryset(_stable(queryset), view.request, view=view)
    if page_shown is not None:
        page = page_shown(page)
    return paginator.get_paginated_response(serializer_class(page, many=True, context={"request": view.request}).data)
