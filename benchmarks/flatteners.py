"""Ways scrapers and users flatten an HTML page to text, for the text-dump benchmark.

Each flattener takes the page's HTML and returns the text a user would hand to ``newsmill extract
--input-format text``: library converters (BeautifulSoup ``get_text``, inscriptis, html2text,
html-text), text browsers (``w3m -dump``, ``lynx -dump``), other extractors' plain text
(trafilatura, newspaper4k), a browser copy-paste (headless chromium's ``innerText`` when chromium
is installed, else block elements rendered with the browser's newline rules), and degraded dumps:
every line break lost, paragraphs glued (``textContent``), raw markup and entities kept.

Flattening is slow (text browsers are processes), so dumps are cached under
``benchmarks/.cache/flat/<flattener>/<set>/<key>.txt`` (gitignored); ``flatten`` reads the cache.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

CACHE = Path(__file__).resolve().parent / ".cache" / "flat"
# A text browser that hangs on one page must not stall the benchmark.
PROCESS_TIMEOUT_S = 60
Flattener = Callable[[str], str]

_DROP_TAGS = ("script", "style", "noscript", "template", "svg")
# Block elements after which a browser starts a new line (innerText's rules, simplified).
_BLOCKS = frozenset(
    ["address", "article", "aside", "blockquote", "body", "dd", "details", "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "ul"]
)
# ... and these get a blank line around them (innerText's "required line break count" of 2).
_PARAGRAPHS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6"})


def _tree(html: str):  # type: ignore[no-untyped-def]
    """The page parsed by lxml without scripts, styles and comments (browsers do not show them)."""
    import lxml.etree
    import lxml.html

    # The text is decoded already: the page's own charset declaration must not decode it again.
    parser = lxml.html.HTMLParser(encoding="utf-8")
    root = lxml.html.document_fromstring(html.encode("utf-8", "replace"), parser=parser)
    doomed = [el for el in root.iter(lxml.etree.Comment, *_DROP_TAGS) if el.getparent() is not None]
    for el in doomed:
        el.drop_tree()
    return root


def bs4_get_text(html: str) -> str:
    """BeautifulSoup ``get_text("\\n")``: one text node per line, scripts and styles dropped."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "lxml")
    for tag in soup(["script", "style", "noscript", "template"]):
        tag.decompose()
    return str(soup.get_text("\n"))


def inscriptis_text(html: str) -> str:
    import inscriptis

    return str(inscriptis.get_text(html))


def html2text_text(html: str) -> str:
    import html2text

    return str(html2text.html2text(html, bodywidth=0))  # unwrapped, as the shipped trafeval dumps


def html_text_text(html: str) -> str:
    import html_text

    return str(html_text.extract_text(html))


def _browser(cmd: list[str], html: str) -> str:
    with tempfile.NamedTemporaryFile("w", suffix=".html", encoding="utf-8", delete=False) as fh:
        # Text browsers read the file's own charset declaration; say UTF-8 first so it is the one.
        fh.write('<meta charset="utf-8">' + html)
        path = fh.name
    try:
        out = subprocess.run([*cmd, path], capture_output=True, timeout=PROCESS_TIMEOUT_S, check=False)
        return out.stdout.decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        return ""
    finally:
        Path(path).unlink()


def w3m_dump(html: str) -> str:
    return _browser(["w3m", "-dump", "-T", "text/html", "-I", "UTF-8", "-O", "UTF-8", "-cols", "80"], html)


def lynx_dump(html: str) -> str:
    """``lynx -dump``: wrapped at 79 columns, links numbered with a reference list at the end."""
    return _browser(["lynx", "-dump", "-force_html", "-assume_charset=utf-8", "-display_charset=utf-8"], html)


def trafilatura_text(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html, output_format="txt", with_metadata=False) or ""


def newspaper_text(html: str) -> str:
    """newspaper4k's ``title`` and ``text``, as a user would save them."""
    import newspaper

    art = newspaper.Article("https://example.org/article", fetch_images=False)  # no network
    art.download(input_html=html)
    art.parse()
    return f"{art.title}\n\n{art.text}" if art.title else str(art.text)


_CHROMIUM_SCRIPT = (
    "<script>document.addEventListener('DOMContentLoaded',function(){"
    "var t=document.body?document.body.innerText:'';"
    "document.documentElement.innerHTML='<body><pre id=\"nm-dump\"></pre></body>';"
    "document.getElementById('nm-dump').textContent=t;});</script>"
)


