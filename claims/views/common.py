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
