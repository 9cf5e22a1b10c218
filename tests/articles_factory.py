"""Synthetic but valid Arabic news articles from templates, for reliability tests and benchmarks.

Real articles cannot be shipped in bulk, and a test of "each article exactly once" needs
many files whose contents are all different. Each article here is built from a headline, a
dateline and three to five body sentences naming actors the registry knows (so extraction
finds mentions and events), and carries its serial number in its text, so two serials never
share a content hash. The output is deterministic: the same serial gives the same bytes.

Usage: `write_articles(folder, 200)` → 200 files `article_00000.txt` …; `make_article(n)` → text.
"""
from __future__ import annotations

import random
from pathlib import Path

ACTORS = [
    ("الرئيس الروسي فلاديمير بوتين", "بوتين"),
    ("الزعيم الكوري الشمالي كيم جونغ أون", "كيم"),
    ("وزير الخارجية الروسي سيرغي لافروف", "لافروف"),
    ("وزير الموارد الطبيعية الروسي ألكسندر كوزلوف", "كوزلوف"),
    ("وزيرة الخارجية الكورية الشمالية تشوي سون هوي", "تشوي"),
    ("وزير الدفاع الروسي سيرغي شويغو", "شويغو"),
    ("وزير الخارجية الصيني وانغ يي", "وانغ"),
]
PLACES = ["موسكو", "بيونغ يانغ", "بكين", "فلاديفوستوك", "سول", "طوكيو", "واشنطن"]
STATES = ["روسيا", "كوريا الشمالية", "الصين", "الولايات المتحدة", "اليابان", "كوريا الجنوبية"]
MONTHS = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
          "أكتوبر", "نوفمبر", "ديسمبر"]
TOPICS = ["الطاقة", "الزراعة", "النقل", "التعليم", "الصحة", "الفضاء", "التجارة", "الثقافة", "الأمن"]

HEADLINES = [
    "{a_short} يزور {place} لبحث {topic}",
    "{state1} و{state2} تتفقان على توسيع التعاون في مجال {topic}",
    "لقاء بين {a_short} و{b_short} في {place}",
    "{state1} تتهم {state2} بتهديد الأمن الإقليمي",
]
SENTENCES = [
    "وصل {a} إلى {place} في زيارة رسمية تستمر يومين.",
    "والتقى {a} مع {b} في {place} وبحثا التعاون في مجال {topic}.",
    "وقال {b_short} إن العلاقات بين {state1} و{state2} تشهد مرحلة جديدة.",
    "ووقع الجانبان اتفاقية للتعاون في مجال {topic} في {day} {month} {year}.",
    "وأكد {a_short} أن بلاده مستعدة لتعزيز العلاقات مع {state2}.",
    "واتهمت {state2} {state1} بانتهاك العقوبات الدولية.",
    "ودعا {a_short} نظيره {b_short} إلى زيارة {place} العام المقبل.",
    "وذكرت وسائل إعلام رسمية أن المحادثات تناولت ملفات {topic} والاستثمار.",
]


def make_article(serial: int, seed: int = 0) -> str:
    """The text of synthetic article number `serial` (distinct for every serial)."""
    rng = random.Random(seed * 1_000_003 + serial)
    a, b = rng.sample(ACTORS, 2)
    state1, state2 = rng.sample(STATES, 2)
    fields = {
        "a": a[0], "a_short": a[1], "b": b[0], "b_short": b[1], "state1": state1, "state2": state2,
        "place": rng.choice(PLACES), "topic": rng.choice(TOPICS), "day": rng.randint(1, 28),
        "month": rng.choice(MONTHS), "year": rng.randint(2019, 2024),
    }
    headline = rng.choice(HEADLINES).format(**fields)
    body = [s.format(**fields) for s in rng.sample(SENTENCES, rng.randint(3, 5))]
    dateline = f"{fields['place']} - {fields['day']} {fields['month']} {fields['year']}"
    ref = f"رقم المرجع: {seed}-{serial:06d}"
    return "\n".join([headline, dateline, *body, ref]) + "\n"


def write_articles(folder: Path, count: int, start: int = 0, seed: int = 0,
                   prefix: str = "article") -> list[Path]:
    """Write `count` UTF-8 articles (serials start … start+count-1) into `folder`; their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for serial in range(start, start + count):
        path = folder / f"{prefix}_{serial:05d}.txt"
        path.write_text(make_article(serial, seed), encoding="utf-8")
        paths.append(path)
    return paths
