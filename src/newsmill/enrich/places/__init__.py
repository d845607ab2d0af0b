"""Places: the GeoNames/CLDR gazetteer and the geocoding enricher."""
