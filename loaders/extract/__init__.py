"""Extraction stages: dates, mentions and events found in segmented article text."""
