"""WARCs for the scale tests and benchmark: generated news pages with distinct texts, a
near-duplicate pair across archives, and page functions that misbehave on cue."""

from __future__ import annotations

import io
import os
import random
from pathlib import Path

from newsmill.page import Page

_SYLLABLES = ["ka", "ber", "lin", "to", "mar", "sen", "ul", "ri", "fo", "das", "nek", "pi", "gu", "wen",
              "hor", "sta", "me", "lo", "vri", "zan"]


def words(rng: random.Random, n: int) -> str:
    return " ".join("".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))) for _ in range(n))


def article_html(title: str, paragraphs: list[str]) -> bytes:
    body = "".join(f"<p>{p}.</p>" for p in paragraphs)
    return (f"<html><head><title>{title}</title></head><body><nav>Home Sport</nav><article><h1>{title}</h1>"
            f"{body}</article><footer>Impressum</footer></body></html>").encode()


def write_warc(path: Path, pages: list[tuple[str, bytes]], truncate_last: bool = False) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=not truncate_last)
    for uri, body in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                                      http_headers=headers))
    data = buf.getvalue()
    path.write_bytes(data[: len(data) - 200] if truncate_last else data)


def news_pages(seed: int, n: int, host: str = "news.example") -> list[tuple[str, bytes]]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        title = words(rng, 5).title()
        out.append((f"https://{host}/{seed}/{i}", article_html(title, [words(rng, 40) for _ in range(4)])))
    return out


def make_warcs(folder: Path, count: int, per_warc: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for w in range(count):
        path = folder / f"crawl-{w:02d}.warc.gz"
        write_warc(path, news_pages(w, per_warc))
        paths.append(path)
    return paths


def page_work(page: Page, marker: str = "") -> object:
    """The real page work, except on cue: a URL with "poison" exits its process, one with
    "kill-worker" kills the Dask worker process above it (once, remembered in ``marker``)."""
    from newsmill.run.pipeline import process_page

    url = page.url or ""
    if "poison" in url:
        os._exit(7)  # not 3, which the pool reads as "out of memory"
    if "kill-worker" in url and marker and not os.path.exists(marker):
        Path(marker).write_text("killed")
        # page process -> fork server -> Dask worker process
        with open(f"/proc/{os.getppid()}/stat") as f:
            worker = int(f.read().rsplit(")", 1)[1].split()[1])
        os.kill(worker, 9)
    return process_page(page, enrich=False)


def private_mb_after_page(page: Page) -> tuple[int, int]:
    """Page-process work for the sharing test: extract the page, then (private dirty, RSS) in MB."""
    from newsmill.run.pipeline import process_page

    process_page(page)
    fields: dict[str, int] = {}
    with open("/proc/self/smaps_rollup") as f:
        for line in f:
            parts = line.split()
            if len(parts) == 3 and parts[2] == "kB":
                fields[parts[0].rstrip(":")] = int(parts[1]) // 1024
    return fields["Private_Dirty"], fields["Rss"]
