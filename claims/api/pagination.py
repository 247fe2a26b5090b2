import hashlib

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination

# Counting a large list costs more than fetching its page; a count this large
# may be up to COUNT_TTL seconds old (the page itself is always current).
LARGE_COUNT = 2_000
COUNT_TTL = 30


class CachedCountPaginator(Paginator):
    @cached_property
    def count(self):
        queryset = self.object_list
        if not isinstance(queryset, QuerySet):
            return super().count
        sql, params = queryset.query.sql_with_params()
        key = "api-count:" + hashlib.sha1(f"{sql}|{params!r}".encode()).hexdigest()
        cached = cache.get(key)
        if cached is not None:
            return cached
        count = queryset.count()
        if count >= LARGE_COUNT:
            cache.set(key, count, COUNT_TTL)
        return count


class Pagination(PageNumberPagination):
    """Pages of 50 (page_size up to 500), fetched in two steps.

    A deep page (`?page=1500`) makes the database walk every row before it;
    walking only the ids (an index) and then joining just the rows of the
    page keeps every page about as fast as the first.
    """

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500
    django_paginator_class = CachedCountPaginator

    def get_page_size(self, request):
        """A page_size that is not a number from 1 to 500 is a 400, not silently 50."""
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        if not (raw.isascii() and raw.isdigit() and 1 <= int(raw) <= self.max_page_size):
            raise ValidationError(
                {
                    self.page_size_query_param: [
                        _("Expected a number from 1 to %d.") % self.max_page_size
                    ]
                }
            )
        return int(raw)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_query_param:
                parameter["schema"]["minimum"] = 1
                parameter["description"] = "A page number from 1; past the last page is a 404."
            elif parameter["name"] == self.page_size_query_param:
                parameter["schema"].update(minimum=1, maximum=self.max_page_size)
        return parameters

    def paginate_queryset(self, queryset, request, view=None):
        if not isinstance(queryset, QuerySet) or not queryset.ordered:
            return super().paginate_queryset(queryset, request, view)
        ids = super().paginate_queryset(queryset.values_list("pk", flat=True), request, view)
        if ids is None:
            return None
        by_id = {row.pk: row for row in queryset.filter(pk__in=ids).order_by()}
        return [by_id[pk] for pk in ids if pk in by_id]
