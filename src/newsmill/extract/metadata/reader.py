"""Page metadata: what a news page says about itself, read from one parsed lxml.html tree.

Interface (stable; the HTML body extractor calls it)::

    from newsmill.extract.metadata.reader import PageMetadata, read_metadata
    meta = read_metadata(doc, url)    # doc: lxml.html.HtmlElement of the whole page
    meta = read_metadata(doc, url, MetadataOptions(extensive_date_search=False))  # faster
    meta = read_metadata(doc, url, index=index_page(doc))  # an index the caller reuses

``read_metadata`` never raises on page content and never modifies ``doc``. Every field may be
empty. ``PageMetadata`` fields:

- ``title``: the article headline, without "| Site name" decorations.
- ``lead``: the standfirst / description (og:description, meta description, JSON-LD).
- ``section``: rubric (article:section, JSON-LD articleSection, breadcrumbs, else the h1 kicker).
- ``authors``: person names, cleaned ("Von", "By", roles, dates, agencies removed; "A und B" split).
- ``source``: the agency or original publisher credited ("dpa", "APA", "Reuters", ...).
- ``published`` / ``modified``: ISO 8601 (a date-time with offset when the page gives one; a
  plain date when only the day is known). ``published`` is the original publication date.
- ``canonical_url``: absolute (an archived copy's: the original address); ``site``: site name or host; ``language``: declared, ISO 639-1.
- ``images``: absolute URLs of the lead images (og:image, JSON-LD image).
- ``body``: JSON-LD ``articleBody`` text when the page ships it (else ``None``); for a
  ``LiveBlogPosting`` without one, its ``liveBlogUpdate`` posts (headline and body each).
- ``free``: JSON-LD ``isAccessibleForFree`` (``None`` when not declared); ``paywalled``: the
  ``cssSelector`` of the parts it marks as not free (Google's paywall markup).
- ``keywords``: tags and keywords; ``warnings``: what was broken or doubtful (e.g. bad JSON-LD).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

from lxml.html import HtmlElement

from newsmill.extract.metadata import jsonld
from newsmill.extract.metadata.authors import agency_of, byline_candidates, clean_authors, text_credits
from newsmill.extract.metadata.dates import normalize_date, printed_date, time_element_date
from newsmill.extract.metadata.dom import breadcrumb_section, meta_tags
from newsmill.extract.metadata.index import PageIndex, index_page
from newsmill.extract.metadata.markup_dates import markup_date
from newsmill.extract.metadata.titles import MAX_TITLE_CHARS, choose_title, h1_kicker, strip_site, text_key

__all__ = ["MetadataOptions", "PageMetadata", "read_metadata", "strip_site"]

# A template's placeholder the site never filled in ("{$plugin.tx_news.opengraph.site_name}",
# "{{ page.title }}", "${title}", "<%= site %>"): no value, so the next source is asked.
_PLACEHOLDER = re.compile(r"\{\$|\{\{|\$\{|<%")

# Keywords beyond this many are tag spam.
MAX_KEYWORDS = 30
# Lead images beyond this many are galleries, which the body extractor reads from the DOM.
MAX_IMAGES = 10

_LANGUAGE_META = ("content-language", "dc.language", "language", "og:locale")
_PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "article.published",
    "published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publication_date",
    "date",
    "dc.date.issued",
    "dc.date",
    "dcterms.date",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
    "article:post_date",
    "og:pubdate",
)
_MODIFIED_META = (
    "article:modified_time",
    "og:updated_time",
    "datemodified",
    "last-modified",
    "dcterms.modified",
    "article:modified",
)
_AUTHOR_META = (
    "author",
    "article:author",
    "article:author_name",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
    "byl",
    "og:article:author",
    "shareaholic:article_author_name",
)


@dataclass
class MetadataOptions:
    """How hard ``read_metadata`` looks.

    ``extensive_date_search``: when neither structured data, meta tags, <time> nor the rest of the
    date markup (``markup_dates``) give a date, search the printed text (``dates.printed_date``,
    on the ~1 in 8 pages that need it; it gains ~3 points of date accuracy on trafeval-de-dev).
    """

    extensive_date_search: bool = True


@dataclass
class PageMetadata:
    """What a page declares about its article; see the module docstring for each field."""

    title: str | None = None
    lead: str | None = None
    section: str | None = None
    authors: list[str] = field(default_factory=list)
    source: str | None = None
    published: str | None = None
    modified: str | None = None
    canonical_url: str | None = None
    site: str | None = None
    language: str | None = None
    images: list[str] = field(default_factory=list)
    body: str | None = None
    keywords: list[str] = field(default_factory=list)
    free: bool | None = None
    paywalled: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass
class _Sources:
    """Everything read once from the page, shared by the field readers."""

    doc: HtmlElement
    index: PageIndex
    url: str | None
    meta: dict[str, list[str]]
    objects: list[dict[str, Any]]
    article: dict[str, Any]

    def first_meta(self, *names: str) -> str | None:
        for name in names:
            for value in self.meta.get(name, []):
                cleaned = " ".join(value.split())
                if cleaned and not _PLACEHOLDER.search(cleaned):
                    return cleaned
        return None

    def ld(self, key: str) -> Any:
        return self.article.get(key)


def read_metadata(doc: HtmlElement, url: str | None = None, options: MetadataOptions | None = None,
                  index: PageIndex | None = None) -> PageMetadata:
    """Read the page's metadata; never raises on page content (problems become warnings).

    ``index``: the page's elements sorted in one pass (``index_page(doc)``), when the caller has
    it already; it must describe ``doc`` as it is now."""
    meta = PageMetadata()
    try:
        _read_into(meta, doc, index or index_page(doc), url, options or MetadataOptions())
    except Exception as exc:  # a metadata bug must not lose the article body
        meta.warnings.append(f"metadata: reading stopped early ({type(exc).__name__}: {exc})")
    return meta


def _read_into(meta: PageMetadata, doc: HtmlElement, index: PageIndex, url: str | None,
               options: MetadataOptions) -> None:
    objects, warnings = jsonld.read_jsonld(index.tagged("script"))
    meta.warnings.extend(warnings)
    src = _Sources(doc, index, url, meta_tags(index), objects, jsonld.pick_article(objects) or {})
    meta.canonical_url = _canonical(src)
    meta.site = _site(src, meta.canonical_url or url)
    sites = _site_names(src, meta.site, meta.canonical_url)
    meta.title = choose_title(index, _title_candidates(src), sites)
    meta.lead = jsonld.text_of(src.ld("description")) or src.first_meta(
        "og:description", "description", "twitter:description"
    )
    meta.section = _section(src, [meta.title or "", *sites])
    meta.authors, meta.source = _authors_and_source(src, sites)
    meta.published, meta.modified = _dates(src, options)
    meta.language = _language(src)
    meta.images = _images(src)
    meta.body = _body(src)
    meta.keywords = _keywords(src)
    meta.free, meta.paywalled = _access(src)


# A web archive's replay URL (the Wayback scheme many archives share): "/web/20150206075900/http://…",
# "/wayback/20160330101229id_/https://…". The page's own address is the URL after the timestamp.
_ARCHIVED = re.compile(r"/\d{8,14}(?:[a-z]{2}_)?/(https?:/{1,2}.+)$", re.I)


def unarchived(link: str) -> str:
    """The original address of an archived copy's URL; any other URL as it is."""
    m = _ARCHIVED.search(link)
    if not m:
        return link
    # some archives collapse the "//" of the embedded URL to one slash
    return re.sub(r"^(https?:)/+", r"\1//", m.group(1), flags=re.I)


