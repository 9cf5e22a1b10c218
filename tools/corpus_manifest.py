"""Merge the corpus parts (corpus/parts/*.json) into corpus/manifest.json with a fixed split.

The split is decided by the file number and a hash of each URL, within each part, language and topic,
so that it never depends on how the extractor does on them: one third `test` (looked at only
for figures), two thirds `dev` (tuned on). Test articles are drawn from the even-numbered files
only, because the odd-numbered ones were open to development before the split was fixed.
Run: python3 tools/corpus_manifest.py
"""
from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "corpus"


def main() -> None:
    parts = {p.stem: json.loads(p.read_text("utf-8")) for p in sorted((ROOT / "parts").glob("*.json"))}
    articles = [a for items in parts.values() for a in items]
    groups: dict[tuple[str, str, str], list[dict]] = {}
    for part, items in parts.items():  # within its part too: a new part leaves the earlier splits as they were
        for a in items:
            groups.setdefault((part, a["language"], a["topic"]), []).append(a)
    for items in groups.values():
        evens = sorted((a for a in items if int(a["file"].split("-")[1].split(".")[0]) % 2 == 0),
                       key=lambda a: hashlib.sha256(a["url"].encode("utf-8")).hexdigest())
        test = {id(a) for a in evens[:round(len(items) / 3)]}
        for a in items:
            a["split"] = "test" if id(a) in test else "dev"
    articles.sort(key=lambda a: a["file"])
    (ROOT / "manifest.json").write_text(json.dumps(articles, ensure_ascii=False, indent=1) + "\n", "utf-8")
    print(Counter((a["language"], a["topic"], a["split"]) for a in articles))


if __name__ == "__main__":
    main()
