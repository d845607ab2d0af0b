"""Pictures of the article: <figure>/<img> with caption, photo credit, URL and alt text."""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin

from newsmill.article import Image
from newsmill.extract.boilerplate import split_credit
from newsmill.extract.html.walk import element_reason

# Beyond this many the rest is a gallery dump; the article's own pictures come first.
MAX_IMAGES = 40
# <img> declared smaller than this (px) are icons, logos and tracking pixels.
MIN_IMAGE_PX = 100
_CREDIT_CLASS_WORDS = ("credit", "copyright", "source", "quelle", "fotograf", "photographer", "author")
_SRC_ATTRS = ("src", "data-src", "data-original", "data-lazy-src", "data-srcset", "srcset")


def collect_images(scope: Any, base_url: str | None) -> list[Image]:
    """Images below ``scope``: every <figure>, then loose <img> outside figures; pictures inside
    teasers, ads, navigation or comments are not the article's (galleries are)."""
    images: list[Image] = []
    seen: set[str] = set()
    verdicts: dict[Any, bool] = {}  # per ancestor: pictures share them (a gallery's <ul>, the body)
    for fig in scope.iter("figure"):
        if _in_boilerplate(fig, scope, verdicts):
            continue
        img = _first_img(fig)
        caption, credit = _caption_and_credit(fig)
        url = _img_url(img, base_url) if img is not None else None
        alt = _clean(img.get("alt")) if img is not None else None
        if not (caption or credit or url):
            continue
        images.append(Image(caption=caption, credit=credit, url=url, alt=alt or None))
        if url:
            seen.add(url)
        if len(images) >= MAX_IMAGES:
            return images
    for img in scope.iter("img"):
        url = _img_url(img, base_url)
        if not url or url in seen or _is_icon(img) or _in_figure(img) or _in_boilerplate(img, scope, verdicts):
            continue
        seen.add(url)
        images.append(Image(url=url, alt=_clean(img.get("alt")) or None))
        if len(images) >= MAX_IMAGES:
            break
    return images


def image_scope(container: Any, headline: Any | None) -> Any:
    """The article unit: the smallest element holding both the body container and the headline
    (lead pictures and galleries sit beside the body, not in it)."""
    if headline is None:
        return container
    around = {id(a) for a in headline.iterancestors()}
    for el in (container, *container.iterancestors()):
        if id(el) in around or el is headline:
            return el if el.tag not in ("html", "body") else container
    return container


def _in_boilerplate(el: Any, scope: Any, verdicts: dict[Any, bool]) -> bool:
    for a in el.iterancestors():
        if a is scope:
            return False
        bad = verdicts.get(a)
        if bad is None:
            reason = element_reason(a, a.tag)
            verdicts[a] = bad = reason is not None and reason not in _PICTURE_REASONS
        if bad:
            return True
    return False


# Boilerplate reasons whose pictures still belong to the article.
_PICTURE_REASONS = frozenset({"gallery", "credit", "markup", "other"})


def _caption_and_credit(fig: Any) -> tuple[str | None, str | None]:
    credit_parts: list[str] = []
    for el in fig.iter():
        if not isinstance(el.tag, str):
            continue
        cls = (el.get("class") or "").lower()
        if el.tag in ("small", "cite") or any(w in cls for w in _CREDIT_CLASS_WORDS):
            text = _clean(el.text_content())
            if text and text not in credit_parts:
                credit_parts.append(text)
    caps = list(fig.iter("figcaption"))
    caption = _clean(" ".join(c.text_content() for c in caps)) if caps else ""
    for part in credit_parts:
        caption = caption.replace(part, " ")
    caption = _clean(caption)
    credit = " ".join(_unwrapped(part) for part in credit_parts) or None
    if caption and credit is None:
        caption, credit = split_credit(caption)
    return caption or None, credit


def _first_img(el: Any) -> Any | None:
    for img in el.iter("img"):
        return img
    return None


def _img_url(img: Any, base_url: str | None) -> str | None:
    for attr in _SRC_ATTRS:
        value = (img.get(attr) or "").strip()
        if value and not value.startswith("data:"):
            first = value.split(",")[0].split()[0] if "srcset" in attr else value
            return urljoin(base_url, first) if base_url else first
    return None


def _is_icon(img: Any) -> bool:
    for attr in ("width", "height"):
        value = (img.get(attr) or "").strip().rstrip("px")
        if value.isdigit() and int(value) < MIN_IMAGE_PX:
            return True
    return False


def _in_figure(img: Any) -> bool:
    return any(a.tag == "figure" for a in img.iterancestors())


def _clean(text: str | None) -> str:
    return " ".join((text or "").split())


def _unwrapped(text: str) -> str:
    """A credit set in parentheses of its own ("(Foto: DBT/Name (bearbeitet))") without them; the
    pair must enclose the whole text ("(c) dpa (Archiv)" keeps its own)."""
    if len(text) < 3 or text[0] != "(" or text[-1] != ")":
        return text
    depth = 0
    for i, ch in enumerate(text):
        depth += (ch == "(") - (ch == ")")
        if depth == 0 and i < len(text) - 1:
            return text
    return text[1:-1].strip()
