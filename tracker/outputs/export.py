"""CSV export: spreadsheet formulas in untrusted text are neutralised unless raw output is asked for."""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

# Cells starting with these are run as formulas by Excel, LibreOffice and Google Sheets.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def neutralise_formulas(df: pd.DataFrame) -> pd.DataFrame:
    """df with no text cell able to start a formula (a leading apostrophe is added); a copy only where
    a cell changes. Plain loops: a `run` writes hundreds of small tables, where Series.map's per-call
    cost dominated."""
    out = df
    for col in df.columns:
        if df[col].dtype == object or pd.api.types.is_string_dtype(df[col]):
            values = df[col].tolist()
            if any(isinstance(v, str) and v.startswith(FORMULA_PREFIXES) for v in values):
                if out is df:
                    out = df.copy()
                out[col] = pd.Series([neutralise(v) for v in values], index=df.index, dtype=object)
    return out


def write_table(df: pd.DataFrame, out: str | Path | None, *, fmt: str = "csv", raw: bool = False) -> None:
    """Write to a file, a text stream, or stdout when out is None or '-'."""
    if fmt == "json":
        text = df.to_json(orient="records", force_ascii=False, indent=2, date_format="iso")
    else:
        text = (df if raw else neutralise_formulas(df)).to_csv(index=False)
    if hasattr(out, "write"):
        out.write(text if text.endswith("\n") else text + "\n")
        out.flush()
        return
    if (out is None or str(out) == "-") and not text.endswith("\n"):
        text += "\n"  # a terminal or a pipe gets a closing newline
    write_text(out, text)


def write_text(path: str | Path | None, text: str) -> None:
    """stdout when path is None or '-'; else written whole via a temporary file, so readers never see half."""
    if path is None or str(path) == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
