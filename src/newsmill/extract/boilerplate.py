"""HTML boilerplate: which page parts are not the article, and why.

The words (CMS class names, calls to action, section cues, credits, date words) are data in
``newsmill/data/lexicon/*.json``, read through ``extract.lexicon``; this module keeps only the
HTML tag and role tables (HTML itself, not language) and the code that compiles and applies the
words to whole blocks. Reasons come from the fixed ``RemovedReason`` vocabulary.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import cast

from newsmill.article import RemovedReason
from newsmill.extract.lexicon import DEFAULT_LANGUAGES, cue_key, read_table, table_groups, table_words
from newsmill.patterns import alternation

# --- tables ------------------------------------------------------------------------------------

# Elements whose tag alone says what they are (HTML5 sectioning and form controls).
TAG_REASONS: dict[str, RemovedReason] = {
    "nav": "navigation",
    "footer": "footer",
    "aside": "teaser",
    "form": "call_to_action",
    "button": "call_to_action",
    "select": "markup",
    "option": "markup",
    "textarea": "markup",
    "label": "markup",
    "dialog": "consent",
    "menu": "navigation",
}

# ARIA landmark roles.
ROLE_REASONS: dict[str, RemovedReason] = {
    "navigation": "navigation",
    "contentinfo": "footer",
    "complementary": "teaser",
    "search": "navigation",
    "menu": "navigation",
    "menubar": "navigation",
    "alertdialog": "consent",
    "banner": "navigation",
}

# Date lines are short; a longer line with a date in it is a sentence.
DATE_LINE_MAX_CHARS = 80
# A section cue is a heading, or a short line standing alone (a bold "Mehr zum Thema").
SECTION_CUE_MAX_CHARS = 60
# Text mode's line cues of these reasons are section cues too (see ``_section_cues``).
SECTION_CUE_LINE_REASONS: tuple[str, ...] = ("teaser", "comments")


# --- compiled forms ----------------------------------------------------------------------------

# CMS classes that name a taxonomy value ("tag-newsletter", "category-ads") say nothing about the
# element's role; WordPress puts them on the <article> itself.
_TAXONOMY = re.compile(r"(?:^|\s)(?:tag|category|post|postid|format|status|type|topic)-\S*")
# "hidden" alone is not trusted: themes use "hidden-xs" for responsive hiding of visible text.
_HIDDEN = re.compile(r"sr-only|screen-reader|visually-?hidden|element-invisible")


@lru_cache(maxsize=1)
def _token_index() -> tuple[re.Pattern[str] | None, dict[str, RemovedReason], tuple[tuple[str, RemovedReason], ...]]:
    """The class words: whole words, and prefixes for entries ending in "*". A class word matches
    a whole run of ASCII letters and digits of the class/id string; the regex (over all words)
    is there only when some word has other characters and cannot be matched run by run."""
    exact: dict[str, RemovedReason] = {}
    prefixes: list[tuple[str, RemovedReason]] = []
    alternatives: list[str] = []
    for reason, tokens in table_groups("class_tokens", shared=("common",)).items():
        for tok in tokens:
            tok = tok.lower().replace("-", "")
            if not tok.rstrip("*"):  # a blank entry would match between any two words
                continue
            if tok.endswith("*"):
                prefixes.append((tok[:-1], cast(RemovedReason, reason)))
                alternatives.append(re.escape(tok[:-1]) + "[a-z0-9]*")
            else:
                exact.setdefault(tok, cast(RemovedReason, reason))
                alternatives.append(re.escape(tok))
    alternatives.sort(key=len, reverse=True)
    words = [*exact, *(p for p, _ in prefixes)]
    pattern = None
    if not all(_RUN.fullmatch(w) for w in words):
        pattern = re.compile(r"(?<![a-z0-9])(" + "|".join(alternatives) + r")(?![a-z0-9])")
    return pattern, exact, tuple(prefixes)


# A run of ASCII letters and digits: the unit a class word must fill ("nav" in "main-nav", not in
# "canvas").
_RUN = re.compile(r"[a-z0-9]+")


@lru_cache(maxsize=16384)
def _run_reason(run: str) -> RemovedReason | None:
    """The reason of one run of a class/id string. Runs repeat across sites far more than whole
    class strings do ("container", "col", "wrapper"), so this cache hits where the other misses."""
    _, exact, prefixes = _token_index()
    hit = exact.get(run)
    if hit is not None:
        return hit
    return next((reason for prefix, reason in prefixes if run.startswith(prefix)), None)


@lru_cache(maxsize=8192)
def reason_for_attrs(attrs: str) -> RemovedReason | None:
    """The boilerplate reason a class/id string implies, or None. Cached: sites repeat classes."""
    if is_content_attrs(attrs):
        return None
    low = attrs.lower()
    if "-" in low:
        low = _TAXONOMY.sub(" ", low)
        if _HIDDEN.search(low):
            return "markup"
    pattern, exact, prefixes = _token_index()
    if pattern is None:
        # The first run that is a class word decides, as a regex search would.
        for run in _RUN.findall(low):
            reason = _run_reason(run)
            if reason is not None:
                return reason
        return None
    m = pattern.search(low)
    if m is None:
        return None
    word = m.group(1)
    hit = exact.get(word)
    if hit is not None:
        return hit
    return next((reason for prefix, reason in prefixes if word.startswith(prefix)), None)


@lru_cache(maxsize=4)
def _word_regex(key: str) -> re.Pattern[str]:
    """Whole-word matches (hyphens inside a word allowed) of the class words of list ``key``."""
    tokens = table_words(key, (), shared=("common",))
    return re.compile(r"(?<![a-z0-9])(?:" + alternation(tokens) + r")(?![a-z0-9])")


@lru_cache(maxsize=4096)
def is_paywall_attrs(attrs: str) -> bool:
    """A class/id naming a paywall or registration box ("paywall", "piano-offer", "tp-modal")."""
    return _word_regex("paywall_tokens").search(attrs.lower()) is not None


@lru_cache(maxsize=1024)
def is_permalink_attrs(attrs: str) -> bool:
    """A class naming a heading's permalink or edit link ("headerlink", "mw-editsection")."""
    return _word_regex("permalink_tokens").search(attrs.lower()) is not None