def _absolute(link: str | None, base: str | None) -> str | None:
    if not link:
        return None
    link = link.strip()
    if base:
        link = urljoin(base, link)
    return unarchived(link) if urlsplit(link).scheme in ("http", "https") else None


def _canonical(src: _Sources) -> str | None:
    for link in src.index.tagged("link"):
        if "canonical" in (link.get("rel") or "").lower().split():
            found = _absolute(link.get("href"), src.url)
            if found:
                return found
    return _absolute(src.first_meta("og:url"), src.url)


def _site(src: _Sources, url: str | None) -> str | None:
    publisher = src.ld("publisher")
    names = [
        src.first_meta("og:site_name"),
        src.first_meta("application-name"),
        jsonld.text_of(publisher) if isinstance(publisher, dict | list) else None,
    ]
    for name in names:
        if name and "://" in name:
            name = urlsplit(name).hostname
        if name and not name.startswith(("@", "#")):
            return name.removeprefix("www.")
    host = urlsplit(unarchived(url)).hostname if url else None
    return host.removeprefix("www.") if host else None


def _site_names(src: _Sources, site: str | None, canonical_url: str | None) -> list[str]:
    names = [n for n in (site, src.first_meta("og:site_name"), jsonld.text_of(src.ld("publisher"))) if n]
    for link in (src.url, canonical_url):
        host = urlsplit(unarchived(link)).hostname if link else None
        if host:
            names.append(host.removeprefix("www."))
    return names


