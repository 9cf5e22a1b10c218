"""Inter-annotator agreement: annotation B read as an export and scored against annotation A.

Writes B's required events as export lines (type, participants, date, negation) so that the
same scorer that measures the loader measures the annotators; the event F1 it prints is the
agreement figure reported in corpus/README.md.
Run: python3 tools/agreement.py corpus/annotations/b-ar.json > /tmp/b-ar.jsonl
"""
from __future__ import annotations

import json
import sys


def main(path: str) -> None:
    data = json.load(open(path, encoding="utf-8"))
    for art in data["articles"]:
        events = [{"type": e["type"], "participants": e["participants"], "date_start": e.get("date"), "date_end": e.get("date_end"),
                   "negated": bool(e.get("negated")), "section": "main", "evidence": e.get("evidence", "")}
                  for e in art.get("events", [])]
        entities = [{"name": n, "section": "main", "mentions": 1} for n in art.get("main_entities", [])]
        print(json.dumps({"file": art["file"], "published": art.get("published"), "entities": entities,
                          "events": events}, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1])
