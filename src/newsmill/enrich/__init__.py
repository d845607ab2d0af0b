"""Enrichers: Article -> Article with span annotations (entities, places, quotes, times)."""
