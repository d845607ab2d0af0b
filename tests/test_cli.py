"""The CLI is a thin layer over the API: every command runs and fails clearly."""

from __future__ import annotations

import gzip
import io
import json
import sys
from pathlib import Path

import pytest

from newsmill.cli import build_parser, main


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_schema_prints_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(["schema"], capsys)
    assert code == 0 and json.loads(out)["title"] == "Article"


def test_extract_user_sample_as_json(samples_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(["extract", str(samples_dir / "000_b03d04e1de56314c.txt")], capsys)
    assert code == 0
    data = json.loads(out)
    assert data["language"] == "de" and data["text"]


def test_extract_from_stdin_markdown(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    page = "<html><body><article><h1>Headline here</h1>" + "<p>A sentence of the story that goes on.</p>" * 5
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(page.encode())))
    code, out, _ = _run(["extract", "-", "--format", "markdown"], capsys)
    assert code == 0 and out.startswith("# Headline here")


def test_extract_reads_a_gzipped_page_and_refuses_a_cut_one(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    page = "<html><body><article><h1>Headline here</h1>" + "<p>A sentence of the story that goes on.</p>" * 5
    packed = gzip.compress(page.encode())
    (tmp_path / "page.html.gz").write_bytes(packed)
    code, out, _ = _run(["extract", str(tmp_path / "page.html.gz"), "--format", "markdown"], capsys)
    assert code == 0 and out.startswith("# Headline here")
    (tmp_path / "cut.html.gz").write_bytes(packed[: len(packed) // 2])
    code, _, err = _run(["extract", str(tmp_path / "cut.html.gz")], capsys)
    assert code == 1 and "cut.html.gz" in err


def test_missing_file_and_binary_fail_clearly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(["extract", str(tmp_path / "nope.html")], capsys)
    assert code == 1 and "no such file" in err
    pdf = tmp_path / "doc.pdf"
    pdf.write_bytes(b"%PDF-1.5\n1 0 obj")
    code, _, err = _run(["extract", str(pdf)], capsys)
    assert code == 1 and "PDF" in err


def test_every_command_is_documented_in_readme() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text()
    commands = build_parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    missing = [name for name in commands if f"newsmill {name}" not in readme]
    assert not missing, f"commands missing from README: {missing}"