@lru_cache(maxsize=8192)
def is_content_attrs(attrs: str) -> bool:
    squashed = attrs.lower().replace("-", "").replace("_", "")
    return _content_regex().search(squashed) is not None


@lru_cache(maxsize=1)
def _content_regex() -> re.Pattern[str]:
    tokens = table_words("content_tokens", (), shared=("common",))
    return re.compile(alternation(t.replace("-", "") for t in tokens))


@lru_cache(maxsize=1)
def _cta_words() -> frozenset[str]:
    """One-word calls to action that make up a whole block ("Share", "Schließen")."""
    return frozenset(k for c in table_groups("lines").get("call_to_action", ()) if " " not in (k := cue_key(c)))


@lru_cache(maxsize=1)
def _cta_regex() -> re.Pattern[str]:
    """Short blocks starting with a call to action ("Lesen Sie auch", "Sign up") are not article text."""
    # Text mode's multi-word calls to action also open a block ("Zum Newsletter anmelden");
    # its one-word cues ("Teilen") only count as the whole block (``_cta_words``).
    lines = table_groups("lines").get("call_to_action", ())
    cues = table_words("cta_prefixes") + tuple(c for c in lines if " " in cue_key(c))
    return re.compile("^(?:" + alternation(cues) + r")(?:\W|$)")


@lru_cache(maxsize=1)
def credit_regex() -> re.Pattern[str]:
    """Photo credit shapes in any language of the press: "Foto: …", "© …", "… / dpa", "REUTERS/…"."""
    agencies = read_table("agencies")
    patterns = (
        rf"(?:^|\s|\()(?:{alternation(table_words('credit_prefixes'))})\s*:\s*\S",
        r"©|\(c\)\s|\bcopyright\b",
        rf"(?:^|\s)/\s*(?:{alternation(tuple(agencies['photo']) + tuple(agencies['news']))})\b",
        # Case-sensitive: "Reuters reported" is a sentence, "REUTERS" a credit.
        rf"(?-i:\b(?:{alternation(tuple(agencies['credit_marks']))})\b)",
    )
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.I)


# A block longer than this is article text even when it opens like a call to action.
CTA_MAX_CHARS = 120
# Credit lines are short; a longer block that mentions "Reuters" is a news sentence.
CREDIT_MAX_CHARS = 160
# Cookie banners are paragraphs, but a long text about cookies is an article.
CONSENT_MAX_CHARS = 600
# How many banner cues a block needs before it is taken as a consent notice.
CONSENT_MIN_CUES = 2


