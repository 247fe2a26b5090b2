"""Pages of a list whose total is counted only up to a cap.

Counting every match of a filter at a million claims (or a common word in
twenty thousand articles) costs more than showing the page; past the cap
the list says "more than N" and offers its first pages, enough to narrow
the filters or turn the order around."""

from functools import cached_property

from django.core.paginator import Paginator


class CappedPaginator(Paginator):
    def __init__(self, object_list, per_page, *, cap: int = 1_000, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.cap = cap

    @cached_property
    def count(self) -> int:
        rows = self.object_list.order_by().values("pk")[: self.cap + 1]
        return min(rows.count(), self.cap + 1)

    @property
    def capped(self) -> bool:
        return self.count > self.cap
