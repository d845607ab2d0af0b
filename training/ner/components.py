"""Loaded by `spacy train --code`: registers newsmill's gazetteer-feature component."""

from newsmill.enrich.gazetteer_features import register

register()