# "More in Minnesota Wild", "Mehr aus Hamburg": a recirculation cue may name its topic in a few
# words; other cues ("Kommentare", "About the author") must stand alone, so that "Kommentare der
# Opposition" stays a heading of the article.
SECTION_CUE_TOPIC_WORDS = 3


@lru_cache(maxsize=1)
def _section_cues() -> tuple[re.Pattern[str], dict[str, RemovedReason]]:
    groups = table_groups("section_cues")
    table = {cue: cast(RemovedReason, reason) for reason, cues in groups.items() for cue in cues}
    # Text mode's multi-word teaser and comment cues also open such a box. Its one-word cues do
    # not: "Diskussion", "News" or "Themen" are also headings inside articles.
    lines = table_groups("lines")
    for reason in SECTION_CUE_LINE_REASONS:
        for cue in lines.get(reason, ()):
            if " " in cue:
                table.setdefault(cue, cast(RemovedReason, reason))
    return re.compile("^(" + alternation(table) + r")\b(.*)$", re.S), table


def section_cue(text: str, alone: bool = False) -> RemovedReason | None:
    """The reason a heading like "Mehr zum Thema" or "Related stories" closes the article: it opens
    a recirculation, comment, contact or author box, and what follows it in the same section goes
    too. ``alone``: the cue must be the whole text (a short paragraph, "Kontakt:", is a cue only
    then)."""
    if len(text) > SECTION_CUE_MAX_CHARS:
        return None
    pattern, table = _section_cues()
    m = pattern.match(text.lower())
    if m is None:
        return None
    reason = table[m.group(1)]
    rest = _ALPHA_WORD.findall(m.group(2))
    if not rest or (not alone and reason == "teaser" and len(rest) <= SECTION_CUE_TOPIC_WORDS):
        return reason
    return None


def reason_for_text(text: str) -> RemovedReason | None:
    """A reason to drop a short block on its words alone (calls to action, credits, banners)."""
    n = len(text)
    if n <= CTA_MAX_CHARS:
        low = text.lower().lstrip(" -–—•|*>»«()[]")
        if _cta_regex().match(low) or (cue_key(low) in _cta_words() and not _HAS_DIGIT.search(low)):
            return "call_to_action"
        if low.startswith(_label_prefixes()):
            return "navigation"
        if n <= DATE_LINE_MAX_CHARS and is_date_line(low):
            return "other"
    if n <= CREDIT_MAX_CHARS and is_credit_line(text):
        return "credit"
    if is_caption_line(text):
        return "credit"
    if n <= CONSENT_MAX_CHARS:
        low = text.lower()
        if "cookie" in low and sum(cue in low for cue in _consent_cues()) >= CONSENT_MIN_CUES:
            return "consent"
        if n <= EMBED_CONSENT_MAX_CHARS and _is_embed_placeholder(low):
            return "consent"
    return None


# An embed's consent placeholder ("Wir respektieren deine Privatsphäre und stellen ohne dein
# Einverständnis keine Verbindung zu Twitter her") is two or three sentences.
EMBED_CONSENT_MAX_CHARS = 400


@lru_cache(maxsize=1)
def _embed_consent() -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """The consent and the embed phrases, each as one substring search (None: no phrases)."""
    groups = table_groups("embed_consent")

    def phrases(key: str) -> re.Pattern[str] | None:
        words = [w for w in groups.get(key, ()) if w]
        return re.compile("|".join(re.escape(w) for w in words)) if words else None

    return phrases("consent"), phrases("embed")


def _is_embed_placeholder(low: str) -> bool:
    """A consent phrase and an embed phrase together: a social or video embed waiting for consent."""
    consent, embed = _embed_consent()
    return consent is not None and embed is not None and consent.search(low) is not None \
        and embed.search(low) is not None


@lru_cache(maxsize=1)
def _label_prefixes() -> tuple[str, ...]:
    """Label lines of tag and category lists: "Themen: Ehrenamt, Jugend", "Filed under: Politics"."""
    return table_words("label_prefixes")


@lru_cache(maxsize=1)
def _consent_cues() -> tuple[str, ...]:
    """Phrases that only appear in cookie and privacy banners."""
    return table_words("consent_cues")


@lru_cache(maxsize=1)
def _date_words() -> frozenset[str]:
    """Words of date and time lines ("15. Mai 2019, 05:28 Uhr", "Updated on Nov 18, 2019 at 3:59 PM")."""
    months = {m for lang in DEFAULT_LANGUAGES for m in read_table(lang).get("months", {})}
    return frozenset(months.union(table_words("date_line_words")))


