"""Quotes with speaker and cue: marks, clauses, cues, speakers."""
