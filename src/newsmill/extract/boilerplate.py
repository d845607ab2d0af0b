"""HTML boilerplate lexicons: which page parts are not the article, and why.

Everything language- or site-convention-specific lives in the tables at the top; the functions
below only compile and apply them. Reasons come from the fixed ``RemovedReason`` vocabulary.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsmill.article import RemovedReason

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

# Words in class/id attributes (split at -, _, space and camelCase-free lowercase) -> reason.
# Each entry is a whole token or a token prefix ending in "*". Chosen from common CMS themes
# (WordPress, Drupal, Arc, Escenic, Typo3) and German and English news sites.
CLASS_TOKENS: dict[RemovedReason, tuple[str, ...]] = {
    "navigation": (
        "nav", "navbar", "navigation", "menu", "mainmenu", "breadcrumb*", "pagination", "pager",
        "skiplink", "skip", "sitemap", "topbar", "toolbar", "tabbar", "megamenu", "offcanvas",
        "jump", "toc", "tags", "taglist", "keywords", "schlagworte", "themen",
    ),
    "teaser": (
        "related", "recommended", "recommendation*", "recirc*", "morestories", "moreon",
        "teaserlist", "teasers", "sidebar", "rail", "trending", "popular", "mostread",
        "mostpopular", "outbrain", "taboola", "plista", "ligatus", "readmore", "alsoread",
        "further", "weitere", "empfehlung*", "mehrzumthema", "crosslink*", "linkbox", "infobox-links",
        "storylist", "headlines", "latest", "newsticker",
    ),
    "advertisement": (
        "ad", "ads", "adv", "advert*", "adslot", "adunit", "adcontainer", "adwrapper", "anzeige*",
        "werbung", "sponsor*", "dfp", "gpt", "commercial", "promo", "promotion", "banner",
        "billboard", "skyscraper", "superbanner", "rectangle", "marketing", "affiliate",
    ),
    "call_to_action": (
        "newsletter", "subscribe", "subscription", "signup", "share", "sharing",
        "sharebar", "shariff", "social", "socials", "follow", "donate", "donation", "abo",
        "abobox", "login", "register", "print", "bookmark", "feedback", "rating", "app-promo",
    ),
    "consent": ("cookie*", "consent", "gdpr", "onetrust", "didomi", "usercentrics", "privacy"),
    "footer": ("footer", "sitefooter", "copyright-footer", "imprint", "impressum", "legal"),
    "comments": (
        "comment*", "kommentar*", "disqus", "discussion", "respond", "replies", "reply",
        "leserbrief*", "forum", "community",
    ),
    "gallery": ("gallery", "galerie", "bildergalerie", "slideshow", "carousel", "slider", "lightbox"),
    "credit": ("byline", "author", "authors", "autor", "credit", "credits", "copyright"),
    # Kickers, datelines and timestamps: metadata (section, published) shown above the text.
    "other": (
        "kicker", "dachzeile", "topline", "overline", "eyebrow", "dateline", "timestamp", "pubdate",
        "meta", "metadata", "datum",
    ),
    "markup": (
        "sronly", "visuallyhidden", "screenreader", "offscreen", "invisible", "modal", "popup",
    ),
}

# Tokens that mark the article itself; they win over any boilerplate token on the same element
# (e.g. "article-body comments-enabled").
CONTENT_TOKENS: tuple[str, ...] = (
    "articlebody", "article-body", "storybody", "story-body", "entry-content", "post-content",
    "postcontent", "articletext", "article-text", "article-content", "articlecontent", "body-text",
    "bodytext", "story-content", "main-content", "maincontent", "content-body", "rich-text",
    "richtext", "paywall-content", "text-content",
)

# Short blocks starting with one of these are calls to action or navigation, not article text.
# Per language; all are matched lowercased at the start of a block.
CTA_PREFIXES: dict[str, tuple[str, ...]] = {
    "de": (
        "lesen sie auch", "lesen sie mehr", "lesen sie hier", "mehr zum thema", "mehr dazu",
        "auch interessant", "das könnte sie auch interessieren", "das könnte dich auch",
        "jetzt abonnieren", "jetzt anmelden", "hier anmelden", "newsletter", "artikel teilen",
        "teilen", "zur startseite", "weiterlesen", "mehr lesen", "jetzt lesen", "folgen sie uns",
        "hier geht es zum", "hier geht's zum", "alle artikel", "zum artikel", "mehr artikel",
        "zurück", "nach oben", "merken", "drucken", "empfehlen", "anzeige", "werbung",
        "weitere artikel", "mehr aus", "mehr von", "zum thema", "jetzt kostenlos", "abonnieren",
        "melden sie sich", "registrieren sie sich", "diesen artikel", "beitrag teilen",
        "loading", "wird geladen", "externer inhalt", "empfohlener redaktioneller inhalt",
        "wir respektieren deine privatsphäre", "wir respektieren ihre privatsphäre", "zum weiterlesen",
        "weitere informationen", "weitere infos", "mehr informationen", "mehr infos", "quelle:",
        "quellen", "erschienen in", "originalartikel", "zum originalartikel", "kommentar verfassen",
        "antwort abbrechen", "fehler melden", "fehler gefunden", "artikel merken", "pdf herunterladen",
        "als pdf herunterladen", "empfehlungen aus der redaktion", "vorschau auf den nächsten",
        "artikel verschenken", "feedback senden", "sie haben bereits ein", "jetzt weiterlesen",
        "weiterlesen mit", "exklusiv für abonnenten", "zur merkliste", "empfohlener externer inhalt",
        "mehr zum thema lesen", "jetzt testen",
    ),
    "en": (
        "read more", "read also", "also read", "related:", "related articles", "related stories",
        "see also", "sign up", "subscribe", "share this", "share on", "follow us", "click here",
        "advertisement", "sponsored", "recommended", "more from", "most popular", "most read",
        "you may also like", "you might also like", "continue reading", "back to top",
        "skip to", "log in", "sign in", "download the app", "get the app", "join our",
        "this article", "loading", "watch:", "listen to this", "print this", "don't miss", "don’t miss",
        "dont miss", "most shared", "trending now",
        "already a subscriber", "support our journalism", "log in to continue", "create a free account",
        "to continue reading", "get unlimited access",
    ),
}

# Headings that open a recirculation, comment or author box at the end of an article: the heading
# and what follows it in the same section are not article text. Matched lowercased at the start.
SECTION_CUES: dict[str, dict[str, RemovedReason]] = {
    "en": {
        "more in": "teaser", "more from": "teaser", "more on": "teaser", "more stories": "teaser",
        "related": "teaser", "read more": "teaser", "read next": "teaser", "recommended": "teaser",
        "you may also like": "teaser", "you might also like": "teaser", "most popular": "teaser",
        "most read": "teaser", "trending": "teaser", "latest news": "teaser", "top stories": "teaser",
        "around the web": "advertisement", "from the web": "advertisement", "sponsored": "advertisement",
        "what to read next": "teaser", "also on": "teaser", "popular on": "teaser",
        "comments": "comments", "leave a reply": "comments", "leave a comment": "comments",
        "join the conversation": "comments", "about the author": "credit", "share this": "call_to_action",
        "sign up": "call_to_action", "subscribe": "call_to_action",
    },
    "de": {
        "mehr zum thema": "teaser", "mehr aus": "teaser", "mehr von": "teaser", "mehr zu": "teaser",
        "das könnte sie auch interessieren": "teaser", "das könnte dich auch interessieren": "teaser",
        "auch interessant": "teaser", "weitere artikel": "teaser", "weitere beiträge": "teaser",
        "verwandte beiträge": "teaser", "verwandte artikel": "teaser", "ähnliche artikel": "teaser",
        "ähnliche beiträge": "teaser", "lesen sie auch": "teaser", "meistgelesen": "teaser",
        "top-artikel": "teaser", "neueste artikel": "teaser", "empfehlungen": "teaser",
        "meistdiskutiert": "teaser", "meist-diskutiert": "teaser", "meistkommentiert": "teaser",
        "vorschau": "teaser", "weitere meldungen": "teaser", "mehr nachrichten": "teaser",
        "unsere empfehlung": "teaser", "schon gelesen": "teaser", "beliebte artikel": "teaser",
        "kommentare": "comments", "schreibe einen kommentar": "comments", "kommentar schreiben": "comments",
        "diskutieren sie mit": "comments", "leserkommentare": "comments",
        "über den autor": "credit", "über die autorin": "credit", "zur person": "credit",
        "newsletter": "call_to_action", "artikel teilen": "call_to_action", "anzeige": "advertisement",
    },
}
# A section cue is a heading, or a short line standing alone (a bold "Mehr zum Thema").
SECTION_CUE_MAX_CHARS = 60

# Phrases that only appear in cookie and privacy banners.
CONSENT_CUES: tuple[str, ...] = (
    "cookies", "cookie-einstellungen", "cookie settings", "einwilligung", "datenschutzerklärung",
    "zustimmen", "akzeptieren", "accept all", "consent", "privacy policy", "tracking",
)

# Photo credit shapes, in any language of the press: "Foto: …", "© …", "… / dpa", "REUTERS/…".
CREDIT_PATTERNS: tuple[str, ...] = (
    r"(?:^|\s|\()(?:foto|fotos|bild|bilder|photo|photos|image|images|quelle|source|grafik|"
    r"illustration|video|credit|copyright|picture|pictures|aufnahme|titelbild|bildquelle|fotoquelle|"
    r"bildnachweis|fotonachweis|beitragsbild|symbolbild|headerbild|fotocredit|bildrechte)\s*:\s*\S",
    r"©|\(c\)\s|\bcopyright\b",
    r"(?:^|\s)/\s*(?:dpa|afp|ap|apa|epa|reuters|getty|imago|keystone|ddp|sid|kna|epd|"
    r"picture[ -]alliance|ullstein|shutterstock|istock)\b",
    # Agency names as photo services write them (case-sensitive: "Reuters reported" is a sentence).
    r"(?-i:\b(?:REUTERS|AFP|AP Photo|Getty Images|EPA-EFE|dpa-Zentralbild|picture alliance|imago images|"
    r"Shutterstock|iStock|KEYSTONE)\b)",
)

# Agencies and photo services named in credits; used to split "caption Foto: X" and to recognise
# credit-only lines.
BYLINE_PREFIXES: tuple[str, ...] = ("von ", "by ", "von:", "by:", "text: ", "autor: ", "autorin: ", "author: ")

# Label lines of tag and category lists: "Themen: Ehrenamt, Jugend", "Filed under: Politics".
LABEL_PREFIXES: dict[str, tuple[str, ...]] = {
    "de": ("themen:", "thema:", "kategorie:", "kategorien:", "schlagworte:", "schlagwörter:",
           "stichworte:", "stichwörter:", "tags:", "rubrik:", "mehr zu:", "ressort:"),
    "en": ("tags:", "topics:", "filed under:", "category:", "categories:", "posted in:", "related topics:"),
}
# Words of date and time lines ("15. Mai 2019, 05:28 Uhr", "Updated on Nov 18, 2019 at 3:59 PM").
DATE_WORDS: dict[str, tuple[str, ...]] = {
    "de": ("januar", "jänner", "februar", "märz", "april", "mai", "juni", "juli", "august", "september",
           "oktober", "november", "dezember", "jan", "feb", "mär", "apr", "jun", "jul", "aug", "sep",
           "sept", "okt", "nov", "dez", "uhr", "am", "um", "aktualisiert", "veröffentlicht", "erstellt",
           "stand", "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
           "mo", "di", "mi", "do", "fr", "sa", "so", "zuletzt", "geändert", "datum", "mez", "mesz"),
    "en": ("january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
           "sept", "oct", "nov", "dec", "am", "pm", "at", "on", "updated", "published", "posted",
           "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "et", "est",
           "edt", "gmt", "utc", "bst", "cet", "last", "modified", "pt", "pst", "ct", "p", "a", "m",
           "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "by"),
}
# Date lines are short; a longer line with a date in it is a sentence.
DATE_LINE_MAX_CHARS = 80


# --- compiled forms ----------------------------------------------------------------------------

# CMS classes that name a taxonomy value ("tag-newsletter", "category-ads") say nothing about the
# element's role; WordPress puts them on the <article> itself.
_TAXONOMY = re.compile(r"(?:^|\s)(?:tag|category|post|postid|format|status|type|topic)-\S*")
# "hidden" alone is not trusted: themes use "hidden-xs" for responsive hiding of visible text.
_HIDDEN = re.compile(r"sr-only|screen-reader|visually-?hidden|element-invisible")


@lru_cache(maxsize=1)
def _token_index() -> tuple[re.Pattern[str], dict[str, RemovedReason], tuple[tuple[str, RemovedReason], ...]]:
    """One regex over all class words (whole words, or prefixes for entries ending in "*")."""
    exact: dict[str, RemovedReason] = {}
    prefixes: list[tuple[str, RemovedReason]] = []
    alternatives: list[str] = []
    for reason, tokens in CLASS_TOKENS.items():
        for tok in tokens:
            tok = tok.lower().replace("-", "")
            if tok.endswith("*"):
                prefixes.append((tok[:-1], reason))
                alternatives.append(re.escape(tok[:-1]) + "[a-z0-9]*")
            else:
                exact.setdefault(tok, reason)
                alternatives.append(re.escape(tok))
    alternatives.sort(key=len, reverse=True)
    pattern = re.compile(r"(?<![a-z0-9])(" + "|".join(alternatives) + r")(?![a-z0-9])")
    return pattern, exact, tuple(prefixes)


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
    m = pattern.search(low)
    if m is None:
        return None
    word = m.group(1)
    hit = exact.get(word)
    if hit is not None:
        return hit
    return next((reason for prefix, reason in prefixes if word.startswith(prefix)), None)


@lru_cache(maxsize=8192)
def is_content_attrs(attrs: str) -> bool:
    squashed = attrs.lower().replace("-", "").replace("_", "")
    return _content_regex().search(squashed) is not None


@lru_cache(maxsize=1)
def _content_regex() -> re.Pattern[str]:
    return re.compile("|".join(sorted({re.escape(t.replace("-", "")) for t in CONTENT_TOKENS})))


@lru_cache(maxsize=1)
def _cta_regex() -> re.Pattern[str]:
    words = sorted({p for table in CTA_PREFIXES.values() for p in table}, key=len, reverse=True)
    return re.compile("^(?:" + "|".join(re.escape(w) for w in words) + r")(?:\W|$)")


@lru_cache(maxsize=1)
def credit_regex() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in CREDIT_PATTERNS), re.I)


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
    table = {cue: reason for lang in SECTION_CUES.values() for cue, reason in lang.items()}
    words = sorted(table, key=len, reverse=True)
    return re.compile("^(" + "|".join(re.escape(w) for w in words) + r")\b(.*)$", re.S), table


def section_cue(text: str) -> RemovedReason | None:
    """The reason a heading like "Mehr zum Thema" or "Related stories" closes the article."""
    if len(text) > SECTION_CUE_MAX_CHARS:
        return None
    pattern, table = _section_cues()
    m = pattern.match(text.lower())
    if m is None:
        return None
    reason = table[m.group(1)]
    rest = _ALPHA_WORD.findall(m.group(2))
    if not rest or (reason == "teaser" and len(rest) <= SECTION_CUE_TOPIC_WORDS):
        return reason
    return None


def reason_for_text(text: str) -> RemovedReason | None:
    """A reason to drop a short block on its words alone (calls to action, credits, banners)."""
    n = len(text)
    if n <= CTA_MAX_CHARS:
        low = text.lower().lstrip(" -–—•|*>»«()[]")
        if _cta_regex().match(low):
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
        if "cookie" in low and sum(cue in low for cue in CONSENT_CUES) >= CONSENT_MIN_CUES:
            return "consent"
    return None


@lru_cache(maxsize=1)
def _label_prefixes() -> tuple[str, ...]:
    return tuple(p for table in LABEL_PREFIXES.values() for p in table)


@lru_cache(maxsize=1)
def _date_words() -> frozenset[str]:
    return frozenset(w for table in DATE_WORDS.values() for w in table)


_ALPHA_WORD = re.compile(r"[^\W\d_]+")
_NUMERIC_DATE = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\d{1,2}:\d{2}")


def is_date_line(low: str) -> bool:
    """A line made of a date and time only (plus words like "Uhr", "updated")."""
    if not any(ch.isdigit() for ch in low):
        return False
    words = _ALPHA_WORD.findall(low)
    date_words = _date_words()
    if not all(w in date_words for w in words):
        return False
    # A bare number ("57", "2019") is a table cell or a count; a date line has a date or a time.
    return bool(words) or _NUMERIC_DATE.search(low) is not None


# "Protesters in Hong Kong (Image: GETTY)": a caption outside <figure>, its credit in parentheses.
_TRAILING_CREDIT = re.compile(
    r"\((?:image|images|photo|photos|picture|pictures|foto|fotos|bild|bilder|credit|quelle|source)\s*:[^()]{1,60}\)\s*$",
    re.I,
)
# Captions are a sentence or two; longer blocks ending in a credit are article text with a photo note.
CAPTION_MAX_CHARS = 300


def is_caption_line(text: str) -> bool:
    return len(text) <= CAPTION_MAX_CHARS and _TRAILING_CREDIT.search(text) is not None


def is_credit_line(text: str) -> bool:
    """A line that is only a credit or byline ("Foto: dpa", "© Reuters", "Von Anna Muster")."""
    low = text.lower()
    if low.startswith(BYLINE_PREFIXES) and len(text.split()) <= BYLINE_MAX_WORDS:
        return True
    # Only the line's start matters; searching a prefix keeps long blocks cheap.
    m = credit_regex().search(text[:CREDIT_PREFIX_CHARS])
    return m is not None and m.start() <= CREDIT_LEAD_CHARS


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
