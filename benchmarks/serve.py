"""Web benchmark: latency of the main views of ``newsmill serve`` on a corpus of ≥ 100,000 articles.

The corpus is generated (once, cached in build/bench-serve-<N>.db): the enriched articles of the
bundled samples and tests/pages are the templates; each copy gets a new id, URL, site, date and
shuffled, word-substituted paragraphs, and its entities, places and quotes are redrawn from pools
of the templates' own entities (Zipf-distributed, so some people are very frequent, as in news),
at offsets that are real. Everything goes through ``Store.add``, so the mention tables are filled by
the migration's triggers exactly as in a real ingest.

Each request is timed through the ASGI app in-process (Starlette's test client, no network), as
CPU time of the process (``time.process_time``: the machine is shared, wall time would measure the
neighbours) and wall time. Queries are drawn from the corpus's own frequent words and entities.

    python benchmarks/serve.py [--articles 100000] [--requests 200]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsmill.article import Article, Entity, Place, Quote, Speaker  # noqa: E402
from newsmill.corpus.schema import MIGRATIONS  # noqa: E402
from newsmill.corpus.store import Store  # noqa: E402

SITES = [f"www.news{i}.example" for i in range(40)]
AGENCIES = ["dpa", "APA", "Reuters", "AFP", "AP", None, None, None]


def templates() -> list[Article]:
    """Enriched articles of the shipped sample pages (extracted and enriched here, in-process)."""
    from newsmill import extract

    out = []
    for path in sorted([*(ROOT / "samples").glob("*.html"), *(ROOT / "samples").glob("*.txt"),
                        *(ROOT / "tests" / "pages").rglob("*.html")]):
        try:
            out.append(extract(path.read_bytes(), enrich=True))
        except Exception as exc:  # a page that fails is simply not a template
            print(f"skip {path.name}: {exc}", file=sys.stderr)
    return [a for a in out if a.text]


def generate(path: Path, n: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    base = templates()
    people = sorted({(e.name, e.id) for a in base for e in a.entities if e.label == "PER" and e.id})
    orgs = sorted({(e.name, e.id) for a in base for e in a.entities if e.label == "ORG" and e.id})
    places = sorted({(p.name, p.id, p.country, p.lat, p.lon) for a in base for p in a.places if p.lat is not None},
                    key=str)
    vocab = sorted({w for a in base for w in a.text.split() if w.isalpha() and len(w) > 3})
    zipf = [1 / (k + 1) for k in range(max(len(people), len(orgs), len(places)))]
    print(f"{len(base)} templates, {len(people)} people, {len(orgs)} organisations, {len(places)} places, "
          f"{len(vocab)} words", file=sys.stderr)
    started = time.process_time()
    with Store(path) as store:
        for start in range(0, n, 2000):
            with store.transaction():
                for i in range(start, min(n, start + 2000)):
                    store.add(_variant(rng, base[i % len(base)], i, people, orgs, places, vocab, zipf))
            print(f"\r{min(n, start + 2000)} articles", end="", file=sys.stderr)
    print(f"\ngenerated in {time.process_time() - started:.0f} s CPU", file=sys.stderr)


def _variant(rng: random.Random, t: Article, i: int, people: list, orgs: list, places: list, vocab: list,
             zipf: list) -> Article:
    paras = [p for p in t.text.split("\n\n") if p][:12]
    rng.shuffle(paras)
    words = [w if rng.random() > 0.15 else rng.choice(vocab) for w in " ".join(paras).split(" ")]
    text = " ".join(words)
    a = Article(id=f"b{i:07d}", url=f"https://{rng.choice(SITES)}/story/{i}", site=rng.choice(SITES),
                source=rng.choice(AGENCIES), language=t.language, title=f"{t.title or 'Story'} ({i})",
                published=f"20{rng.randint(19, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T08:00:00",
                authors=[f"Autor {rng.randint(1, 500)}"])
    chosen = []
    for pool, label in ((people, "PER"), (orgs, "ORG")):
        if pool:
            for name, eid in rng.choices(pool, weights=zipf[:len(pool)], k=rng.randint(1, 5)):
                chosen.append((name, eid, label))
    geo = rng.choices(places, weights=zipf[:len(places)], k=rng.randint(0, 3)) if places else []
    extra = [name for name, _, _ in chosen] + [p[0] for p in geo]
    text = text + "\n\n" + " ".join(extra) + "."
    a.text = text
    a.lead = paras[0][:300] if paras else None
    cursor = len(text) - len(" ".join(extra)) - 1
    for name, eid, label in chosen:
        a.entities.append(Entity(cursor, cursor + len(name), name, label, name, eid))  # type: ignore[arg-type]
        cursor += len(name) + 1
    for name, pid, country, lat, lon in geo:
        a.places.append(Place(cursor, cursor + len(name), name, name, pid, None, country, lat, lon))
        a.entities.append(Entity(cursor, cursor + len(name), name, "LOC", name, pid))
        cursor += len(name) + 1
    for q in t.quotes[:3]:
        if chosen and rng.random() < 0.6:
            name, eid, _ = chosen[0]
            a.quotes.append(Quote(0, min(len(text), len(q.text)), text[:len(q.text)], q.kind,
                                  Speaker(0, 0, name, name, eid)))
    return a


def bench(path: Path, requests: int, seed: int = 11) -> list[tuple[str, float, float, float, float]]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient
    from newsmill.web.server import create_app

    rng = random.Random(seed)
    client = TestClient(create_app(path))
    conn = Store(path, readonly=True).conn
    ids = [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY random() LIMIT ?", (requests,))]
    ents = [r[0] for r in conn.execute("SELECT entity FROM mentions GROUP BY entity ORDER BY count(*) DESC "
                                       "LIMIT 200")]
    words = [r[0] for r in conn.execute("SELECT term FROM articles_fts_v ORDER BY doc DESC LIMIT 300")] \
        if _vocab(conn) else ["Polizei", "Regierung"]
    views = {
        "search + facets + timeline (HTML)": lambda: f"/search?q={rng.choice(words)}",
        "search + facets (API)": lambda: f"/api/search?q={rng.choice(words)}",
        "search, two words + filter": lambda: f"/api/search?q={rng.choice(words)}+{rng.choice(words)}"
                                              f"&language=de&sort=date",
        "front page (no query: whole-corpus facets)": lambda: "/",
        "timeline (API)": lambda: f"/api/timeline?q={rng.choice(words)}",
        "article page": lambda: f"/articles/{rng.choice(ids)}",
        "entity page": lambda: f"/entities/{rng.choice(ents)}",
        "quotes by speaker": lambda: f"/quotes?speaker={rng.choice(ents)}",
        "places map": lambda: f"/places?q={rng.choice(words)}",
    }
    out = []
    for name, url in views.items():
        cpu, wall = [], []
        n = requests if "front" not in name else max(10, requests // 10)
        for _ in range(n):
            u = url()
            c0, w0 = time.process_time(), time.perf_counter()
            r = client.get(u)
            cpu.append((time.process_time() - c0) * 1000)
            wall.append((time.perf_counter() - w0) * 1000)
            if r.status_code != 200:
                print(f"{u}: {r.status_code}", file=sys.stderr)
        out.append((name, _pct(cpu, 50), _pct(cpu, 95), _pct(cpu, 99), statistics.median(wall)))
    return out


def _vocab(conn) -> bool:  # type: ignore[no-untyped-def]
    """A read-only database cannot get an fts5vocab table: use one that exists, else fall back."""
    return bool(conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'articles_fts_v'").fetchone())


def _pct(values: list[float], p: int) -> float:
    v = sorted(values)
    return v[min(len(v) - 1, int(len(v) * p / 100))]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--requests", type=int, default=200)
    args = ap.parse_args()
    path = ROOT / "build" / f"bench-serve-{args.articles}.db"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        generate(path, args.articles)
        with Store(path) as store:  # a vocabulary view for drawing realistic query words
            store.conn.execute("CREATE VIRTUAL TABLE articles_fts_v USING fts5vocab(articles_fts, 'row')")
    # The read side's tables come from schema migrations, applied by any writable open (as
    # `newsmill enrich --db` or an ingest would): a corpus built by an older newsmill is upgraded here.
    with Store(path, readonly=True) as store:
        behind = store.schema_version() < MIGRATIONS[-1][0]
    if behind:
        started = time.process_time()
        Store(path).close()
        print(f"schema upgraded to version {MIGRATIONS[-1][0]} in {time.process_time() - started:.1f} s CPU",
              file=sys.stderr)
    with Store(path, readonly=True) as store:
        n = store.conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        m = store.conn.execute("SELECT count(*) FROM mentions").fetchone()[0]
    rows = bench(path, args.requests)
    print(f"\n{n:,} articles, {m:,} entity mentions; {args.requests} requests per view, in-process; "
          "latency in ms (CPU time; wall p50 beside)\n")
    print("| view | p50 | p95 | p99 | wall p50 |\n| --- | ---: | ---: | ---: | ---: |")
    for name, p50, p95, p99, w50 in rows:
        print(f"| {name} | {p50:.1f} | {p95:.1f} | {p99:.1f} | {w50:.1f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
