import pandas as pd

from tracker.outputs.export import neutralise_formulas, write_table


def test_formulas_are_neutralised():
    df = pd.DataFrame({"text": ["=1+1", "+SUM(A1)", "-2", "@cmd", "\tx", "\rx", "plain", "a=b"], "n": range(8)})
    out = neutralise_formulas(df)
    assert out["text"].tolist() == ["'=1+1", "'+SUM(A1)", "'-2", "'@cmd", "'\tx", "'\rx", "plain", "a=b"]
    assert out["n"].tolist() == list(range(8))


def test_raw_keeps_cells(tmp_path):
    df = pd.DataFrame({"text": ["=HYPERLINK(\"http://x\")"]})
    write_table(df, tmp_path / "raw.csv", raw=True)
    write_table(df, tmp_path / "safe.csv")
    assert pd.read_csv(tmp_path / "raw.csv")["text"][0].startswith("=")
    assert pd.read_csv(tmp_path / "safe.csv")["text"][0].startswith("'=")
