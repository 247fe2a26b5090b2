"""Links to addresses that came from outside (evidence, feeds, articles).

Only http and https addresses become links: a `javascript:` or `data:` address
in a feed item or an old row would otherwise be one click from running or
phishing (the CSP stops the script, not the click). Other addresses are shown
as plain text.
"""

from urllib.parse import urlsplit

from django import template

register = template.Library()


@register.filter
def web_link(url) -> str:
    """url when it is an http(s) address with a host, else ""."""
    url = str(url or "").strip()
    if any(ord(char) < 32 or char == "\x7f" for char in url):
        return ""
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return ""
    return url
