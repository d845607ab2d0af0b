"""Runners: map the pipeline over many pages (``local``: a process pool with per-page budgets)."""
