import pytest

from newsmill.page import MAX_PAGE_BYTES, InputError, decode, sniff_format


@pytest.mark.parametrize(
    "raw, fragment",
    [
        (b"", "empty"),
        (b"   \n\t ", "empty"),
        (b"%PDF-1.7\n%\xe2\xe3", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG"),
        (b"\x1f\x8b\x08\x00", "gzip"),
        (bytes(range(1, 32)) * 50, "binary"),
    ],
)
def test_non_pages_get_a_clear_error(raw: bytes, fragment: str) -> None:
    with pytest.raises(InputError, match=fragment):
        decode(raw)


def test_declared_charset_is_used() -> None:
    raw = '<html><head><meta charset="iso-8859-1"></head><body>Grüße</body></html>'.encode("latin-1")
    page = decode(raw)
    assert "Grüße" in page.text and not page.warnings


def test_wrong_declared_charset_falls_back_to_utf8_with_warning() -> None:
    raw = '<html><head><meta charset="ascii"></head><body>Grüße aus Köln</body></html>'.encode()
    page = decode(raw)
    assert "Grüße aus Köln" in page.text
    assert any("encoding" in w for w in page.warnings)


def test_missing_charset_is_detected() -> None:
    raw = ("<p>" + "Die Bürgermeisterin äußerte sich über die Straßenbahn. " * 20 + "</p>").encode("cp1252")
    assert "Bürgermeisterin äußerte" in decode(raw).text


def test_nul_bytes_are_removed_with_warning() -> None:
    page = decode(b"<p>Hallo\x00 Welt</p>" + b"x" * 100)
    assert "\x00" not in page.text and any("NUL" in w for w in page.warnings)


def test_oversized_input_is_cut_with_warning() -> None:
    page = decode(b"<p>" + b"a" * (MAX_PAGE_BYTES + 10))
    assert len(page.text) <= MAX_PAGE_BYTES and any("size" in w for w in page.warnings)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
        ("<div><p>Hallo</p><p>Welt</p></div>" * 5, "html"),
        ("Ein Titel\n\nEin Absatz mit Text.\n    <strong>teaser</strong> and more text " * 30, "text"),
        ("Plain text, no markup at all.\nSecond line.", "text"),
    ],
)
def test_sniff_format(text: str, expected: str) -> None:
    assert sniff_format(text) == expected


@pytest.mark.parametrize("declared", ["iso-8859-1", "windows-1252", "shift_jis"])
def test_utf8_bytes_under_a_stale_single_byte_declaration_are_read_as_utf8(declared: str) -> None:
    # a page saved as UTF-8 that kept its old meta: the declaration made "GebÃ¼hren" of "Gebühren"
    raw = f'<html><head><meta charset="{declared}"></head><body>Ohne Gebühren – „gratis“</body></html>'.encode()
    page = decode(raw)
    assert "Ohne Gebühren – „gratis“" in page.text
    assert any("utf-8" in w for w in page.warnings)


def test_real_latin1_under_its_declaration_stays_latin1() -> None:
    raw = '<meta charset="iso-8859-1"><p>Für Österreich: 5 °C, Preis ¼ Euro</p>'.encode("latin-1")
    page = decode(raw)
    assert "Für Österreich: 5 °C, Preis ¼ Euro" in page.text and not page.warnings
