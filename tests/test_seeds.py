"""What an analyst checks after `loader load seeds/`: the rows behind the timeline are right."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from models import Article, Entity, Event, EventParticipant, Mention, Segment


def _events(conn):
    rows = conn.execute(
        select(Article.file_name, Event.id, Event.type, Event.date_start, Event.date_end, Event.date_precision,
               Event.negated, Event.evidence, Entity.name)
        .join(Event, Event.article_id == Article.id)
        .join(EventParticipant, EventParticipant.event_id == Event.id)
        .join(Entity, Entity.id == EventParticipant.entity_id)).all()
    out: dict[int, dict] = {}
    for r in rows:
        ev = out.setdefault(r.id, {"file": r.file_name, "type": r.type, "start": r.date_start, "end": r.date_end,
                                   "precision": r.date_precision, "negated": r.negated, "evidence": r.evidence,
                                   "names": set()})
        ev["names"].add(r.name)
    return list(out.values())


def test_vostochny_meeting_of_kim_and_putin_in_september_2023(seeded):
    meetings = [e for e in _events(seeded) if e["type"] == "meeting" and {"Kim Jong Un", "Vladimir Putin"} <= e["names"]
                and e["start"] and e["start"].strftime("%Y-%m") == "2023-09"]
    assert any("فوستوشني" in e["evidence"] for e in meetings)


def test_kim_visit_to_russia_is_the_range_11_to_17_september(seeded):
    visits = [e for e in _events(seeded) if e["type"] == "visit" and e["names"] == {"Kim Jong Un", "Russia"}]
    assert any((e["start"], e["end"], e["precision"]) == (dt.date(2023, 9, 11), dt.date(2023, 9, 17), "day")
               for e in visits)


def test_kremlin_denial_is_a_negated_agreement(seeded):
    denied = [e for e in _events(seeded) if e["type"] == "agreement" and e["negated"]]
    assert any(e["names"] == {"Russia", "North Korea"} and "عدم توقيع" in e["evidence"] for e in denied)


def test_nothing_from_read_also_blocks_enters_the_timeline(seeded):
    names = set().union(*(e["names"] for e in _events(seeded)))
    assert not names & {"Wang Yi", "Xi Jinping", "Abdel Fattah el-Sisi", "Egypt", "Turkey", "Germany"}
    main_mentions = set(seeded.execute(
        select(Entity.name).join(Mention, Mention.entity_id == Entity.id)
        .join(Segment, Segment.id == Mention.segment_id).where(Segment.kind.not_in(["related", "boilerplate"]))
    ).scalars())
    assert "Wang Yi" not in main_mentions and "Abdel Fattah el-Sisi" not in main_mentions
    related_mentions = set(seeded.execute(
        select(Entity.name).join(Mention, Mention.entity_id == Entity.id)
        .join(Segment, Segment.id == Mention.segment_id).where(Segment.kind == "related")).scalars())
    assert "Wang Yi" in related_mentions


def test_publication_dates_only_where_the_text_gives_one(seeded):
    rows = dict(seeded.execute(select(Article.file_name, Article.published_on)).all())
    assert sorted(v.isoformat() for v in rows.values() if v) == ["2023-11-17"]
    assert sum(v is None for v in rows.values()) == 3


def test_2019_visit_keeps_its_own_month(seeded):
    assert any(e["type"] == "visit" and e["names"] == {"Kim Jong Un", "Russia"} and e["start"] == dt.date(2019, 4, 1)
               and e["precision"] == "month" for e in _events(seeded))
