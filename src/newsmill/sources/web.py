"""A polite, bounded fetcher on the standard library (http.client + urllib.robotparser).

Why the standard library: the safety rules need control that high-level clients hide. The host
is resolved once per hop, every address is checked (no loopback/private/link-local unless
allowed) and the connection is pinned to the checked address, so DNS rebinding cannot slip
past the check; a watchdog timer shuts the socket at the total deadline, so a server that
drips bytes cannot hold the worker; bodies are inflated by hand up to the cap.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import http.client
import ipaddress
import socket
import ssl
import threading
import time
import urllib.robotparser
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from urllib.parse import SplitResult, urljoin, urlsplit

from newsmill.page import Page
from newsmill.sources.bounded import DamagedStream, Decoder, TooLarge, UnsupportedEncoding, feed
from newsmill.sources.files import MAX_PAGE_BYTES
from newsmill.sources.items import Failure, Item, Task

USER_AGENT = "newsmill/0.1 (+https://github.com/newsmill/newsmill; news article extraction)"
# Seconds between two requests to the same host: one request a second is the common courtesy.
DEFAULT_HOST_DELAY_S = 1.0
# A robots.txt Crawl-delay above this is capped: it would otherwise stall a batch for hours.
MAX_CRAWL_DELAY_S = 30.0
DEFAULT_CONNECT_TIMEOUT_S = 10.0
# The whole fetch of one URL (all redirects, headers and body) must finish within this.
DEFAULT_TOTAL_TIMEOUT_S = 30.0
MAX_REDIRECTS = 5
# Hosts fetched in parallel: fetching is waiting, not computing; 8 keeps a list spread over many
# sites moving without opening hundreds of sockets.
DEFAULT_FETCH_THREADS = 8
# URLs submitted ahead per thread, so a slow host does not idle the other threads.
_FETCH_WINDOW_PER_THREAD = 4
_REDIRECTS = (301, 302, 303, 307, 308)
_READ_CHUNK = 65_536
_TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


@dataclass
class FetchOptions:
    allow_private: bool = False
    user_agent: str = USER_AGENT
    connect_timeout_s: float = DEFAULT_CONNECT_TIMEOUT_S
    total_timeout_s: float = DEFAULT_TOTAL_TIMEOUT_S
    max_bytes: int = MAX_PAGE_BYTES
    max_redirects: int = MAX_REDIRECTS
    host_delay_s: float = DEFAULT_HOST_DELAY_S
    respect_robots: bool = True
    fetch_threads: int = DEFAULT_FETCH_THREADS


class FetchError(Exception):
    """A URL could not be fetched; ``reason`` is a short category for the stats."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


