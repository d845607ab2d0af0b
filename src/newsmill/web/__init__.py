"""A local web UI and JSON API over a corpus (``newsmill serve``): search with facets and a timeline,
articles with their annotations, entities, quotes by speaker, a map of places, syndication groups."""
