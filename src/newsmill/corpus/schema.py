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


def _mention_sql(rows: dict[str, str]) -> str:
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
    clear = "".join(f"\n    DELETE FROM {t} WHERE article = old.rowid;" for t in rows)
    fill_new = "".join(sql.format(row="new") for sql in rows.values())
    backfill = "".join(sql.format(row="a").replace(
        "FROM json_each(a.record", "FROM articles a, json_each(a.record").replace(
        "GROUP BY 1;", "GROUP BY 1, 2;") for sql in rows.values())
    return (tables + backfill
            + f"\nCREATE TRIGGER mentions_ai AFTER INSERT ON articles BEGIN{fill_new}\nEND;"
            + f"\nCREATE TRIGGER mentions_au AFTER UPDATE OF record ON articles BEGIN{clear}{fill_new}\nEND;"
            + f"\nCREATE TRIGGER mentions_ad AFTER DELETE ON articles BEGIN{clear}\nEND;\n")


MENTIONS = _mention_sql(_MENTION_ROWS)

# Migration 5: a speaker whose record gives an empty id (a pronoun or role noun left unresolved:
# "sie", "the minister") names no one and gets no speaker row id; only a record from before ids
# existed (no id key at all) falls back to its lowercased name. Without this every "sie" of a
# corpus was one speaker. The quote rows and their entity_articles rows are rebuilt from the records.
_QUOTE_SPEAKER_V5 = """nullif(CASE WHEN json_type(e.value, '$.speaker.id') IS NULL
                THEN lower('per:' || json_extract(e.value, '$.speaker.name'))
                ELSE json_extract(e.value, '$.speaker.id') END, ''),"""
_MENTION_ROWS_V5 = dict(_MENTION_ROWS, quotes=_MENTION_ROWS["quotes"].replace(
    """nullif(coalesce(nullif(json_extract(e.value, '$.speaker.id'), ''),
                           lower('per:' || json_extract(e.value, '$.speaker.name'))), ''),""", _QUOTE_SPEAKER_V5))


def _unresolved_speakers_sql() -> str:
    rows = _MENTION_ROWS_V5
    clear = "".join(f"\n    DELETE FROM {t} WHERE article = old.rowid;" for t in rows)
    fill_new = "".join(sql.format(row="new") for sql in rows.values())
    refill = rows["quotes"].format(row="a").replace("FROM json_each(a.record", "FROM articles a, json_each(a.record")
    return ("DROP TRIGGER mentions_ai;\nDROP TRIGGER mentions_au;\nDELETE FROM quotes;" + refill + """
DELETE FROM entity_articles WHERE
    NOT EXISTS (SELECT 1 FROM mentions m WHERE m.entity = entity_articles.entity AND m.article = entity_articles.article)
    AND NOT EXISTS (SELECT 1 FROM places p WHERE p.entity = entity_articles.entity AND p.article = entity_articles.article)
    AND NOT EXISTS (SELECT 1 FROM quotes q WHERE q.speaker = entity_articles.entity AND q.article = entity_articles.article);"""
            + f"\nCREATE TRIGGER mentions_ai AFTER INSERT ON articles BEGIN{fill_new}\nEND;"
            + f"\nCREATE TRIGGER mentions_au AFTER UPDATE OF record ON articles BEGIN{clear}{fill_new}\nEND;\n")