def _title_candidates(src: _Sources) -> list[str]:
    found = [
        jsonld.text_of(src.ld("headline")),
        src.first_meta("og:title"),
        src.first_meta("twitter:title"),
        jsonld.text_of(src.ld("name")),
    ]
    titles = src.index.tagged("title")
    if titles:
        found.append(" ".join(titles[0].text_content().split()))
    return [f[:MAX_TITLE_CHARS] for f in found if f]


def _section(src: _Sources, not_sections: list[str]) -> str | None:
    """The rubric; a comma list ("Politik, Inland") gives its first entry."""
    section = jsonld.text_of(src.ld("articleSection")) or src.first_meta("article:section", "section")
    section = section or breadcrumb_section(src.index, src.objects) or h1_kicker(src.index)
    section = section.split(",")[0].strip() if section else None
    if not section or section.startswith(("@", "#")) or text_key(section) in {text_key(n) for n in not_sections if n}:
        return None  # the headline or the site name, not a section
    return section


def _authors_and_source(src: _Sources, sites: list[str]) -> tuple[list[str], str | None]:
    """Authors from the first of JSON-LD, meta tags and byline elements that names someone."""
    ld_names, source = _jsonld_authors(jsonld.resolve(src.ld("author"), jsonld.by_id(src.objects)))
    meta_names = [v for v in (src.first_meta(n) for n in _AUTHOR_META) if v and "://" not in v]
    credited = None
    for candidates in (ld_names, meta_names, None):
        found, credit = clean_authors(byline_candidates(src.index.bylines) if candidates is None else candidates)
        credited = credited or credit
        authors = _not_the_site(found, sites)
        if authors:
            break
    source = source or credited or _credited_source(src)
    return authors, source


def _not_the_site(names: list[str], sites: list[str]) -> list[str]:
    """Drop "authors" that are the site itself (CMS templates fill author with the site name)."""
    keys = {text_key(s) for s in sites} | {text_key(s.rsplit(".", 1)[0]) for s in sites if "." in s}
    return [n for n in names if text_key(n) not in keys]


def _jsonld_authors(value: Any) -> tuple[list[str], str | None]:
    """Person names of JSON-LD ``author``; an agency given as the author becomes the source, and
    other organisations are not authors (they are mostly the publisher itself)."""
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    source = None
    for item in items:
        name = jsonld.text_of(item)
        if not name or "://" in name:
            continue
        kind = jsonld.types_of(item) if isinstance(item, dict) else set()
        agency = agency_of(name)
        if agency:
            source = source or agency
            continue
        if kind & _ORGANIZATION_TYPES:
            continue
        names.append(name)
    return names, source


_ORGANIZATION_TYPES = frozenset({"organization", "newsmediaorganization", "corporation", "localbusiness"})


def _credited_source(src: _Sources) -> str | None:
    for key in ("sourceOrganization", "isBasedOn", "copyrightHolder", "creditText", "provider"):
        name = jsonld.text_of(src.ld(key))
        agency = agency_of(name)
        if agency:
            return agency
        # A named source organisation that is no known agency still counts; isBasedOn and the
        # rest are too often citations, URLs or the publisher itself.
        if key == "sourceOrganization" and name and _looks_like_org_name(name):
            return name
    for text in text_credits(src.index.tagged("p")):
        agency = agency_of(text)
        if agency:
            return agency
    return None


# An organisation credited as a source is a short name, not a citation with years and pages.
MAX_SOURCE_CHARS = 40


def _looks_like_org_name(name: str) -> bool:
    return len(name) <= MAX_SOURCE_CHARS and "://" not in name and not any(c.isdigit() for c in name)