@lru_cache(maxsize=1)
def _byline_prefixes() -> tuple[str, ...]:
    return table_words("byline_prefixes")


def _is_byline(low: str) -> bool:
    """Starts with a byline cue ("von", "by", "text:") that ends at a word boundary ("Vonovia" does not)."""
    prefixes = _byline_prefixes()
    if not low.startswith(prefixes):  # one C call rules out nearly every line
        return False
    return any(
        low.startswith(p) and (len(low) == len(p) or not low[len(p)].isalpha()) for p in prefixes
    )


_ALPHA_WORD = re.compile(r"[^\W\d_]+")
# "1. Registrieren" is a step of a list, not a button: a one-word call to action has no digits.
_HAS_DIGIT = re.compile(r"\d")
_NUMERIC_DATE = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\d{1,2}:\d{2}")


def is_date_line(low: str) -> bool:
    """A line made of a date and time only (plus words like "Uhr", "updated")."""
    if not any(map(str.isdigit, low)):
        return False
    words = _ALPHA_WORD.findall(low)
    date_words = _date_words()
    if not all(w in date_words for w in words):
        return False
    # A bare number ("57", "2019") is a table cell or a count; a date line has a date or a time.
    return bool(words) or _NUMERIC_DATE.search(low) is not None


# "Protesters in Hong Kong (Image: GETTY)": a caption outside <figure>, its credit in parentheses.
@lru_cache(maxsize=1)
def _trailing_credit() -> re.Pattern[str]:
    words = alternation(table_words("photo_prefixes"))
    return re.compile(rf"\((?:{words})\s*:[^()]{{1,60}}\)\s*$", re.I)


# Captions are a sentence or two; longer blocks ending in a credit are article text with a photo note.
CAPTION_MAX_CHARS = 300


# "Blick auf den Hafen. © Anna Muster / dpa": a caption outside <figure> that ends in its credit.
# The credit is a name or two and an agency; a longer tail after the mark is a sentence that
# mentions a copyright.
CAPTION_CREDIT_TAIL_CHARS = 80


@lru_cache(maxsize=1)
def _closing_credit() -> re.Pattern[str]:
    words = alternation(table_words("credit_prefixes"))
    return re.compile(rf"(?:©|\(c\)|(?:^|\s|\()(?:{words})\s*:)", re.I)


def is_caption_line(text: str) -> bool:
    if len(text) > CAPTION_MAX_CHARS:
        return False
    # The parenthesised credit closes the line: a line not ending in ")" is not searched for it.
    if text.rstrip().endswith(")") and _trailing_credit().search(text) is not None:
        return True
    m = _closing_credit().search(text, max(0, len(text) - CAPTION_CREDIT_TAIL_CHARS))
    return m is not None and m.start() > CREDIT_LEAD_CHARS


def is_credit_line(text: str) -> bool:
    """A line that is only a credit or byline ("Foto: dpa", "© Reuters", "Von Anna Muster")."""
    low = text.lower()
    if _is_byline(low) and len(text.split()) <= BYLINE_MAX_WORDS:  # the cheap test first
        return True
    # Only a credit starting near the line's start counts: trying the pattern at those few
    # positions gives what a search's leftmost match would, without scanning the rest.
    prefix = text[:CREDIT_PREFIX_CHARS]
    match = credit_regex().match
    return any(match(prefix, pos) is not None for pos in range(CREDIT_LEAD_CHARS + 1))


# A byline "Von Anna Muster und Max Beispiel, Berlin" has few words; longer is a sentence.
BYLINE_MAX_WORDS = 8
# A credit pattern must start near the line start to make the whole line a credit.
CREDIT_LEAD_CHARS = 3
# Enough of the line to see "Foto: X", "© X" or "REUTERS/X" at its start.
CREDIT_PREFIX_CHARS = 40


def split_credit(caption: str) -> tuple[str, str | None]:
    """Split "Caption text. Foto: dpa/Name" into ("Caption text.", "Foto: dpa/Name")."""
    m = credit_regex().search(caption)
    if m is None:
        return caption, None
    start = m.start()
    while start < len(caption) and caption[start] in " (":
        start += 1
    # "… Berlin. / dpa" style: the credit starts at the slash, keep the agency with it.
    head = caption[:start].rstrip(" |(-–—,")
    credit = caption[start:].strip().rstrip(")").strip()
    if head.endswith("/"):
        head = head[:-1].rstrip()
    return head, credit or None
