"""Extraction components: grounded mentions and claims from each document."""
