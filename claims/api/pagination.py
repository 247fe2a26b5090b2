from django.db.models import QuerySet
from rest_framework.pagination import PageNumberPagination


class Pagination(PageNumberPagination):
    """Pages of 50 (page_size up to 500), fetched in two steps.

    A deep page (`?page=1500`) makes the database walk every row before it;
    walking only the claims' ids (an index) and then joining just the 50 rows
    of the page keeps every page as fast as the first.
    """

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500

    def paginate_queryset(self, queryset, request, view=None):
        if not isinstance(queryset, QuerySet) or not queryset.ordered:
            return super().paginate_queryset(queryset, request, view)
        ids = super().paginate_queryset(queryset.values_list("pk", flat=True), request, view)
        if ids is None:
            return None
        rows = queryset.filter(pk__in=ids).order_by()
        by_id = {row.pk: row for row in rows}
        return [by_id[pk] for pk in ids if pk in by_id]
