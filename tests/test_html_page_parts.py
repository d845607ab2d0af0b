"""Page parts around and inside the article that the walk and the container choice misread
(html helper, session 6): each test is one error class found on the tuning half of trafeval-de."""

from __future__ import annotations

from newsmill.extract import extract

STORY = ("Der Stadtrat hat am Montag nach langer Debatte beschlossen, die Buslinien im Norden der Stadt "
         "bis zum Sommer neu zu ordnen und den Takt in den Abendstunden zu verdichten. ")
MORE = ("Die Verkehrsbetriebe rechnen mit deutlich mehr Fahrgästen, sobald die neue Linie den Bahnhof "
        "mit dem Gewerbegebiet am Stadtrand verbindet und die Schulen besser erreichbar sind. ")


def _page(body: str, title: str = "Neue Buslinien im Norden", head: str = "") -> str:
    return (f"<html><head><title>{title}</title><meta property='og:title' content='{title}'></head><body><nav><a href='/'>Start</a> <a href='/a'>Lokales</a></nav>"
            f"{head}<article>{body}</article><footer>Impressum</footer></body></html>")


def test_a_headline_with_a_kicker_around_the_title_is_the_title_not_a_body_heading() -> None:
    body = f"<h1><span>Thema Verkehr</span> Neue Buslinien im Norden</h1><p>{STORY}</p><p>{MORE}</p>"
    # A second <h1> (the site name) keeps the title reader on <title>, as on ministry portals.
    article = extract(_page(body, head="<div><h1>Stadtportal</h1></div>"))
    assert "Thema Verkehr" not in article.text
    assert MORE.strip() in article.text


def test_a_widget_inside_the_body_does_not_leave_only_its_longest_paragraph() -> None:
    # The link list and the comment form inside the body div take its score below zero; the
    # longest paragraph alone must not win over its sibling paragraphs.
    links = "".join(f"<li><a href='/rasse/{i}'>Rasse Nummer {i} im Überblick</a></li>" for i in range(60))
    body = (f"<div class='entry'><h1>Neue Buslinien im Norden</h1><p>{STORY * 2}</p><p>{MORE}</p>"
            f"<p>Die Fahrpläne hängen ab sofort an allen Haltestellen aus, auch online sind sie abrufbar.</p>"
            f"<p>Ein Ticket kostet weiterhin drei Euro, Monatskarten werden nicht teurer als bisher.</p>"
            f"<div class='widget_nav_menu'><ul>{links}</ul></div>"
            f"<div class='comments-area'><p>Schreibe einen Kommentar. {STORY}</p></div></div>")
    text = extract(_page(body)).text
    assert MORE.strip() in text
    assert "Monatskarten werden nicht teurer" in text
    assert "Rasse Nummer 3" not in text
    assert "Schreibe einen Kommentar" not in text


def test_a_link_box_inside_the_body_goes_with_its_heading_and_synopsis() -> None:
    items = "".join(f"<li><a href='/heft/{i}'>Thema {i} aus dem Heft</a></li>" for i in range(6))
    box = (f"<div class='collapse-box'><h2>Heft 7/2019</h2><div><p>Dieser Beitrag stammt aus Ausgabe 7 "
           f"des Magazins. Das Heft ist ab dem 20. Juni im Handel und im Shop erhältlich.</p>"
           f"<ul>{items}</ul></div></div>")
    body = f"<h1>Neue Buslinien im Norden</h1><div class='body'>{box}<p>{STORY}</p><p>{MORE}</p><p>{STORY}</p></div>"
    text = extract(_page(body)).text
    assert "Heft 7/2019" not in text
    assert "Dieser Beitrag stammt aus Ausgabe" not in text
    assert MORE.strip() in text


def test_a_section_with_a_few_links_in_its_sentences_is_no_link_box() -> None:
    linked = ("<p>Die Zeiten stehen im <a href='/plan'>Fahrplan</a>, in der <a href='/karte'>Netzkarte</a> und "
              "bei der <a href='/info'>Kundeninfo</a> der Verkehrsbetriebe, die täglich geöffnet hat.</p>")
    body = f"<h1>Neue Buslinien im Norden</h1><div class='body'><p>{STORY}</p><section><h2>Fahrplan</h2>{linked}</section><p>{MORE}</p></div>"
    assert "Netzkarte und bei der Kundeninfo" in extract(_page(body)).text


