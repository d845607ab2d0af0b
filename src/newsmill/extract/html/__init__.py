"""The HTML extractor: parse, walk, choose the container, keep or drop blocks."""
