"""Tests of the loader against a real (embedded) PostgreSQL."""