# For the read side at scale (issue 10): an article's filter columns in a narrow table keyed by rowid
# (a facet or timeline over thousands of matches reads these few bytes per article instead of the
# article's multi-page row), and each entity's articles in date order (an entity page, an entity
# filter sorted by date and its co-mentions read one index range, not a union over three tables).
# ``entity_articles`` is filled from the mention tables as their rows appear (so it has exactly
# their ids) and cleared per article before its record changes, and on delete.
READ_SIDE = """
CREATE TABLE article_meta (
    rowid INTEGER PRIMARY KEY, published TEXT, site TEXT, source TEXT, language TEXT,
    quotes INTEGER NOT NULL
);
INSERT INTO article_meta
SELECT rowid, published, site, source, language, coalesce(json_array_length(record, '$.quotes'), 0)
FROM articles;
CREATE TRIGGER article_meta_ai AFTER INSERT ON articles BEGIN
    INSERT OR REPLACE INTO article_meta VALUES (new.rowid, new.published, new.site, new.source, new.language,
        coalesce(json_array_length(new.record, '$.quotes'), 0));
END;
CREATE TRIGGER article_meta_au AFTER UPDATE ON articles BEGIN
    DELETE FROM article_meta WHERE rowid = old.rowid;
    INSERT OR REPLACE INTO article_meta VALUES (new.rowid, new.published, new.site, new.source, new.language,
        coalesce(json_array_length(new.record, '$.quotes'), 0));
END;
CREATE TRIGGER article_meta_ad AFTER DELETE ON articles BEGIN
    DELETE FROM article_meta WHERE rowid = old.rowid;
END;
CREATE INDEX article_meta_published ON article_meta(published);

CREATE TABLE entity_articles (
    entity TEXT NOT NULL, published TEXT NOT NULL, article INTEGER NOT NULL,
    PRIMARY KEY (entity, published, article)
) WITHOUT ROWID;
CREATE INDEX entity_articles_article ON entity_articles(article);
INSERT OR IGNORE INTO entity_articles
SELECT m.entity, coalesce(a.published, ''), m.article FROM mentions m JOIN articles a ON a.rowid = m.article;
INSERT OR IGNORE INTO entity_articles
SELECT p.entity, coalesce(a.published, ''), p.article FROM places p JOIN articles a ON a.rowid = p.article;
INSERT OR IGNORE INTO entity_articles
SELECT q.speaker, coalesce(a.published, ''), q.article FROM quotes q JOIN articles a ON a.rowid = q.article
WHERE q.speaker IS NOT NULL;
CREATE TRIGGER entity_articles_bu BEFORE UPDATE OF record ON articles BEGIN
    DELETE FROM entity_articles WHERE article = old.rowid;
END;
CREATE TRIGGER entity_articles_ad AFTER DELETE ON articles BEGIN
    DELETE FROM entity_articles WHERE article = old.rowid;
END;
""" + "".join(f"""
CREATE TRIGGER entity_articles_{table}_ai AFTER INSERT ON {table} {when}BEGIN
    INSERT OR IGNORE INTO entity_articles VALUES (new.{col},
        coalesce((SELECT published FROM articles WHERE rowid = new.article), ''), new.article);
END;""" for table, col, when in (("mentions", "entity", ""), ("places", "entity", ""),
                                 ("quotes", "speaker", "WHEN new.speaker IS NOT NULL "))) + """
-- facets over a set of matched articles: every entity of an article, with its kind, from one index
CREATE INDEX mentions_article_label ON mentions(article, label, entity, name);
CREATE INDEX quotes_article_speaker ON quotes(article, speaker);
"""

# Migration 6: surnames and acronyms linked across articles (corpus/links.py). Which alias mention
# of which article was given which entity; forgotten when the article's record changes (its rows
# are then derived afresh from the record) or the article goes.
ENTITY_LINKS = """
CREATE TABLE entity_links (
    article INTEGER NOT NULL, alias TEXT NOT NULL, entity TEXT NOT NULL, PRIMARY KEY (alias, article)
) WITHOUT ROWID;
CREATE INDEX entity_links_article ON entity_links(article);
CREATE TRIGGER entity_links_bu BEFORE UPDATE OF record ON articles BEGIN
    DELETE FROM entity_links WHERE article = old.rowid;
END;
CREATE TRIGGER entity_links_ad AFTER DELETE ON articles BEGIN
    DELETE FROM entity_links WHERE article = old.rowid;
END;
"""

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
    (3, READ_SIDE),
    # a site, agency or language filter counts and charts from one index range
    (4, """
CREATE INDEX article_meta_site ON article_meta(site, published);
CREATE INDEX article_meta_source ON article_meta(source, published);
CREATE INDEX article_meta_language ON article_meta(language, published);
"""),
    (5, _unresolved_speakers_sql()),
    (6, ENTITY_LINKS),
)
