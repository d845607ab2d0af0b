"""General HTML rules of issue 12.2 (html helper, fourth session): wrappers named for the menu or
tab bar they hold, headings styled with a "caption" class, pictures with their text in a box."""

from __future__ import annotations

from newsmill.extract import extract

STORY = ("Der Stadtrat hat am Montag nach langer Debatte beschlossen, die Buslinien im Norden der Stadt "
         "bis zum Sommer neu zu ordnen und den Takt in den Abendstunden zu verdichten. ")


def _tabs(panel: str, menu_class: str = "tab-menu--product js--tab-menu") -> str:
    return (f"<div class='{menu_class}'><div class='tab--navigation'><a href='#d'>Beschreibung</a>"
            f"<a href='#p'>Details</a><a href='#r'>Bewertungen</a></div>"
            f"<div class='tab--container'><div class='tab--content'>{panel}</div></div></div>")


# The buy box's short description: shorter than the panels, longer than a quarter of them.
_SHORT = "".join(f"<p>Ein fruchtiger Rosé mit Noten von Erdbeere und Melone, lieblich und frisch, ideal gekühlt "
                 f"bei acht Grad, zu {dish} und leichten Sommergerichten.</p>"
                 for dish in ("Salaten", "Fisch", "Geflügel", "Pasta", "Tapas"))


def _shop_page(tabs: str) -> str:
    return ("<html><head><title>Rosé Stone Cellars</title></head><body>"
            "<nav><a href='/'>Start</a> <a href='/wein'>Wein</a> <a href='/sekt'>Sekt</a></nav>"
            "<div class='content'><h1>Rosé Stone Cellars</h1>"
            "<div class='buybox'>" + _SHORT + "<button>In den Warenkorb</button></div>"
            f"{tabs}</div><footer><a href='/impressum'>Impressum</a></footer></body></html>")


_PANEL = "".join(
    f"<p>{n}. Der Rosé präsentiert sich im Glas in einem hellen Lachsrosa. In der Nase zeigen sich Aromen "
    f"von reifen Erdbeeren, Wassermelone und einem Hauch Zitrus, am Gaumen ist er saftig und weich.</p>"
    for n in range(1, 10))


def test_a_link_poor_wrapper_named_menu_holds_text_not_navigation() -> None:
    # Over 1500 characters of prose in tab panels: the "menu" class names the tab bar in it.
    text = extract(_shop_page(_tabs(_PANEL)), input_format="html").text
    assert "5. Der Rosé präsentiert sich" in text
    assert "Beschreibung Details" not in text


def test_a_menu_of_links_stays_navigation() -> None:
    links = "".join(f"<li><a href='/w{n}'>Rotwein aus der Region Nummer {n} im Angebot der Woche</a></li>"
                    for n in range(40))
    article = extract(_shop_page(f"<div class='mega-menu'><ul>{links}</ul></div>"), input_format="html")
    assert "Rotwein aus der Region" not in article.text
    assert "Ein fruchtiger Rosé" in article.text


def test_a_standfirst_heading_with_a_caption_type_style_is_not_a_caption() -> None:
    standfirst = ("Eigentlich sollten die Busse schon im Frühjahr fahren. Stattdessen streitet der Rat "
                  "seit Monaten über Takt und Kosten der neuen Linien, und die Fahrgäste warten auf ihre Busse.")
    page = ("<html><head><title>Neue Buslinien im Norden</title>"
            f"<meta name='description' content='{standfirst}'></head><body>"
            "<div class='hero'><h1 class='hero__title'>Neue Buslinien im Norden</h1>"
            f"<h2 class='hero__teaser text-16 caption-s5-fx'>{standfirst}</h2>"
            "<figure><img src='/bus.jpg'><figcaption>Ein Bus am Nordring</figcaption></figure></div>"
            "<div class='article-body'>" + "".join(f"<p>{n}. {STORY}</p>" for n in range(3)) + "</div></body></html>")
    article = extract(page, input_format="html")
    assert "Stattdessen streitet der Rat" in article.text
    assert "Ein Bus am Nordring" not in article.text
