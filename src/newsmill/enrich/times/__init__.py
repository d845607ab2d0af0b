"""Time expressions: detection, normalisation to calendar values, anchors."""
