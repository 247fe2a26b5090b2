from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from claims import selectors


@login_required
def home(request):
    return render(request, "claims/home.html", {"articles": selectors.article_recent(limit=20)})
