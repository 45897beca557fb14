"""Survivorship Tracker: a private record of scans, doctor statements and what they mean."""