def _dates(src: _Sources, options: MetadataOptions) -> tuple[str | None, str | None]:
    # Meta tags before JSON-LD, as htmldate orders them: where the two differ by day the meta
    # tag agreed with the page's visible date 2 times out of 3 on trafeval-de-dev (weak evidence).
    published = _first_date(src, _PUBLISHED_META)
    published = published or normalize_date(jsonld.text_of(src.ld("datePublished")))
    published = published or normalize_date(time_element_date(src.index.tagged("time")))
    modified = normalize_date(jsonld.text_of(src.ld("dateModified"))) or _first_date(src, _MODIFIED_META)
    if not published:
        published = markup_date(src.index, src.url)
    if not published and options.extensive_date_search:
        # The printed-text search costs more than the markup; only pages without any markup
        # date pay for it.
        published = printed_date(src.doc, src.index)
    if published and modified and modified[:10] < published[:10]:
        modified = None  # a "modification" before publication is a template date
    return published, modified


def _first_date(src: _Sources, names: tuple[str, ...]) -> str | None:
    for name in names:
        for value in src.meta.get(name, []):
            found = normalize_date(value)
            if found:
                return found
    return None


def _language(src: _Sources) -> str | None:
    from newsmill.extract.language import normalise_code

    declared = src.doc.get("lang") or src.doc.get("xml:lang")
    declared = declared or src.first_meta(*_LANGUAGE_META) or jsonld.text_of(src.ld("inLanguage"))
    return normalise_code(declared)


def _images(src: _Sources) -> list[str]:
    found: list[str] = []
    raw = src.meta.get("og:image", []) + src.meta.get("og:image:url", []) + src.meta.get("twitter:image", [])
    raw += jsonld.urls_of(src.ld("image"))
    for link in raw:
        absolute = _absolute(link, src.url)
        if absolute and absolute not in found:
            found.append(absolute)
    return found[:MAX_IMAGES]


def _body(src: _Sources) -> str | None:
    import html

    body = src.ld("articleBody")
    if isinstance(body, str) and body.strip():
        return html.unescape(body).strip()
    # A live blog's posts are its body: each update's headline and text, newest first as shipped.
    updates = src.ld("liveBlogUpdate")
    posts: list[str] = []
    for update in updates if isinstance(updates, list) else [updates]:
        text = update.get("articleBody") if isinstance(update, dict) else None
        if isinstance(text, str) and text.strip():
            head = jsonld.text_of(update.get("headline"))
            posts.extend([head] if head else [])
            posts.append(html.unescape(text).strip())
    return "\n".join(posts) or None


def _access(src: _Sources) -> tuple[bool | None, list[str]]:
    """``isAccessibleForFree`` of the article and the selectors of the parts marked not free."""
    free = _flag(src.ld("isAccessibleForFree"))
    parts = src.ld("hasPart")
    selectors: list[str] = []
    for part in parts if isinstance(parts, list) else [parts]:
        if isinstance(part, dict) and _flag(part.get("isAccessibleForFree")) is False:
            selector = part.get("cssSelector")
            if isinstance(selector, str) and selector.strip():
                selectors.append(selector.strip())
    return free, selectors


def _flag(value: Any) -> bool | None:
    """A schema.org Boolean: true/false, or the strings pages write ("False", "false", "no")."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false", "yes", "no"):
        return value.strip().lower() in ("true", "yes")
    return None


def _keywords(src: _Sources) -> list[str]:
    raw: list[str] = []
    ld_keywords = src.ld("keywords")
    if isinstance(ld_keywords, list):
        raw.extend(k for k in ld_keywords if isinstance(k, str))
    elif isinstance(ld_keywords, str):
        raw.extend(ld_keywords.split(","))
    for name in ("news_keywords", "keywords"):
        for value in src.meta.get(name, []):
            raw.extend(value.split(","))
    raw.extend(src.meta.get("article:tag", []))
    out: list[str] = []
    seen: set[str] = set()
    for word in raw:
        cleaned = " ".join(word.split())
        if cleaned and cleaned.casefold() not in seen:
            seen.add(cleaned.casefold())
            out.append(cleaned)
    return out[:MAX_KEYWORDS]