@dataclass
class Response:
    url: str
    status: int
    headers: dict[str, str]
    body: bytes
    fetched: str = field(default_factory=lambda: dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"))


def check_address(host: str, port: int, allow_private: bool) -> str:
    """Resolve ``host`` and return an address it is safe to connect to, else FetchError."""
    return allowed_addresses(host, port, allow_private)[0]


def allowed_addresses(host: str, port: int, allow_private: bool) -> list[str]:
    """Every address of ``host`` it is safe to connect to, in resolver order; FetchError if none."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, ValueError) as exc:
        raise FetchError("dns", f"cannot resolve {host}: {exc}") from exc
    allowed: list[str] = []
    refused = []
    for info in infos:
        addr = str(info[4][0])
        if allow_private or is_public(addr):
            if addr not in allowed:
                allowed.append(addr)
        else:
            refused.append(addr)
    if allowed:
        return allowed
    raise FetchError("private address",
                     f"{host} resolves to {', '.join(refused)}: loopback/private/link-local addresses "
                     "(also inside IPv6) and IPv6 tunnel addresses are refused "
                     "(use --allow-private to permit them)")


def split_url(url: str) -> tuple[SplitResult, int]:
    """The parts of an http(s) URL and its port; FetchError("bad url") for anything malformed
    (an unclosed IPv6 bracket, a port out of range), so one bad line never stops a batch."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
        host = parts.hostname
    except ValueError as exc:
        raise FetchError("bad url", f"{url!r}: {exc}") from exc
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not host:
        raise FetchError("bad url", f"only http(s) URLs with a host can be fetched: {url!r}")
    return parts._replace(scheme=scheme), port or (443 if scheme == "https" else 80)


def is_public(addr: str) -> bool:
    """Whether ``addr`` may be fetched without ``allow_private``.

    An IPv6 address that carries an IPv4 address is judged by the IPv4 address (IPv4-mapped, NAT64
    well-known prefix); the deprecated transition forms are refused whatever they carry (see
    ``_is_tunnel``). Besides ``is_global``: multicast, reserved (unassigned IPv6 space, where no
    real site lives) and the deprecated IPv6 site-local fec0::/10 (still routed inside some networks)
    are refused."""
    ip = ipaddress.ip_address(addr.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.is_site_local or _is_tunnel(ip):
            return False
        inner = _embedded_ipv4(ip)
        if inner is not None:
            return _public(inner)
    return _public(ip)


def _public(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    return (ip.is_global and not (ip.is_multicast or ip.is_reserved)
            and not any(ip in net for net in _NOT_SITES if net.version == ip.version))


# Ranges Python's table (3.11) calls global in which no web site lives: the IETF protocol
# assignments 192.0.0.0/24 (RFC 6890: dummy, NAT64 discovery and anycast service addresses), the
# deprecated 6to4 relay anycast 192.88.99.0/24 (RFC 7526: a tunnel, like 2002::/16) and the IPv6
# documentation prefix 3fff::/20 (RFC 9637, newer than the table).
_NOT_SITES = (ipaddress.ip_network("192.0.0.0/24"), ipaddress.ip_network("192.88.99.0/24"),
              ipaddress.ip_network("3fff::/20"))


# IPv6 forms refused outright (``_is_tunnel``), and why. 6to4 (RFC 3056, deprecated by RFC 7526)
# and Teredo (RFC 4380) are tunnels: the packet goes to a relay or to the IPv4 address inside, which unwraps it and forwards
# it to an IPv6 host behind it, so checking the embedded IPv4 alone would not tell where it ends up;
# no news site is reachable only that way (its A or native AAAA record is used instead). The NAT64
# local-use prefix (RFC 8215) is an operator's private network, and where its IPv4 sits depends on
# the operator's prefix length (RFC 6052 2.2), so it cannot be checked. IPv4-compatible ::a.b.c.d
# (deprecated by RFC 4291 2.5.5.1) is only reachable through automatic tunnels (Linux sit0 routes
# ::/96 into IPv4, ::7f00:1 to 127.0.0.1).
_NAT64_LOCAL_USE = ipaddress.IPv6Network("64:ff9b:1::/48")
_IPV4_COMPATIBLE = ipaddress.IPv6Network("::/96")
# RFC 6052: the well-known NAT64 prefix carries the IPv4 address in its last 32 bits. DNS64 makes
# such addresses for IPv4-only sites on IPv6-only networks, so they must work when the IPv4 is public.
_NAT64_WELL_KNOWN = ipaddress.IPv6Network("64:ff9b::/96")
_LOW_32_BITS = 0xFFFF_FFFF


def _is_tunnel(ip: ipaddress.IPv6Address) -> bool:
    return (ip.sixtofour is not None or ip.teredo is not None
            or ip in _NAT64_LOCAL_USE or ip in _IPV4_COMPATIBLE)


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip in _NAT64_WELL_KNOWN:
        return ipaddress.IPv4Address(int(ip) & _LOW_32_BITS)
    return None


@dataclass
class _Deadline:
    """When the fetch of one URL must be over (moved on by politeness waits, which are ours)."""

    at: float


def _connect_any(addrs: Sequence[str], port: int, timeout: float | None, remaining: Callable[[], float]) -> socket.socket:
    """Connect to the first of the checked ``addrs`` that answers; each attempt gets what is left
    of the total deadline (at most ``timeout``), so a host whose connect hangs cannot outlast it."""
    last: OSError = TimeoutError("no time left to connect")
    for addr in addrs:
        left = remaining()
        if left <= 0:
            break
        try:
            return socket.create_connection((addr, port), min(timeout or left, left))
        except OSError as exc:
            last = exc
    raise last


class _PinnedHTTP(http.client.HTTPConnection):
    """Connects to the addresses that were checked, not to whatever DNS says a moment later."""

    def __init__(self, host: str, port: int, addrs: Sequence[str], timeout: float,
                 remaining: Callable[[], float]) -> None:
        super().__init__(host, port, timeout=timeout)
        self.addrs = addrs
        self.remaining = remaining

    def connect(self) -> None:
        self.sock = _connect_any(self.addrs, self.port, self.timeout, self.remaining)


class _PinnedHTTPS(http.client.HTTPSConnection):
    def __init__(self, host: str, port: int, addrs: Sequence[str], timeout: float,
                 remaining: Callable[[], float]) -> None:
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self.addrs = addrs
        self.remaining = remaining

    def connect(self) -> None:
        sock = _connect_any(self.addrs, self.port, self.timeout, self.remaining)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)  # type: ignore[attr-defined]


class Fetcher:
    """Fetches URLs politely: robots.txt, one request at a time per host with a delay, bounded everything.

    Thread-safe: several threads may fetch through one Fetcher (different hosts in parallel)."""

    def __init__(self, options: FetchOptions | None = None, clock: Callable[[], float] = time.monotonic) -> None:
        self.options = options or FetchOptions()
        self._clock = clock
        self._last: dict[str, float] = {}
        self._delay: dict[str, float] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser | FetchError | None] = {}
        # Fetcher is shared by the fetch threads: per-host and per-site locks, one guard for the tables
        self._guard = threading.Lock()
        self._host_locks: dict[str, threading.Lock] = {}
        self._site_locks: dict[str, threading.Lock] = {}

    def _lock_for(self, table: dict[str, threading.Lock], key: str) -> threading.Lock:
        with self._guard:
            return table.setdefault(key, threading.Lock())

    def fetch(self, url: str) -> Response:
        """GET ``url`` following at most ``max_redirects`` redirects; FetchError on any refusal."""
        deadline = _Deadline(self._clock() + self.options.total_timeout_s)
        split_url(url)  # a malformed URL is refused before robots.txt is asked
        seen = {url}
        for _ in range(self.options.max_redirects + 1):
            self._allowed(url, deadline)
            resp = self._get(url, deadline)
            location = resp.headers.get("location")
            if resp.status not in _REDIRECTS or not location:
                return resp
            try:
                url = urljoin(url, location)
            except ValueError as exc:
                raise FetchError("bad url", f"redirect to a malformed location {location!r}") from exc
            if url in seen:
                raise FetchError("redirect loop", f"redirects back to {url}")
            seen.add(url)
        raise FetchError("too many redirects", f"more than {self.options.max_redirects} redirects")

    # --- robots.txt and politeness ---------------------------------------------------------------
    def _allowed(self, url: str, deadline: _Deadline) -> None:
        if not self.options.respect_robots:
            return
        parts, _ = split_url(url)
        site = f"{parts.scheme}://{parts.netloc}"
        with self._lock_for(self._site_locks, site):  # load each robots.txt once
            if site not in self._robots:
                self._robots[site] = self._load_robots(site, deadline)
        rules = self._robots[site]
        if isinstance(rules, FetchError):
            raise FetchError(rules.reason, f"robots.txt of {site}: {rules.detail}")
        if rules is not None and not rules.can_fetch(self.options.user_agent, url):
            raise FetchError("robots", f"robots.txt of {site} disallows {parts.path or '/'}")

    def _load_robots(self, site: str,
                     deadline: _Deadline) -> urllib.robotparser.RobotFileParser | FetchError | None:
        try:
            resp = self._get(site + "/robots.txt", deadline)
        except FetchError as exc:
            return exc  # host unreachable or refused: every URL of it fails the same way, fast
        if resp.status >= 500:
            # RFC 9309 2.3.1.4: an unreachable robots.txt means "assume complete disallow"
            return FetchError("robots", f"robots.txt answered {resp.status}; assuming disallow")
        if resp.status >= 300:
            return None  # 4xx (and unfollowed redirects): no rules, everything allowed (RFC 9309)
        parser = urllib.robotparser.RobotFileParser()
        parser.parse(resp.body.decode("utf-8", "replace").splitlines())
        delay = parser.crawl_delay(self.options.user_agent)
        if delay:
            self._delay[urlsplit(site).netloc] = min(float(delay), MAX_CRAWL_DELAY_S)
        return parser

    def _wait_turn(self, host: str, deadline: _Deadline) -> None:
        """Sleep until this host may be asked again; the wait is politeness, not the server's time."""
        delay = max(self.options.host_delay_s, self._delay.get(host, 0.0))
        wait = self._last.get(host, -1e9) + delay - self._clock()
        if wait > 0:
            time.sleep(wait)
            deadline.at += wait

    # --- one request ------------------------------------------------------------------------------
    def _get(self, url: str, deadline: _Deadline) -> Response:
        parts, port = split_url(url)
        addrs = allowed_addresses(str(parts.hostname), port, self.options.allow_private)
        lock = self._lock_for(self._host_locks, parts.netloc)
        queued = self._clock()
        with lock:  # one request at a time per host, however many fetch threads
            deadline.at += self._clock() - queued
            self._wait_turn(parts.netloc, deadline)
            return self._request(url, parts, port, addrs, deadline)

    def _request(self, url: str, parts: SplitResult, port: int, addrs: Sequence[str],
                 deadline: _Deadline) -> Response:
        cls = _PinnedHTTPS if parts.scheme == "https" else _PinnedHTTP
        conn = cls(str(parts.hostname), port, addrs, self.options.connect_timeout_s,
                   lambda: deadline.at - self._clock())
        watchdog = threading.Timer(max(0.0, deadline.at - self._clock()), _abort, (conn,))
        watchdog.daemon = True
        watchdog.start()
        try:
            return self._exchange(conn, url, parts, deadline)
        except FetchError:
            raise
        except (TooLarge, UnsupportedEncoding, DamagedStream) as exc:
            raise FetchError("too large" if isinstance(exc, TooLarge) else "bad encoding", str(exc)) from exc
        except (OSError, http.client.HTTPException, ValueError) as exc:
            if self._clock() >= deadline.at or isinstance(exc, TimeoutError):
                raise FetchError("timeout", f"no complete answer within the deadline from {url}") from exc
            raise FetchError("connection", f"{type(exc).__name__}: {exc}") from exc
        finally:
            watchdog.cancel()
            conn.close()
            self._last[parts.netloc] = self._clock()

    def _exchange(self, conn: http.client.HTTPConnection, url: str, parts: SplitResult,
                  deadline: _Deadline) -> Response:
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        conn.request("GET", path, headers={
            "User-Agent": self.options.user_agent, "Accept": "text/html,application/xhtml+xml,text/plain;q=0.8,*/*;q=0.5",
            "Accept-Encoding": "gzip, deflate", "Connection": "close"})
        resp = conn.getresponse()
        headers = {k.lower(): v for k, v in resp.getheaders()}
        if resp.status in _REDIRECTS:
            return Response(url, resp.status, headers, b"")
        length = headers.get("content-length", "")
        if length.isdigit() and int(length) > self.options.max_bytes:
            raise FetchError("too large", f"Content-Length {length} is over the {self.options.max_bytes}-byte cap")
        body = self._read_body(conn, resp, headers.get("content-encoding"), deadline)
        return Response(url, resp.status, headers, body)

    def _read_body(self, conn: http.client.HTTPConnection, resp: http.client.HTTPResponse,
                   encoding: str | None, deadline: _Deadline) -> bytes:
        decoder = Decoder(encoding)
        out = bytearray()
        while True:
            remaining = deadline.at - self._clock()
            if remaining <= 0:
                raise FetchError("timeout", "the body did not arrive within the total deadline")
            if conn.sock is not None:
                conn.sock.settimeout(min(remaining, self.options.connect_timeout_s))
            chunk = resp.read1(_READ_CHUNK)
            if not chunk:
                decoder.finish()
                return bytes(out)
            feed(decoder, chunk, out, self.options.max_bytes)


def _abort(conn: http.client.HTTPConnection) -> None:
    """Called by the watchdog at the deadline: unblocks any read stuck on the socket."""
    sock = conn.sock
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)