def _card(i: int, pointer: str) -> str:
    return (f"<li><div class='image'>{pointer.format(i=i)}<img src='/t{i}.jpg'></div><div class='text'>"
            f"<div class='topline'>Verkehr</div><div class='title'>Weitere Meldung Nummer {i}</div>"
            f"<p><span class='date'>0{i}.03.2021</span>Auch in anderen Stadtteilen ändert sich der Fahrplan, "
            f"die Verkehrsbetriebe stellen die Pläne vor ...</p></div></li>")


def test_teaser_cards_whose_links_show_no_words_are_a_teaser_list() -> None:
    # The card's link is an empty box laid over it, or its picture: no link text to count.
    for pointer in ("<a href='/meldung/{i}'></a>", "<a href='/meldung/{i}'><img src='/p{i}.jpg'></a>"):
        cards = "".join(_card(i, pointer) for i in range(1, 6))
        body = (f"<h1>Neue Buslinien im Norden</h1><div class='body'><p>{STORY}</p><p>{MORE}</p><p>{STORY}</p>"
                f"<ul class='timeline'>{cards}</ul></div>")
        text = extract(_page(body)).text
        assert "Weitere Meldung Nummer 2" not in text, pointer
        assert "stellen die Pläne vor" not in text
        assert MORE.strip() in text


def test_sections_with_pictures_that_open_enlarged_are_the_article() -> None:
    sections = "".join(
        f"<div class='para'><h2>Abschnitt {i}</h2><figure><a href='/bilder/{i}.jpg'><img src='/bilder/{i}_640.jpg'></a>"
        f"<figcaption>Bild {i}</figcaption></figure><p>Im Abschnitt {i} beschreibt der Bericht die Linie {i}, "
        f"die künftig alle zehn Minuten fährt und zwei neue Haltestellen bekommt.</p></div>" for i in range(1, 6))
    body = f"<h1>Neue Buslinien im Norden</h1><div class='body'><p>{STORY}</p>{sections}</div>"
    text = extract(_page(body)).text
    assert "Im Abschnitt 3 beschreibt der Bericht" in text


def test_other_posts_in_articles_of_another_class_beside_the_headline_article_are_not_the_body() -> None:
    others = "".join(f"<article class='postbox'><p>Ein anderer Beitrag Nummer {i}: {MORE * 2}</p></article>"
                     for i in range(4))
    page = (f"<html><head><title>Neue Buslinien im Norden</title></head><body><div class='col'>"
            f"<article class='articlebox'><h1>Neue Buslinien im Norden</h1><p>{STORY}</p><p>{STORY * 2}</p></article>"
            f"<article class='postbox'><h3>Lesenswert</h3>{others}</article></div></body></html>")
    text = extract(page).text
    assert STORY.strip() in text
    assert "Ein anderer Beitrag" not in text


def test_parts_of_one_article_in_articles_of_one_class_stay_together() -> None:
    page = (f"<html><head><title>Neue Buslinien im Norden</title></head><body><div class='col'>"
            f"<article class='part'><h1>Neue Buslinien im Norden</h1><p>{STORY * 2}</p></article>"
            f"<div class='ad'>Anzeige</div><article class='part'><p>Zweiter Teil: {MORE * 2}</p></article>"
            f"</div></body></html>")
    assert "Zweiter Teil" in extract(page).text


def test_a_news_ticker_above_the_headline_inside_the_container_is_no_article_text() -> None:
    ticker = "".join(f"<li><a href='/m/{i}'>Meldung {i}</a> BERLIN: Die Regierung hat am Dienstag {i} neue "
                     f"Gesetze vorgelegt, die im Frühjahr gelten sollen.</li>" for i in range(8))
    body = (f"<div class='left'><div class='breaking'><ul>{ticker}</ul></div><div class='main'>"
            f"<h2>Neue Buslinien im Norden</h2><p>{STORY}</p><p>{MORE}</p><p>{STORY}</p></div></div>")
    text = extract(_page(body)).text
    assert "neue Gesetze vorgelegt" not in text
    assert MORE.strip() in text


def test_linked_points_below_the_headline_are_kept() -> None:
    points = "".join(f"<li>Linie {i} fährt ab Mai auch nachts, Details im <a href='/plan'>Fahrplan</a> der Stadt.</li>"
                     for i in range(3))
    body = f"<h1>Neue Buslinien im Norden</h1><p>{STORY}</p><ul>{points}</ul><p>{MORE}</p>"
    assert "Linie 2 fährt ab Mai auch nachts" in extract(_page(body)).text


