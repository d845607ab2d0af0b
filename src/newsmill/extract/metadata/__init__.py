"""Page metadata: meta tags, JSON-LD, bylines, dates, titles."""
