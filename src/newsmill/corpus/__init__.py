"""The corpus: an embedded SQLite store with full-text search, duplicate groups and export."""
