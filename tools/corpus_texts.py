"""Check the corpus texts fetched into corpus/texts/ against the manifest's digests.

The repository holds no article text (the pages say they must not be copied); each user
fetches them. This says which are missing and which differ from the text the gold was made on,
so that a score is only compared with another score on the same texts.
Run: python3 tools/corpus_texts.py
"""
from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "corpus"


def main() -> int:
    missing, changed, ok = [], [], 0
    for a in json.loads((ROOT / "manifest.json").read_text("utf-8")):
        path = ROOT / "texts" / a["file"]
        if not path.exists():
            missing.append(a)
        elif hashlib.sha256(path.read_bytes()).hexdigest() != a["text_sha256"]:
            changed.append(a)
        else:
            ok += 1
    for a in missing:
        print(f"missing  {a['file']}  query: {a['query']}  url: {a['url']}")
    for a in changed:
        print(f"differs  {a['file']}  (the gold was made on another version of this text)")
    print(f"{ok} texts as annotated, {len(changed)} different, {len(missing)} missing")
    return 1 if missing or changed else 0


if __name__ == "__main__":
    sys.exit(main())
