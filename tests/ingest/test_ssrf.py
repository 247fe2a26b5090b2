"""The fetcher never reaches internal addresses: each class, before connecting, after redirects."""

import pytest

from claims.ingest import ssrf
from claims.ingest.fetching import FetchError, fetch

REFUSED = [
    ("127.0.0.1", "loopback"),
    ("127.8.9.10", "loopback"),
    ("::1", "loopback"),
    ("10.1.2.3", "private"),
    ("172.16.5.4", "private"),
    ("192.168.1.1", "private"),
    ("fd12:3456::1", "private"),
    ("169.254.10.20", "link-local"),
    ("fe80::1", "link-local"),
    ("224.0.0.251", "multicast"),
    ("ff02::1", "multicast"),
    ("169.254.169.254", "metadata"),
    ("fd00:ec2::254", "metadata"),
    ("100.100.100.200", "metadata"),
    ("0.0.0.0", "private"),
    ("::ffff:10.0.0.1", "private"),
    ("::ffff:127.0.0.1", "loopback"),
    ("2002:0a00:0001::1", "private"),  # 6to4 wrapping 10.0.0.1
    ("100.64.0.1", "reserved"),  # carrier-grade NAT
    ("240.0.0.1", "private"),  # Python counts the reserved 240/4 as private
]


@pytest.mark.parametrize(("address", "kind"), REFUSED)
def test_it_refuses_each_internal_address_class(address, kind, settings):
    settings.FACTCHECK_FETCH_ALLOW_LOOPBACK = False
    with pytest.raises(ssrf.AddressRefused) as caught:
        ssrf.check_address(address)
    assert kind in caught.value.message


@pytest.mark.parametrize("address", ["93.184.215.14", "2606:4700::6810:84e5", "8.8.8.8"])
def test_it_accepts_public_addresses(address):
    ssrf.check_address(address)


def test_loopback_is_allowed_only_with_the_test_setting(settings):
    settings.FACTCHECK_FETCH_ALLOW_LOOPBACK = True
    ssrf.check_address("127.0.0.1")
    ssrf.check_address("::1")
    with pytest.raises(ssrf.AddressRefused):
        ssrf.check_address("10.0.0.1")
    with pytest.raises(ssrf.AddressRefused):
        ssrf.check_address("169.254.169.254")


@pytest.mark.parametrize(("address", "kind"), REFUSED)
def test_a_host_name_resolving_to_an_internal_address_is_refused_before_connecting(
    address, kind, fake_dns, settings
):
    settings.FACTCHECK_FETCH_ALLOW_LOOPBACK = False
    fake_dns({"intranet.example": [address]})
    with pytest.raises(FetchError) as caught:
        fetch("http://intranet.example/page.html")
    assert caught.value.code == "refused_address"
    assert kind in caught.value.message


def test_one_internal_address_among_public_ones_refuses_the_host(fake_dns):
    fake_dns({"mixed.example": ["93.184.215.14", "10.0.0.7"]})
    with pytest.raises(ssrf.AddressRefused):
        ssrf.resolve("mixed.example", 80)


def test_loopback_test_site_is_refused_by_default(site, settings):
    settings.FACTCHECK_FETCH_ALLOW_LOOPBACK = False
    with pytest.raises(FetchError) as caught:
        fetch(site.url("/article.html"))
    assert caught.value.code == "refused_address"
    assert site.requests == []


@pytest.mark.parametrize(
    "host", ["169.254.169.254", "[::1]", "metadata.google.internal", "10.0.0.1"]
)
def test_literal_internal_hosts_are_refused_without_a_lookup(host, settings):
    settings.FACTCHECK_FETCH_ALLOW_LOOPBACK = False
    with pytest.raises(ssrf.AddressRefused):
        ssrf.check_literal_host(host)


@pytest.mark.parametrize("path", ["/redirect-private", "/redirect-metadata"])
def test_a_redirect_to_an_internal_address_is_refused(path, site, allow_loopback):
    with pytest.raises(FetchError) as caught:
        fetch(site.url(path))
    assert caught.value.code == "refused_address"


def test_a_redirect_to_a_name_resolving_inside_is_refused(site, allow_loopback, fake_dns):
    fake_dns({"rebind.example": ["192.168.0.10"]})
    with pytest.raises(FetchError) as caught:
        fetch(site.url("/redirect-to-host/rebind.example"))
    assert caught.value.code == "refused_address"
    assert "192.168.0.10" in caught.value.message


def test_it_connects_to_the_checked_address_and_sends_the_name_as_host(
    site, allow_loopback, fake_dns
):
    # The name is resolved once, checked, and the connection goes to that
    # address: a second DNS answer (rebinding) is never asked for.
    fake_dns({"news.example": ["127.0.0.1"]})
    page = fetch(f"http://news.example:{site.port}/article.html")
    assert page.status == 200
    assert site.requests[-1] == ("/article.html", f"news.example:{site.port}")


@pytest.mark.parametrize(
    "url", ["ftp://example.org/a.html", "file:///etc/passwd", "gopher://example.org/", "http://"]
)
def test_only_http_and_https_are_fetched(url):
    with pytest.raises(FetchError) as caught:
        fetch(url)
    assert caught.value.code == "bad_url"
