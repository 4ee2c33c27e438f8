"""Articles → attributed statements: read the text, find quotes, reported speech and descriptions,
resolve who said each and on which day (docs/extraction.md)."""
