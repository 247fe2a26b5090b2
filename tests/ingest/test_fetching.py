"""Fetching pages from the project's test site on loopback: limits and refusals."""

import pytest

from claims.ingest.fetching import FEED_TYPES, FetchError, fetch
from claims.ingest.pages import NoArticleText, decode_html, extract_page

pytestmark = pytest.mark.usefixtures("allow_loopback")


def test_it_fetches_a_news_article_page(site):
    page = fetch(site.url("/article.html"))
    assert page.status == 200
    assert page.content_type == "text/html"
    assert "Valle Orsa" in page.content.decode()


def test_it_follows_a_redirect_and_reports_the_final_address(site):
    page = fetch(site.url("/redirect-to-article"))
    assert page.url == site.url("/article.html")


def test_it_stops_after_five_redirects(site):
    with pytest.raises(FetchError) as caught:
        fetch(site.url("/loop"))
    assert caught.value.code == "redirects"


def test_a_slow_page_times_out(site):
    site.slow_seconds = 3
    with pytest.raises(FetchError) as caught:
        fetch(site.url("/slow.html"))
    assert caught.value.code == "timeout"


def test_a_page_sent_a_little_at_a_time_meets_the_overall_deadline(site, settings):
    site.slow_seconds = 4
    settings.FACTCHECK_FETCH_TOTAL_TIMEOUT = 1
    with pytest.raises(FetchError) as caught:
        fetch(site.url("/drip.html"))
    assert caught.value.code == "timeout"


@pytest.mark.parametrize("path", ["/slow-headers.html", "/drip.html"])
def test_slow_headers_and_slow_bodies_alike_meet_the_total_time_limit(site, settings, path):
    import time

    site.drip_seconds = 0.05  # each byte well inside the 1 s read timeout
    site.slow_seconds = 6
    settings.FACTCHECK_FETCH_TOTAL_TIMEOUT = 2
    started = time.monotonic()
    with pytest.raises(FetchError) as caught:
        fetch(site.url(path))
    elapsed = time.monotonic() - started
    assert caught.value.code == "timeout"
    assert elapsed < 3, f"the fetch ran {elapsed:.1f} s past its 2 s limit"


def test_a_huge_page_is_cut_off_at_the_size_cap(site):
    with pytest.raises(FetchError) as caught:
        fetch(site.url("/huge.html"))
    assert caught.value.code == "too_large"


def test_a_huge_declared_length_is_refused_before_reading(site):
    with pytest.raises(FetchError) as caught:
        fetch(site.url("/huge-declared.html"))
    assert caught.value.code == "too_large"


def test_a_non_html_file_is_refused(site):
    with pytest.raises(FetchError) as caught:
        fetch(site.url("/report.pdf"))
    assert caught.value.code == "not_html"
    assert "application/pdf" in caught.value.message


def test_a_missing_page_is_an_http_error(site):
    with pytest.raises(FetchError) as caught:
        fetch(site.url("/nowhere.html"))
    assert caught.value.code == "http_error"
    assert "404" in caught.value.message


def test_feeds_are_accepted_when_asked_for(site):
    page = fetch(site.url("/feed.xml"), accept=FEED_TYPES)
    assert page.content.startswith(b"<?xml")


def test_the_article_text_and_metadata_are_extracted(site):
    page = fetch(site.url("/article.html"))
    extracted = extract_page(decode_html(page.content, page.charset), url=page.url)
    assert extracted.title == "La diga di Valle Orsa sarà chiusa per lavori"
    assert extracted.author == "Giulia Marchetti"
    assert extracted.outlet == "Corriere di Valle Orsa"
    assert extracted.published_at.date().isoformat() == "2026-02-14"
    assert extracted.language == "it"
    assert extracted.text.startswith("Il presidente del consorzio di bonifica")
    assert "Più letti" not in extracted.text
    assert "Tutti i diritti riservati" not in extracted.text


def test_a_page_with_no_article_says_so(site):
    page = fetch(site.url("/no-article.html"))
    with pytest.raises(NoArticleText):
        extract_page(decode_html(page.content, page.charset))


def test_html_is_decoded_by_its_declared_charset():
    html = '<html><head><meta charset="iso-8859-1"></head><body>città</body></html>'
    assert "città" in decode_html(html.encode("iso-8859-1"))
    assert "\x00" not in decode_html(b"<p>a\x00b</p>")


def test_a_compressed_page_is_capped_after_decompression(site):
    with pytest.raises(FetchError) as caught:
        fetch(site.url("/bomb.html"))
    assert caught.value.code == "too_large"


@pytest.fixture(scope="module")
def tls_site(tmp_path_factory):
    """The test site over HTTPS with a self-signed certificate (trusted by nobody)."""
    import shutil
    import ssl
    import subprocess
    import threading

    if not shutil.which("openssl"):
        pytest.skip("openssl is needed to make a certificate")
    folder = tmp_path_factory.mktemp("tls")
    key, cert = folder / "key.pem", folder / "cert.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=secure.example",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
    )
    from claims.ingest.localsite import LocalSite

    site = LocalSite()
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    site.server.socket = context.wrap_socket(site.server.socket, server_side=True)
    thread = threading.Thread(target=site.server.serve_forever, daemon=True)
    thread.start()
    yield site
    site.server.shutdown()
    site.server.server_close()


def test_https_certificates_are_verified_against_the_host_name(tls_site, fake_dns):
    fake_dns({"secure.example": ["127.0.0.1"]})
    with pytest.raises(FetchError) as caught:
        fetch(f"https://secure.example:{tls_site.port}/article.html")
    assert caught.value.code == "connection"
    assert "certificate" in caught.value.message.lower()