def page_from_response(resp: Response) -> Page | Failure:
    if not 200 <= resp.status < 300:
        return Failure(resp.url, "fetch", f"http {resp.status}", f"{resp.url} answered {resp.status}")
    ctype = resp.headers.get("content-type", "").lower()
    if ctype and not ctype.startswith(_TEXT_TYPES):
        return Failure(resp.url, "fetch", "not html", f"content type {ctype!r}")
    fmt = "text" if ctype.startswith("text/plain") else "auto"
    return Page(raw=resp.body, url=resp.url, headers={"content-type": resp.headers.get("content-type", "")},
                fetched=resp.fetched, input_format=fmt)  # type: ignore[arg-type]


def pages_from_urls(urls: Sequence[str], options: FetchOptions,
                    skip: Callable[[str], bool]) -> Iterator[Item]:
    """Fetch the URLs on ``options.fetch_threads`` threads sharing one Fetcher (so robots.txt and
    per-host delays are shared); different hosts go in parallel, one host one request at a time.
    Items come out in input order."""
    from concurrent.futures import Future, ThreadPoolExecutor

    fetcher = Fetcher(options)
    window: deque[Future[Item]] = deque()
    threads = max(1, options.fetch_threads)
    with ThreadPoolExecutor(threads, thread_name_prefix="newsmill-fetch") as pool:
        for url in urls:
            if skip(url):
                continue
            window.append(pool.submit(_fetch_item, fetcher, url))
            if len(window) >= threads * _FETCH_WINDOW_PER_THREAD:
                yield window.popleft().result()
        while window:
            yield window.popleft().result()


def _fetch_item(fetcher: Fetcher, url: str) -> Item:
    try:
        resp = fetcher.fetch(url)
    except FetchError as exc:
        return Failure(url, "fetch", exc.reason, exc.detail)
    except (ValueError, UnicodeError) as exc:  # any other malformed-URL spelling the parser rejects late
        return Failure(url, "fetch", "bad url", f"{url!r}: {exc}")
    page = page_from_response(resp)
    if isinstance(page, Failure):
        page.key = url
        return page
    return Task(url, page, size=len(resp.body))
