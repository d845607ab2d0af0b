"""Corpus sub-commands (ingest, search, show, export, stats)."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the corpus commands to the CLI (filled in with the store)."""
