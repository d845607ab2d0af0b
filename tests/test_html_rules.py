"""General HTML rules of issue 12 (html helper, second session): captions outside <figure>, prose
beside a gallery's pictures, the headline repeated as a paragraph."""

from __future__ import annotations

import pytest

from newsmill.extract import extract
from newsmill.extract.boilerplate import is_caption_line, reason_for_text

STORY = ("Der Stadtrat hat am Montag nach langer Debatte beschlossen, die Buslinien im Norden der Stadt "
         "bis zum Sommer neu zu ordnen und den Takt in den Abendstunden zu verdichten. ")


def _page(body: str, title: str = "Neue Buslinien im Norden") -> str:
    return (f"<html><head><title>{title}</title></head><body><nav><a href='/'>Start</a> <a href='/a'>Lokales</a></nav>"
            f"<article><h1>{title}</h1>{body}</article><footer>Impressum</footer></body></html>")


@pytest.mark.parametrize(
    "text",
    ["Blick auf den neuen Busbahnhof am Nordring. © Anna Muster / dpa",
     "Schneeräumen - was man darüber wissen muss© Rike/pixelio.de",
     "Zielarten sind u.a. der Hirschkäfer (Lucanus cervus). Foto © Jörg Muster, Heidi Beispiel",
     "Die neuen Busse stehen im Depot (Foto: Stadtwerke)"],
)
def test_a_caption_that_ends_in_its_credit_is_a_credit(text: str) -> None:
    assert is_caption_line(text)
    assert reason_for_text(text) == "credit"


@pytest.mark.parametrize(
    "text",
    [STORY,
     "According to the Centre for Disease Control (CDC) in the US, the plague is treatable with antibiotics.",
     # the mark opens the line: a credit line, not a caption (is_credit_line decides those)
     "© Anna Muster",
     # a long tail after the mark is a sentence about a copyright, not a caption's credit
     "Das Urheberrecht © gilt auch für Fotos, die Nutzerinnen in sozialen Netzwerken veröffentlichen, "
     "und es schützt sie ein Leben lang und siebzig Jahre darüber hinaus."],
)
def test_prose_with_a_parenthesis_or_a_copyright_sign_is_not_a_caption(text: str) -> None:
    assert not is_caption_line(text)


def test_prose_beside_a_lightbox_picture_inside_the_body_is_kept() -> None:
    # A paragraph longer than a caption (a line or two beside one picture is its caption: see
    # test_html_structure).
    body = (f"<p>{STORY}</p>"
            f"<div class='media js-lightbox-gallery'><a href='/b.jpg'><img src='/b.jpg'></a>"
            f"<div class='media-body'><p>Die Verkehrsbetriebe rechnen mit mehr Fahrgästen, sobald die neue "
            f"Linie den Bahnhof mit dem Gewerbegebiet verbindet. {STORY * 3}</p></div></div>"
            f"<div class='slideshow'><div>Bild 1 von 3</div></div><p>{STORY}</p>")
    text = extract(_page(body)).text
    assert "Die Verkehrsbetriebe rechnen mit mehr Fahrgästen" in text
    assert "Bild 1 von 3" not in text


def test_a_paragraph_that_repeats_the_headline_is_dropped_as_a_duplicate() -> None:
    article = extract(_page(f"<p>{STORY}</p><p>Neue Buslinien im Norden</p><p>{STORY[:-2]} heute.</p>"))
    assert "Neue Buslinien im Norden" not in article.text
    assert any(r.reason == "duplicate" and "Neue Buslinien" in r.text for r in article.removed)


_RELATED = ("<p>Mehr dazu:</p><ul><li><a href='/1'>Neue Radwege in der Altstadt geplant</a></li>"
            "<li><a href='/2'>Bahnhofsvorplatz wird umgebaut</a></li><li><a href='/3'>Parken wird teurer</a></li></ul>")
_BODY = "".join(f"<p>{day}: {STORY}</p>" for day in ("Montag", "Dienstag", "Mittwoch"))
_PROMO = ("<h3>Deine Jobbörse für die Region</h3><p>Über 2.000 offene Stellen in Verwaltung, Handwerk und "
          "Handel warten auf dich. Jetzt stöbern und bewerben!</p>")


def test_a_short_promo_after_the_last_link_list_is_no_article_text() -> None:
    article = extract(_page(f"{_BODY}{_RELATED}{_PROMO}"), input_format="html")
    assert "Jobbörse" not in article.text and "offene Stellen" not in article.text
    assert any("offene Stellen" in r.text and r.reason == "teaser" for r in article.removed)
    assert article.text.count("Der Stadtrat") == 3


def test_the_rest_of_an_article_after_an_inline_link_list_is_kept() -> None:
    rest = "".join(f"<p>{n}. {STORY}</p>" for n in range(1, 4))
    article = extract(_page(f"{_BODY}{_RELATED}{rest}"), input_format="html")
    assert all(f"{n}. Der Stadtrat" in article.text for n in range(1, 4))


def test_short_points_closing_an_article_survive_a_promo_after_them() -> None:
    points = "<ul><li>Mehr Busse am Abend</li><li>Neue Haltestellen</li><li>Kürzere Wege</li></ul>"
    embed = "<p><a href='/t1'>Tweet von @stadt</a> <a href='/t2'>19. November 2018</a></p>" * 2
    article = extract(_page(f"{_BODY}{points}{embed}{_PROMO}"), input_format="html")
    assert "Neue Haltestellen" in article.text and "Kürzere Wege" in article.text
    assert "Jobbörse" not in article.text


def test_a_source_tag_styled_apart_gets_its_space_but_german_compounds_stay_whole() -> None:
    body = ("<p><cite> (CNN)</cite>President Donald Trump made an unscheduled trip to the hospital on Saturday "
            "for a quick exam, the White House said, and the (Forst-)Straßen and (Holz)Balken stay whole.</p>")
    article = extract(f"<html><body><article>{body}</article></body></html>")
    text = article.blocks[0].text
    assert text.startswith("(CNN) President Donald Trump")
    assert "(Forst-)Straßen" in text and "(Holz)Balken" in text


def test_a_credit_in_parentheses_of_its_own_loses_them_but_keeps_inner_ones() -> None:
    page = ('<html><body><article><p>' + "Die Abgeordnete wurde am Dienstag mit großer Mehrheit gewählt. " * 4 +
            '</p><figure><img src="a.jpg" alt="Porträt"><figcaption>Porträt der Abgeordneten '
            '<small>(Foto: DBT/Stella von Saldern (bearbeitet))</small></figcaption></figure></article></body></html>')
    image = extract(page).images[0]
    assert image.credit == "Foto: DBT/Stella von Saldern (bearbeitet)"
    assert image.caption == "Porträt der Abgeordneten"
