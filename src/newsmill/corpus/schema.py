"""The store's schema as numbered migrations; each is applied once and recorded in ``migrations``."""

from __future__ import annotations

# What an article's record says it mentions, as rows the web views can index: entities (people,
# organisations, places, other names) by id, places with their coordinates, quotes by speaker, and
# authors. Filled from the stored JSON by triggers, so every writer keeps them in step with
# ``articles`` without knowing of them, and backfilled from the records already there, so an
# existing corpus gains them on its next writable open. An entity without an id (a record from
# before ids existed) is grouped by its label and lowercased name.
_MENTION_ROWS = {
    "mentions": """
    INSERT INTO mentions(entity, article, label, name, n)
    SELECT coalesce(nullif(json_extract(e.value, '$.id'), ''),
                    lower(json_extract(e.value, '$.label') || ':' || json_extract(e.value, '$.name'))),
           {row}.rowid, json_extract(e.value, '$.label'), max(json_extract(e.value, '$.name')), count(*)
    FROM json_each({row}.record, '$.entities') e GROUP BY 1;""",
    "places": """
    INSERT INTO places(entity, article, name, country, lat, lon, n)
    SELECT coalesce(nullif(json_extract(e.value, '$.id'), ''), lower('loc:' || json_extract(e.value, '$.name'))),
           {row}.rowid, max(json_extract(e.value, '$.name')), max(json_extract(e.value, '$.country')),
           max(json_extract(e.value, '$.lat')), max(json_extract(e.value, '$.lon')), count(*)
    FROM json_each({row}.record, '$.places') e GROUP BY 1;""",
    "quotes": """
    INSERT INTO quotes(article, i, speaker, speaker_name, kind, text, cue)
    SELECT {row}.rowid, e.key,
           nullif(coalesce(nullif(json_extract(e.value, '$.speaker.id'), ''),
                           lower('per:' || json_extract(e.value, '$.speaker.name'))), ''),
           json_extract(e.value, '$.speaker.name'), json_extract(e.value, '$.kind'),
           json_extract(e.value, '$.text'), json_extract(e.value, '$.cue.text')
    FROM json_each({row}.record, '$.quotes') e;""",
    "authors": """
    INSERT INTO authors(article, name)
    SELECT DISTINCT {row}.rowid, e.value FROM json_each({row}.record, '$.authors') e;""",
}


def _mention_sql() -> str:
    tables = """
CREATE TABLE mentions (
    entity TEXT NOT NULL, article INTEGER NOT NULL, label TEXT, name TEXT, n INTEGER NOT NULL,
    PRIMARY KEY (entity, article)
) WITHOUT ROWID;
CREATE INDEX mentions_article ON mentions(article, entity);
CREATE TABLE places (
    entity TEXT NOT NULL, article INTEGER NOT NULL, name TEXT, country TEXT, lat REAL, lon REAL,
    n INTEGER NOT NULL, PRIMARY KEY (entity, article)
) WITHOUT ROWID;
CREATE INDEX places_article ON places(article, entity);
CREATE TABLE quotes (
    article INTEGER NOT NULL, i INTEGER NOT NULL, speaker TEXT, speaker_name TEXT, kind TEXT,
    text TEXT, cue TEXT, PRIMARY KEY (article, i)
);
CREATE INDEX quotes_speaker ON quotes(speaker, article);
CREATE TABLE authors (article INTEGER NOT NULL, name TEXT NOT NULL, PRIMARY KEY (name, article)) WITHOUT ROWID;
CREATE INDEX authors_article ON authors(article);
"""
    clear = "".join(f"\n    DELETE FROM {t} WHERE article = old.rowid;" for t in _MENTION_ROWS)
    fill_new = "".join(sql.format(row="new") for sql in _MENTION_ROWS.values())
    backfill = "".join(sql.format(row="a").replace(
        "FROM json_each(a.record", "FROM articles a, json_each(a.record").replace(
        "GROUP BY 1;", "GROUP BY 1, 2;") for sql in _MENTION_ROWS.values())
    return (tables + backfill
            + f"\nCREATE TRIGGER mentions_ai AFTER INSERT ON articles BEGIN{fill_new}\nEND;"
            + f"\nCREATE TRIGGER mentions_au AFTER UPDATE OF record ON articles BEGIN{clear}{fill_new}\nEND;"
            + f"\nCREATE TRIGGER mentions_ad AFTER DELETE ON articles BEGIN{clear}\nEND;\n")


MENTIONS = _mention_sql()

# (version, SQL). Append only: a released migration is never edited, a new one is added.
MIGRATIONS: tuple[tuple[int, str], ...] = (
    (1, """
CREATE TABLE articles (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    url TEXT,
    site TEXT,
    source TEXT,
    language TEXT,
    published TEXT,
    title TEXT,
    lead TEXT,
    text TEXT NOT NULL,
    text_hash TEXT NOT NULL,
    group_id TEXT,
    input TEXT,
    ingested TEXT NOT NULL,
    record TEXT NOT NULL
);
CREATE INDEX articles_site ON articles(site);
CREATE INDEX articles_language ON articles(language);
CREATE INDEX articles_source ON articles(source);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_text_hash ON articles(text_hash);
CREATE INDEX articles_group ON articles(group_id);

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, lead, text, content='articles', content_rowid='rowid',
    tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, lead, text) VALUES (new.rowid, new.title, new.lead, new.text);
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, lead, text)
    VALUES ('delete', old.rowid, old.title, old.lead, old.text);
END;
CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, lead, text)
    VALUES ('delete', old.rowid, old.title, old.lead, old.text);
    INSERT INTO articles_fts(rowid, title, lead, text) VALUES (new.rowid, new.title, new.lead, new.text);
END;

-- exact duplicates: stored once, every other id/url that had the same text points to the kept one
CREATE TABLE duplicates (
    id TEXT PRIMARY KEY,
    url TEXT,
    same_as TEXT NOT NULL,
    input TEXT
);

-- near duplicates: MinHash signatures and their LSH band keys, so the index survives restarts
CREATE TABLE minhash (id TEXT PRIMARY KEY, signature BLOB NOT NULL);
CREATE TABLE lsh_bands (
    band INTEGER NOT NULL, key INTEGER NOT NULL, id TEXT NOT NULL,
    PRIMARY KEY (band, key, id)
) WITHOUT ROWID;

CREATE TABLE failures (
    n INTEGER PRIMARY KEY,
    input TEXT NOT NULL,
    stage TEXT NOT NULL,
    reason TEXT NOT NULL,
    detail TEXT,
    at TEXT NOT NULL
);
CREATE INDEX failures_input ON failures(input);

-- inputs (pages, whole files) already handled: a rerun skips them
CREATE TABLE done_inputs (key TEXT PRIMARY KEY, status TEXT NOT NULL, at TEXT NOT NULL);
"""),
    (2, MENTIONS),
)
