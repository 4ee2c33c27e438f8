"""Reading bytes a user gave us as text, and which file suffixes mean what."""

from __future__ import annotations

TABLE_SUFFIXES = {".csv", ".tsv", ".jsonl", ".ndjson", ".parquet"}
ARTICLE_SUFFIXES = {".txt", ".md", ".html", ".htm"}


def decode(data: bytes, name: str, warnings: list[str]) -> str:
    """UTF-8 (BOM allowed); else Windows-1252 / Latin-1, with a warning rather than a crash."""
    nul = data.count(b"\x00")
    if nul:
        warnings.append(f"{name}: removed {nul} NUL bytes")
        data = data.replace(b"\x00", b"")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad_at = exc.start
    try:
        text, encoding = data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:  # cp1252 leaves five bytes undefined; latin-1 maps every byte
        text, encoding = data.decode("latin-1"), "latin-1"
    warnings.append(f"{name}: not valid UTF-8 (byte {bad_at}); read as {encoding}")
    return text
