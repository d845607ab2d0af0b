"""Named entities: the spaCy model, gazetteer corrections, canonical names."""
