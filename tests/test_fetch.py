"""The polite fetcher against a local HTTP server on 127.0.0.1 (never the internet)."""

from __future__ import annotations

import gzip
import socket
import threading
import time
import zlib
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsmill.sources import web
from newsmill.sources.bounded import DamagedStream, Decoder, TooLarge, feed, inflate
from newsmill.sources.items import Failure, Task
from newsmill.sources.web import Fetcher, FetchError, FetchOptions, check_address, pages_from_urls

ARTICLE = b"<html><body><article><h1>Titel</h1><p>Ein Absatz mit Text.</p></article></body></html>"
BOMB = gzip.compress(b" " * 30_000_000)
MEMBER_BOMB = gzip.compress(b" " * 600_000) * 3  # each member under a 1 MB cap, together over it


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    hits: list[str] = []

    def log_message(self, *args: object) -> None:
        pass

    def send(self, status: int, body: bytes, ctype: str = "text/html; charset=utf-8", **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in headers.items():
            self.send_header(k.replace("_", "-"), v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        Handler.hits.append(self.path)
        port = self.server.server_address[1]
        routes = {
            "/robots.txt": lambda: self.send(200, b"User-agent: *\nDisallow: /private\n", "text/plain"),
            "/article": lambda: self.send(200, ARTICLE),
            "/private/x": lambda: self.send(200, ARTICLE),
            "/ua": lambda: self.send(200, self.headers.get("User-Agent", "").encode(), "text/plain"),
            "/loop": lambda: self.send(302, b"", Location="/loop2"),
            "/loop2": lambda: self.send(302, b"", Location="/loop"),
            "/bomb": lambda: self.send(200, BOMB, Content_Encoding="gzip"),
            "/member-bomb": lambda: self.send(200, MEMBER_BOMB, Content_Encoding="gzip"),
            "/gzip-members": lambda: self.send(200, gzip.compress(ARTICLE[:30]) + gzip.compress(ARTICLE[30:]),
                                               Content_Encoding="gzip"),
            "/gzip-cut": lambda: self.send(200, gzip.compress(ARTICLE)[:-6], Content_Encoding="gzip"),
            "/gzip-garbage": lambda: self.send(200, gzip.compress(ARTICLE) + b"\r\n0\r\n", Content_Encoding="gzip"),
            "/deflate-cut": lambda: self.send(200, zlib.compress(ARTICLE)[:-3], Content_Encoding="deflate"),
            "/pdf": lambda: self.send(200, b"%PDF-1.4", "application/pdf"),
            "/missing": lambda: self.send(404, b"not here"),
            "/to-private": lambda: self.send(302, b"", Location=f"http://127.0.0.2:{port}/article"),
        }
        if self.path in routes:
            routes[self.path]()
        elif self.path.startswith("/chain/"):
            n = int(self.path.rsplit("/", 1)[1])
            self.send(302, b"", Location=f"/chain/{n + 1}") if n < 10 else self.send(200, ARTICLE)
        elif self.path == "/big":
            self.send_response(200)
            self.send_header("Content-Length", "50000000")
            self.end_headers()
        elif self.path == "/drip":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self._drip(b"<p>" + b"x" * 200)
        elif self.path == "/drip-headers":
            self._drip(b"HTTP/1.1 200 OK\r\nX-Slow: " + b"y" * 200)
        else:
            self.send(404, b"no route")

    def _drip(self, data: bytes) -> None:
        try:
            for byte in data:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(0.05)
        except OSError:
            pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def fetcher(**kw: object) -> Fetcher:
    opts = FetchOptions(allow_private=True, host_delay_s=0.0, total_timeout_s=2.0, connect_timeout_s=1.0)
    for k, v in kw.items():
        setattr(opts, k, v)
    return Fetcher(opts)


def test_fetches_a_page_with_a_user_agent_naming_newsmill(server: str) -> None:
    resp = fetcher().fetch(server + "/article")
    assert resp.status == 200 and resp.body == ARTICLE
    assert "newsmill" in fetcher().fetch(server + "/ua").body.decode()


def test_loopback_is_refused_without_allow_private(server: str) -> None:
    with pytest.raises(FetchError) as err:
        fetcher(allow_private=False).fetch(server + "/article")
    assert err.value.reason == "private address"
    for addr in ("10.1.2.3", "192.168.0.1", "169.254.169.254", "::1", "::ffff:127.0.0.1", "fe80::1"):
        assert not web.is_public(addr)
    assert web.is_public("93.184.216.34")


# (address, what it is): each must be refused without allow_private
REFUSED_IPV6 = [
    ("64:ff9b::7f00:1", "NAT64 well-known prefix around 127.0.0.1"),
    ("64:ff9b::a00:1", "NAT64 well-known prefix around 10.0.0.1"),
    ("64:ff9b::a9fe:a9fe", "NAT64 well-known prefix around 169.254.169.254 (cloud metadata)"),
    ("64:ff9b:1::5db8:d822", "NAT64 local-use prefix (RFC 8215), even around a public IPv4"),
    ("64:ff9b:1:7f00:0:100::", "NAT64 local-use /48 form around 127.0.0.1"),
    ("2002:7f00:1::1", "6to4 around 127.0.0.1"),
    ("2002:c0a8:1::1", "6to4 around 192.168.0.1"),
    ("2002:5db8:d822::1", "6to4 around a public IPv4: 6to4 is refused altogether"),
    ("2001:0:4136:e378:8000:63bf:80ff:fffe", "Teredo with client 127.0.0.1"),
    ("2001:0:4136:e378:8000:63bf:3fff:fdd2", "Teredo (RFC 4380 example): refused altogether"),
    ("::7f00:1", "IPv4-compatible 127.0.0.1"),
    ("::a00:1", "IPv4-compatible 10.0.0.1"),
    ("::5db8:d822", "IPv4-compatible around a public IPv4: deprecated, refused altogether"),
    ("::ffff:a9fe:a9fe", "IPv4-mapped 169.254.169.254"),
    ("fec0::1", "deprecated site-local"),
    ("4000::1", "unassigned (reserved) IPv6 space"),
    ("::ffff:c000:8", "IPv4-mapped 192.0.0.8 (IETF protocol assignments)"),
]
# Ranges Python's address table calls global although no web site lives there.
REFUSED_SPECIAL = [
    ("3fff::1", "IPv6 documentation prefix (RFC 9637)"),
    ("192.0.0.8", "IPv4 dummy address (IETF protocol assignments)"),
    ("192.0.0.9", "PCP anycast (IETF protocol assignments)"),
    ("192.88.99.1", "deprecated 6to4 relay anycast"),
]
ALLOWED = [
    ("93.184.216.34", "public IPv4"),
    ("64:ff9b::5db8:d822", "NAT64 well-known prefix around a public IPv4 (DNS64 on IPv6-only networks)"),
    ("::ffff:5db8:d822", "IPv4-mapped public IPv4"),
    ("2606:2800:220:1:248:1893:25c8:1946", "native global IPv6"),
    ("2a00:1450:4001:82b::200e", "native global IPv6"),
]


@pytest.mark.parametrize(("addr", "what"), REFUSED_IPV6)
def test_ipv6_forms_that_wrap_or_tunnel_ipv4_are_refused(addr: str, what: str) -> None:
    assert not web.is_public(addr), what


@pytest.mark.parametrize(("addr", "what"), REFUSED_SPECIAL)
def test_special_purpose_ranges_python_calls_global_are_refused(addr: str, what: str) -> None:
    assert not web.is_public(addr), what


@pytest.mark.parametrize(("addr", "what"), ALLOWED)
def test_public_addresses_are_allowed(addr: str, what: str) -> None:
    assert web.is_public(addr), what


def _resolving_to(*addrs: str) -> object:
    def getaddrinfo(host: str, port: int, *args: object, **kw: object) -> list[tuple[object, ...]]:
        return [(socket.AF_INET6 if ":" in a else socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, port))
                for a in addrs]
    return getaddrinfo


def test_a_host_resolving_only_to_wrapped_private_addresses_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(socket, "getaddrinfo", _resolving_to("64:ff9b::7f00:1", "2002:a00:1::1"))
    with pytest.raises(FetchError) as err:
        check_address("evil.example", 80, allow_private=False)
    assert err.value.reason == "private address" and "64:ff9b::7f00:1" in err.value.detail
    assert check_address("evil.example", 80, allow_private=True) == "64:ff9b::7f00:1"


def test_the_first_public_address_of_a_host_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(socket, "getaddrinfo",
                        _resolving_to("2001:0:4136:e378:8000:63bf:80ff:fffe", "64:ff9b::5db8:d822"))
    assert check_address("site.example", 443, allow_private=False) == "64:ff9b::5db8:d822"


def test_every_redirect_hop_is_checked_after_resolving(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # pretend 127.0.0.1 is public: the hop to 127.0.0.2 (loopback) must still be refused
    monkeypatch.setattr(web, "is_public", lambda addr: addr == "127.0.0.1")
    f = fetcher(allow_private=False)
    assert f.fetch(server + "/article").status == 200
    with pytest.raises(FetchError) as err:
        f.fetch(server + "/to-private")
    assert err.value.reason == "private address" and "127.0.0.2" in err.value.detail
    assert check_address("127.0.0.1", 80, allow_private=False) == "127.0.0.1"


def test_robots_txt_is_honoured(server: str) -> None:
    with pytest.raises(FetchError) as err:
        fetcher().fetch(server + "/private/x")
    assert err.value.reason == "robots"
    assert fetcher(respect_robots=False).fetch(server + "/private/x").status == 200


def test_redirect_loop_and_too_many_redirects(server: str) -> None:
    with pytest.raises(FetchError) as err:
        fetcher().fetch(server + "/loop")
    assert err.value.reason == "redirect loop"
    with pytest.raises(FetchError) as err:
        fetcher().fetch(server + "/chain/0")
    assert err.value.reason == "too many redirects"
    assert fetcher().fetch(server + "/chain/6").body == ARTICLE  # 4 hops: allowed


@pytest.mark.parametrize("path", ["/drip", "/drip-headers"])
def test_a_dripping_server_cannot_hold_past_the_total_deadline(server: str, path: str) -> None:
    start = time.monotonic()
    with pytest.raises(FetchError) as err:
        fetcher(total_timeout_s=1.0).fetch(server + path)
    assert err.value.reason == "timeout"
    assert time.monotonic() - start < 3.0


def test_a_server_that_never_answers_times_out() -> None:
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(5)  # accepts connections in the kernel, never reads or replies
    try:
        start = time.monotonic()
        with pytest.raises(FetchError) as err:
            fetcher(total_timeout_s=1.0).fetch(f"http://127.0.0.1:{silent.getsockname()[1]}/x")
        assert err.value.reason == "timeout" and time.monotonic() - start < 3.0
    finally:
        silent.close()


def test_size_caps_hold_also_after_decompression(server: str) -> None:
    with pytest.raises(FetchError) as err:
        fetcher(max_bytes=1_000_000).fetch(server + "/bomb")
    assert err.value.reason == "too large"
    with pytest.raises(FetchError) as err:
        fetcher(max_bytes=1_000_000).fetch(server + "/big")
    assert err.value.reason == "too large"


def test_gzip_bodies_read_every_member_and_ignore_trailing_garbage(server: str) -> None:
    assert fetcher().fetch(server + "/gzip-members").body == ARTICLE
    assert fetcher().fetch(server + "/gzip-garbage").body == ARTICLE


@pytest.mark.parametrize("path", ["/gzip-cut", "/deflate-cut"])
def test_a_truncated_compressed_body_is_refused(server: str, path: str) -> None:
    with pytest.raises(FetchError) as err:
        fetcher().fetch(server + path)
    assert err.value.reason == "bad encoding" and "cut short" in err.value.detail


def test_the_cap_counts_all_members_of_a_body(server: str) -> None:
    with pytest.raises(FetchError) as err:
        fetcher(max_bytes=1_000_000).fetch(server + "/member-bomb")
    assert err.value.reason == "too large" and "gzip bomb" in err.value.detail
    assert len(fetcher(max_bytes=2_000_000).fetch(server + "/member-bomb").body) == 1_800_000


# --- the bounded decoder itself (shared by fetched bodies, WARC payloads and .gz files) ----------------

def _decode_in_pieces(data: bytes, cuts: list[int], encoding: str = "gzip", cap: int = 10_000_000) -> bytes:
    decoder, out = Decoder(encoding), bytearray()
    bounds = sorted({0, len(data), *(c % (len(data) + 1) for c in cuts)})
    for a, b in zip(bounds, bounds[1:], strict=False):
        feed(decoder, data[a:b], out, cap)
    decoder.finish()
    return bytes(out)


@settings(max_examples=80, deadline=None)
@given(texts=st.lists(st.binary(max_size=3000), min_size=1, max_size=4), padding=st.integers(0, 20_000),
       cuts=st.lists(st.integers(0, 100_000), max_size=8))
def test_members_decode_to_their_concatenation_however_the_input_is_split(
        texts: list[bytes], padding: int, cuts: list[int]) -> None:
    members = [gzip.compress(t) for t in texts]
    data = members[0] + b"\0" * padding + b"".join(members[1:])  # zero padding between members
    assert _decode_in_pieces(data, cuts) == b"".join(texts)
    assert _decode_in_pieces(zlib.compress(texts[0]), cuts, "deflate") == texts[0]


@settings(max_examples=60, deadline=None)
@given(text=st.binary(max_size=5000), cut=st.integers(0, 10_000), cuts=st.lists(st.integers(0, 10_000)))
def test_any_cut_inside_a_member_is_an_error_never_a_silent_prefix(text: bytes, cut: int, cuts: list[int]) -> None:
    data = gzip.compress(text)
    with pytest.raises(DamagedStream, match="cut short"):
        _decode_in_pieces(data[: 1 + cut % (len(data) - 1)], cuts)


def test_an_endless_run_of_empty_members_stops_at_the_input_cap() -> None:
    empty = gzip.compress(b"")
    with pytest.raises(TooLarge) as err:
        inflate(empty * 5_000, "gzip", 50_000)
    assert "compressed data" in str(err.value)
    assert inflate(empty * 100 + gzip.compress(b"x"), "gzip", 50_000) == b"x"


def test_unknown_encodings_and_non_gzip_data_are_refused() -> None:
    with pytest.raises(ValueError, match="not supported"):
        inflate(b"abc", "br", 100)
    with pytest.raises(DamagedStream, match="not gzip"):
        inflate(b"<html>plain</html>", "gzip", 100)
    assert inflate(b"", "gzip", 100) == b""  # an empty body (204, HEAD) is not damage


def test_per_host_delay_spaces_requests(server: str) -> None:
    f = fetcher(host_delay_s=0.4, respect_robots=False)
    start = time.monotonic()
    f.fetch(server + "/article")
    f.fetch(server + "/article")
    f.fetch(server + "/article")
    assert time.monotonic() - start >= 0.8


def test_url_source_reports_each_failure_and_goes_on(server: str) -> None:
    urls = [server + p for p in ("/private/x", "/missing", "/pdf", "/loop", "/article")]
    opts = FetchOptions(allow_private=True, host_delay_s=0.0, total_timeout_s=2.0)
    out = list(pages_from_urls(urls, opts, lambda _: False))
    reasons = [o.reason for o in out if isinstance(o, Failure)]
    assert reasons == ["robots", "http 404", "not html", "redirect loop"]
    (task,) = [o for o in out if isinstance(o, Task)]
    assert task.key == server + "/article" and task.page.raw == ARTICLE and task.page.fetched


def test_politeness_waits_do_not_count_against_the_deadline(server: str) -> None:
    f = fetcher(host_delay_s=1.0, total_timeout_s=0.8, respect_robots=False)
    f.fetch(server + "/article")
    start = time.monotonic()
    assert f.fetch(server + "/article").body == ARTICLE
    assert time.monotonic() - start >= 0.9


class _Timed(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802
        self.server.times.append((self.path, time.monotonic()))  # type: ignore[attr-defined]
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(ARTICLE)))
        self.end_headers()
        self.wfile.write(ARTICLE)


def test_hosts_are_fetched_in_parallel_each_one_politely() -> None:
    servers = []
    for _ in range(2):
        httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Timed)
        httpd.times = []  # type: ignore[attr-defined]
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        servers.append(httpd)
    try:
        bases = [f"http://127.0.0.1:{s.server_address[1]}" for s in servers]
        urls = [f"{bases[0]}/a{i}" for i in range(3)] + [f"{bases[1]}/b{i}" for i in range(3)]
        opts = FetchOptions(allow_private=True, host_delay_s=0.4, fetch_threads=4)
        out = list(pages_from_urls(urls, opts, lambda _: False))
        assert [o.key for o in out] == urls  # input order kept
        for s in servers:
            starts = [t for path, t in s.times if path != "/robots.txt"]  # type: ignore[attr-defined]
            assert all(b - a >= 0.35 for a, b in zip(starts, starts[1:], strict=False))
        first_b = min(t for p, t in servers[1].times if p != "/robots.txt")  # type: ignore[attr-defined]
        last_a = max(t for p, t in servers[0].times)  # type: ignore[attr-defined]
        assert first_b < last_a  # the second host did not wait for the first
    finally:
        for s in servers:
            s.shutdown()
            s.server_close()
