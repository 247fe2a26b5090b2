from urllib.parse import urlsplit


def is_htmx(request) -> bool:
    """A request from htmx that wants a piece of a page, not a whole one."""
    return request.headers.get("HX-Request") == "true" and not request.headers.get("HX-Boosted")


def local_path(target: str | None) -> str:
    """target when it is a path on this site ("/queue/?status=open"), else "".

    `next` comes from the query string: anything else (javascript:, data:,
    //evil.example, /\\evil.example, a full URL) would be a link or a redirect
    an attacker chose. Browsers read a backslash as a slash and drop tabs and
    newlines from URLs, so those are refused too.
    """
    target = (target or "").strip()
    if not target.startswith("/") or target.startswith(("//", "/\\")):
        return ""
    if any(ord(char) < 32 or char in "\\\x7f" for char in target):
        return ""
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return ""
    return target


def next_path(request) -> str:
    return local_path(request.POST.get("next") or request.GET.get("next"))


def safe_next(request, fallback: str) -> str:
    return next_path(request) or fallback


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
