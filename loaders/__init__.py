"""loader: Arabic and English news articles into a PostgreSQL event-and-entity database."""

__version__ = "0.1.0"
EXTRACTOR_VERSION = "rules-0.1"
