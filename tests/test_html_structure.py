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


def _story_page(body: str) -> str:
    return ("<html><head><title>Neue Buslinien im Norden</title></head><body>"
            "<nav><a href='/'>Start</a> <a href='/a'>Lokales</a></nav>"
            f"<article><h1>Neue Buslinien im Norden</h1>{body}</article></body></html>")


_PARAS = "".join(f"<p>{n}. {STORY}</p>" for n in range(1, 5))
_LEGEND = ("Der neue Busbahnhof am Nordring: Von hier fahren ab Juni die Linien 4 und 7 im "
           "Zehn-Minuten-Takt in die Innenstadt und zum Gewerbegebiet.")


def test_the_text_of_a_box_around_one_picture_is_its_caption() -> None:
    boxes = (f"<div class='image-box'><a href='/b.jpg'><img src='/b.jpg'></a><div class='legend'>"
             f"<div class='content'>{_LEGEND}</div></div></div>",
             f"<div class='textpic'><img src='/b.jpg' width='400'><strong class='caption'>{_LEGEND}</strong></div>",
             f"<div class='beitragsbild'><a href='/b.jpg'><img src='/b.jpg'></a><br>{_LEGEND}</div>",
             f"<div class='amp-pic'><amp-img src='/b.jpg' width='800' height='500'></amp-img><p>{_LEGEND}</p></div>")
    for box in boxes:
        article = extract(_story_page(f"{_PARAS[:len(_PARAS) // 2]}{box}{_PARAS}"), input_format="html")
        assert "Zehn-Minuten-Takt" not in article.text, box
        assert "4. Der Stadtrat" in article.text
        assert any("Zehn-Minuten-Takt" in r.text for r in article.removed), box


def test_text_above_a_picture_or_beside_an_icon_is_not_a_caption() -> None:
    standfirst = f"<div class='page-title'><div><p>{_LEGEND}</p></div><div class='pic'><img src='/t.jpg'></div></div>"
    icon = f"<div class='note'><img src='/i.png' width='16' height='16'>{_LEGEND}</div>"
    for box in (standfirst, icon):
        article = extract(_story_page(f"{_PARAS}{box}{_PARAS.replace('. Der', '. Auch der')}"), input_format="html")
        assert "Zehn-Minuten-Takt" in article.text, box


def test_a_picture_box_with_a_headline_is_a_teaser_card_not_a_caption() -> None:
    card = (f"<div class='card'><img src='/c.jpg'><h3>Radwege am Nordring</h3><p>{_LEGEND}</p></div>")
    article = extract(_story_page(f"{_PARAS}{card}"), input_format="html")
    assert not any(r.reason == "gallery" and "Zehn-Minuten-Takt" in r.text for r in article.removed)


def test_a_picture_box_with_its_credit_twice_is_still_a_caption() -> None:
    box = (f"<div class='image-box'><a href='/b.jpg'><img src='/b.jpg'></a><div class='copyright'>Foto: Stadtwerke</div>"
           f"<p class='to-image-box'><span class='copyright'>Foto: Stadtwerke</span> {_LEGEND}</p></div>")
    article = extract(_story_page(f"{_PARAS[:len(_PARAS) // 2]}{box}{_PARAS}"), input_format="html")
    assert "Zehn-Minuten-Takt" not in article.text


def test_points_beside_a_picture_are_a_list_not_a_caption() -> None:
    box = ("<div class='module'><div class='pic'><img src='/by-sa.png'></div><div class='text'><ul>"
           "<li>Das Symbol besagt, dass bei der Weiterverwendung die gleiche Lizenz gelten muss.</li>"
           "<li>Der Urheber kann damit bestimmen, dass eine Abänderung erlaubt ist.</li></ul></div></div>")
    article = extract(_story_page(f"{_PARAS}{box}{_PARAS.replace('. Der', '. Auch der')}"), input_format="html")
    assert "Der Urheber kann damit bestimmen" in article.text


def test_a_contact_heading_with_its_topic_closes_the_article() -> None:
    contact = ("<div class='right'><h2>Ansprechpartnerin zum Thema:</h2><p>Dr. Erika Muster, Referentin für "
               "Klimaschutz, Telefon 040 123456</p><div class='links'><p>KLIMANEUTRALITÄT VON UNTERNEHMEN</p></div></div>")
    article = extract(_story_page(f"{_PARAS}{contact}"), input_format="html")
    assert "Ansprechpartnerin" not in article.text and "KLIMANEUTRALITÄT" not in article.text
    assert "4. Der Stadtrat" in article.text


def test_an_embedded_post_in_a_social_wrapper_is_quoted_text_and_the_share_bar_is_not() -> None:
    tweet = ("<div class='social-media-embed'><blockquote class='twitter-tweet'><p>Ja, das ist echt: die Stadt "
             "hat eine halbe Million für den Slogan ausgegeben <a href='https://t.co/x'>t.co/x</a></p>— Erika "
             "Muster (@erika) <a href='https://twitter.com/erika/status/1'>18. November 2019</a></blockquote></div>")
    share = ("<div class='social-share'><a href='/fb'>Facebook</a> <a href='/tw'>Twitter</a> "
             "<a href='/mail'>E-Mail</a></div>")
    article = extract(_story_page(f"{_PARAS}{tweet}{share}{_PARAS.replace('. Der', '. Auch der')}"), input_format="html")
    assert "die Stadt hat eine halbe Million" in article.text
    assert "Facebook" not in article.text


def test_a_short_post_that_is_a_picture_and_its_paragraph_keeps_the_paragraph() -> None:
    post = ("<html><head><title>Neue Buslinien</title></head><body><nav><a href='/'>Start</a></nav>"
            f"<h1>Neue Buslinien</h1><div class='news-item'><img src='/bus.jpg'><p>{_LEGEND}</p></div>"
            "<footer>Impressum</footer></body></html>")
    article = extract(post, input_format="html")
    assert "Zehn-Minuten-Takt" in article.text
    assert not any("no article text" in w for w in article.warnings)


def test_three_picture_boxes_in_a_row_are_steps_told_in_pictures() -> None:
    steps = "".join(f"<div class='bildmodul'><img src='/s{n}.jpg'><div class='text'>Schritt {n}: Das Reststück am "
                    f"Anschlag anlegen, an der Zahnspitze ausrichten und vorsichtig einschneiden.</div></div>"
                    for n in range(1, 4))
    article = extract(_story_page(f"{_PARAS}{steps}{_PARAS.replace('. Der', '. Auch der')}"), input_format="html")
    assert all(f"Schritt {n}:" in article.text for n in range(1, 4))
    two = "".join(f"<div class='pic'><img src='/p{n}.jpg'><div class='legend'>Bild {n}: {_LEGEND}</div></div>"
                  for n in range(1, 3))
    article = extract(_story_page(f"{_PARAS}{two}{_PARAS.replace('. Der', '. Auch der')}"), input_format="html")
    assert "Zehn-Minuten-Takt" not in article.text
