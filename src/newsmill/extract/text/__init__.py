"""The text-dump extractor: lines, labels, body search, head and structure."""
