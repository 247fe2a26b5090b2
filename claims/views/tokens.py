"""Each person's own API tokens: made here, the key shown once, revocable.

Only a login is needed (not a newsroom role): an integration's account,
which can read published fact-checks and nothing else, makes its token here.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from claims.exceptions import NotAllowed
from claims.models import ApiToken
from claims.services.tokens import api_token_create, api_token_revoke


@login_required
def my_tokens(request):
    key = None
    if request.method == "POST":
        if request.POST.get("revoke"):
            token = get_object_or_404(ApiToken, pk=request.POST["revoke"], user=request.user)
            api_token_revoke(token=token, user=request.user)
            messages.success(request, _("Token revoked."))
            return redirect("claims:my_tokens")
        try:
            _token, key = api_token_create(
                owner=request.user, created_by=request.user, name=request.POST.get("name", "")
            )
        except NotAllowed as exc:
            messages.error(request, exc.message)
            return redirect("claims:my_tokens")
    response = render(
        request,
        "claims/my_tokens.html",
        {"tokens": ApiToken.objects.filter(user=request.user), "key": key},
    )
    # The page that shows a new key once must not be kept by any cache.
    response["Cache-Control"] = "no-store"
    return response
