"""Benchmarks: scripts that print newsmill beside its peers in one markdown table."""
