"""The package's shape: the flow runs one way, the CLI stays thin, modules stay readable."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "tracker"


def modules() -> dict[str, Path]:
    out = {}
    for p in ROOT.rglob("*.py"):
        parts = p.relative_to(ROOT.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out[name] = p
    return out


def imports(path: Path, known: dict[str, Path]) -> list[tuple[str, list[str]]]:
    """(module, imported names) for every tracker import, at any depth (lazy imports count too)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "tracker":
            names = [a.name for a in node.names]
            subs = [f"{node.module}.{n}" for n in names if f"{node.module}.{n}" in known]
            found += [(s, []) for s in subs] or [(node.module, names)]
        elif isinstance(node, ast.Import):
            found += [(a.name, []) for a in node.names if a.name.split(".")[0] == "tracker"]
    return found


def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: {m for m, _ in imports(p, known) if m in known and m != name} for name, p in known.items()}


def test_no_import_cycles():
    g = graph()
    state: dict[str, int] = {}
    cycles = []

    def visit(n, path):
        state[n] = 1
        for m in sorted(g[n]):
            if state.get(m) == 1:
                cycles.append(path[path.index(m):] + [m])
            elif m not in state:
                visit(m, path + [m])
        state[n] = 2

    for n in sorted(g):
        if n not in state:
            visit(n, [n])
    assert cycles == []


def test_cli_is_thin():
    tracker_modules = graph()["tracker.cli"]
    assert len(tracker_modules) <= 4, sorted(tracker_modules)


def test_no_module_over_400_lines():
    long = {name: n for name, p in modules().items() if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400}
    assert long == {}


def test_no_private_names_imported_across_modules():
    known = modules()
    bad = [(name, m, n) for name, p in known.items() for m, names in imports(p, known) for n in names
           if n.startswith("_") and not n.startswith("__")]
    assert bad == []