def test_a_column_of_promo_boxes_beside_the_body_is_not_part_of_it() -> None:
    boxes = "".join(f"<div class='asset-box'><div class='asset-title'>Angebot {i}</div><p>Lesen Sie das Heft "
                    f"digital oder verschenken Sie es und sichern Sie sich Vorteile Nummer {i}!</p>"
                    f"<a href='/abo/{i}'>Jetzt das Abo mit Vorteil {i} sichern und sparen</a>"
                    f"<a href='/heft/{i}'>Heft {i} als PDF lesen und herunterladen</a></div>" for i in range(3))
    paragraphs = "".join(f"<p>Absatz {i}: {STORY if i % 2 else MORE}</p>" for i in range(24))
    page = (f"<html><head><title>Neue Buslinien im Norden</title></head><body><h1>Neue Buslinien im Norden</h1>"
            f"<div class='grid'><div class='wide'>{paragraphs}</div><div class='small'>{boxes}</div></div>"
            f"</body></html>")
    text = extract(page).text
    assert "Absatz 23: " in text
    assert "sichern Sie sich Vorteile" not in text


def test_a_pull_quote_in_heading_tags_at_the_end_of_the_body_is_kept() -> None:
    body = (f"<h1>Neue Buslinien im Norden</h1><p>{STORY}</p><p>{MORE}</p>"
            f"<h4>Die Linie fährt bald alle zehn Minuten. Das hat es hier noch nie gegeben.</h4><h3>Mehr Themen</h3>")
    text = extract(_page(body)).text
    assert "Das hat es hier noch nie gegeben." in text
    assert "Mehr Themen" not in text


def test_a_donation_box_with_its_form_at_the_end_of_the_body_is_a_call_to_action() -> None:
    box = ("<section class='spende'><h3>Dieser Artikel ist wichtig! Sichere diesen Journalismus!</h3>"
           "<div><p>Besondere Zeiten erfordern besondere Maßnahmen: Wir haben uns entschieden, unsere Texte "
           "für alle frei zugänglich zu machen, und bitten um Ihre Hilfe.</p>"
           "<p>Helfen Sie mit, unseren Journalismus auch in Zukunft möglich zu machen!</p></div>"
           "<ul><li><form><input name='betrag' value='5'><button>Jetzt zahlen</button></form></li></ul></section>")
    body = f"<h1>Neue Buslinien im Norden</h1><p>{STORY}</p><p>{MORE}</p><p>{STORY * 2}</p>{box}"
    text = extract(_page(body)).text
    assert MORE.strip() in text
    assert "Helfen Sie mit" not in text
    assert "Besondere Zeiten erfordern" not in text


def test_a_recipe_card_with_a_rating_form_is_kept() -> None:
    steps = "".join(f"<li>Schritt {i}: die Birnen schälen, würfeln und mit dem Zitronensaft mischen.</li>"
                    for i in range(8))
    card = (f"<div class='recipe'><h2>Birnenmarmelade</h2><form><select name='stars'><option>5</option></select>"
            f"</form><h3>Zubereitung</h3><ol>{steps}</ol></div>")
    body = f"<h1>Neue Buslinien im Norden</h1><p>{STORY}</p><p>{MORE}</p><p>{STORY * 3}</p>{card}"
    assert "Schritt 5: die Birnen" in extract(_page(body)).text


def test_a_list_of_short_unlinked_points_closing_the_article_is_kept() -> None:
    points = "".join(f"<li>Linie {i}: ab Mai alle zehn Minuten</li>" for i in range(1, 6))
    body = f"<h1>Neue Buslinien im Norden</h1><p>{STORY}</p><p>{MORE}</p><h3>Die neuen Linien</h3><ul>{points}</ul>"
    text = extract(_page(body)).text
    assert "Linie 4: ab Mai alle zehn Minuten" in text
    assert "Die neuen Linien" in text


def test_two_unlinked_lines_closing_the_article_are_still_fragments() -> None:
    body = f"<h1>Neue Buslinien im Norden</h1><p>{STORY}</p><p>{MORE}</p><ul><li>Lokales</li><li>Verkehr</li></ul>"
    assert "Lokales" not in extract(_page(body)).text


def test_soft_hyphens_and_zero_width_spaces_are_not_text() -> None:
    body = (f"<h1>Neue Buslinien im Norden</h1><p>{STORY}</p><p>Die Touristen&shy;attraktion am Hafen "
            f"bekommt eine eigene Halte\u00adstelle und einen Fahr\u200bplan, der auch nachts gilt.</p><p>{MORE}</p>")
    text = extract(_page(body)).text
    assert "Touristenattraktion am Hafen bekommt eine eigene Haltestelle und einen Fahrplan" in text
    assert "\u00ad" not in text and "\u200b" not in text
