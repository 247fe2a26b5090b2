from django.utils.http import url_has_allowed_host_and_scheme


def is_htmx(request) -> bool:
    """A request from htmx that wants a piece of a page, not a whole one."""
    return request.headers.get("HX-Request") == "true" and not request.headers.get("HX-Boosted")


def safe_next(request, fallback: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


# Every screen and action of the newsroom needs one of its roles; each role
# holds this permission (migration 0004). A signed-in account without a role
# (or an integration's, which reads published fact-checks through the API
# only) is refused, never shown data.
ROLE_PERMISSION = "claims.view_claim"


def no_role_response(request, message: str | None = None):
    from django.shortcuts import render
    from django.utils.translation import gettext as _

    return render(
        request,
        "claims/refused.html",
        {
            "message": message
            or _("Your account has no role in the newsroom yet: ask an administrator for one."),
            "back": None,
        },
        status=403,
    )


def role_required(view=None, *, perm: str = ROLE_PERMISSION):
    """login_required, then the role's permission: 403 with the reason otherwise."""
    from functools import wraps

    from django.contrib.auth.views import redirect_to_login

    def decorate(view_func):
        @wraps(view_func)
        def wrapped(request, *args, **kwargs):
            user = request.user
            if not user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not user.has_perm(perm):
                return no_role_response(request)
            return view_func(request, *args, **kwargs)

        return wrapped

    return decorate(view) if view is not None else decorate