def chromium_inner_text(html: str) -> str:
    """Headless chromium's ``document.body.innerText``: what select-all and copy gives."""
    import lxml.html

    root = _tree(html)  # the page's own scripts would run (and may rewrite the page): drop them
    page = lxml.html.tostring(root, encoding="unicode", method="html")
    page = page.replace("<head>", "<head>" + _CHROMIUM_SCRIPT, 1) if "<head>" in page else _CHROMIUM_SCRIPT + page
    binary = shutil.which("chromium") or "chromium"
    dom = _browser([binary, "--headless", "--no-sandbox", "--disable-gpu", "--blink-settings=imagesEnabled=false",
                    "--virtual-time-budget=2000", "--dump-dom"], page)
    m = re.search(r'<pre id="nm-dump">(.*?)</pre>', dom, re.S)
    import html as html_lib

    return html_lib.unescape(m.group(1)) if m else ""


def rendered_blocks(html: str) -> str:
    """A copy-paste as browsers make it: block elements on their own lines, paragraphs apart."""
    root = _tree(html)
    body = root.find("body")
    out: list[str] = []

    def walk(el) -> None:  # type: ignore[no-untyped-def]
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == "br":
            out.append("\n")
        elif tag in _BLOCKS:
            out.append("\n\n" if tag in _PARAGRAPHS else "\n")
        if el.text and tag != "br":
            out.append(el.text)
        for child in el:
            walk(child)
        if tag in _BLOCKS:
            out.append("\n\n" if tag in _PARAGRAPHS else "\n")
        elif tag in ("td", "th"):
            out.append("\t")
        if el.tail:
            out.append(el.tail)

    walk(body if body is not None else root)
    text = "".join(out)
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def copy_paste(html: str) -> str:
    return chromium_inner_text(html) if chromium_available() else rendered_blocks(html)


def one_line(html: str) -> str:
    """Every line break lost: the html-text dump joined into one line."""
    return " ".join(html_text_text(html).split())


def text_content(html: str) -> str:
    """``textContent`` of the body: paragraphs glued where the page had no whitespace between them."""
    root = _tree(html)
    body = root.find("body")
    return " ".join((body if body is not None else root).text_content().split())


def raw_markup(html: str) -> str:
    """A dump that kept inline markup and entities (as in the user's sample): blocks are lines.

    Block elements become line breaks, inline tags (links with their attributes, ``<strong>``,
    ``<span>``, images) stay, and everything beyond ASCII is written as a character reference.
    """
    import lxml.html

    root = _tree(html)
    body = root.find("body")
    src = lxml.html.tostring(body if body is not None else root, encoding="us-ascii", method="html").decode("ascii")
    src = src.replace("&#160;", "&nbsp;")
    blocks = "|".join(sorted(_BLOCKS | {"br"}))
    src = re.sub(rf"\s*</?(?:{blocks})\b[^>]*>\s*", "\n", src)
    return "\n".join(" ".join(line.split()) for line in src.split("\n") if line.strip())


def chromium_available() -> bool:
    return shutil.which("chromium") is not None


FLATTENERS: dict[str, Flattener] = {
    "bs4": bs4_get_text,
    "inscriptis": inscriptis_text,
    "html2text": html2text_text,
    "html-text": html_text_text,
    "w3m": w3m_dump,
    "lynx": lynx_dump,
    "trafilatura-txt": trafilatura_text,
    "newspaper4k": newspaper_text,
    "copy-paste": copy_paste,
    "one-line": one_line,
    "textContent": text_content,
    "raw-markup": raw_markup,
}


def flatten(name: str, set_name: str, key: str, html: Callable[[], str]) -> str:
    """The dump of page ``key`` by flattener ``name``, from the cache or made and cached."""
    path = CACHE / name / set_name / f"{key}.txt"
    if path.exists():
        return path.read_text(encoding="utf-8")
    try:
        text = FLATTENERS[name](html())
    except ImportError:  # a missing library is the set-up's fault, not the page's: nothing cached
        raise
    except Exception as exc:  # a flattener that fails on a page gives an empty dump, noted once
        print(f"# {name} failed on {set_name}:{key}: {type(exc).__name__}: {exc}")
        text = ""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return text
