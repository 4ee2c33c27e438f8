"""Actor names: aliases from a user-editable CSV map onto one canonical name."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from tracker.errors import InputError

_TITLES = re.compile(
    r"^(?:(?:u\.?s\.?|us|former|then|british|french|german)\s+)*"
    r"(?:president|vice president|prime minister|pm|chancellor|senator|sen\.?|representative|rep\.?|"
    r"governor|gov\.?|secretary|minister|mr\.?|mrs\.?|ms\.?|dr\.?|speaker|mayor)\s+",
    re.IGNORECASE,
)


def _key(name: str) -> str:
    return " ".join(name.replace("\u00a0", " ").split()).casefold()


@dataclass
class ActorAliases:
    """alias → canonical name; unknown names pass through, whitespace-normalised. `people`: the full names a
    store already holds → the documents naming them, so that an article's surname written alone can take one."""

    aliases: dict[str, str] = field(default_factory=dict)
    people: dict[str, int] = field(default_factory=dict)

    def knowing(self, people: dict[str, int]) -> "ActorAliases":
        return replace(self, people=dict(people))

    @classmethod
    def from_csv(cls, path: str | Path | None) -> "ActorAliases":
        if path is None:
            return cls()
        path = Path(path)
        if not path.exists():
            raise InputError(f"{path}: actor alias file not found")
        aliases: dict[str, str] = {}
        with path.open(newline="", encoding="utf-8-sig") as fh:
            reader = csv.DictReader(fh)
            if not reader.fieldnames or not {"alias", "canonical"} <= set(reader.fieldnames):
                raise InputError(f"{path}: actor alias file needs columns 'alias' and 'canonical'")
            for row in reader:
                alias, canonical = (row.get("alias") or "").strip(), (row.get("canonical") or "").strip()
                if alias and canonical:
                    aliases[_key(alias)] = canonical
                    aliases.setdefault(_key(canonical), canonical)
        return cls(aliases)

    def canonical(self, name: str) -> str:
        clean = " ".join(str(name).replace("\u00a0", " ").split())
        if not clean:
            return clean
        hit = self.aliases.get(_key(clean))
        if hit:
            return hit
        untitled = _TITLES.sub("", clean)
        return self.aliases.get(_key(untitled), clean)
