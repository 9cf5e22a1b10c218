"""A synthetic corpus of Arabic news articles for benchmarks, reproducible by seed.

Articles are built from sentence templates over the gazetteer's actors (states with their
Arabic names and nationality adjectives, capitals and palaces that stand for their state,
organisations, and persons when the registry has them), the trigger words of every event
type, the date forms the date finder reads (Arabic month names in the Egyptian and Levantine
series, weekdays, "في الفترة من 11 إلى 17 سبتمبر", relative months), an embedded English
quote, and a "إقرأ أيضاً:" block of other headlines at the end. Most carry the publication
dateline "تاريخ النشر: 17th, November 2023 GMT". Each article is 3–8 KB of UTF-8.

Article `i` of seed `s` depends only on (s, i), so a corpus of 10k starts with the corpus of
1k; every article in a corpus is distinct (a repeated hash is perturbed until it is not).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import random
from dataclasses import dataclass
from pathlib import Path

from loaders.registry import Registry, load_registry

MONTHS_EG = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر",
             "نوفمبر", "ديسمبر"]
MONTHS_LEV = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين الأول",
              "تشرين الثاني", "كانون الأول"]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]
WEEKDAYS = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]

# Used only when the registry has no persons yet: people named in Arabic news, with their state.
FALLBACK_PERSONS = [
    ("فلاديمير بوتين", "Russia"), ("سيرغي لافروف", "Russia"), ("كيم جونغ أون", "North Korea"),
    ("شي جين بينغ", "China"), ("وانغ يي", "China"), ("جو بايدن", "United States"),
    ("أنتوني بلينكن", "United States"), ("إيمانويل ماكرون", "France"), ("رجب طيب أردوغان", "Turkey"),
    ("عبد الفتاح السيسي", "Egypt"), ("محمد بن سلمان", "Saudi Arabia"), ("عبد الله الثاني", "Jordan"),
    ("تميم بن حمد", "Qatar"), ("إبراهيم رئيسي", "Iran"), ("ناريندرا مودي", "India"),
    ("أولاف شولتس", "Germany"), ("ريشي سوناك", "United Kingdom"), ("فولوديمير زيلينسكي", "Ukraine"),
    ("يون سوك يول", "South Korea"), ("فوميو كيشيدا", "Japan"), ("قيس سعيد", "Tunisia"),
    ("عبد المجيد تبون", "Algeria"), ("محمد بن زايد", "United Arab Emirates"), ("بشار الأسد", "Syria"),
]
TITLES = ["الرئيس", "وزير الخارجية", "رئيس الوزراء", "وزير الدفاع", "وزير الاقتصاد", "المتحدث باسم وزارة الخارجية"]
TOPICS = ["الأمن الإقليمي", "أمن الطاقة", "الملف النووي", "الأزمة الإنسانية", "التبادل التجاري", "مكافحة الإرهاب",
          "أمن الملاحة", "الاستثمارات المشتركة", "إعادة الإعمار", "قضايا الهجرة", "الأمن الغذائي", "التغير المناخي"]
SECTORS = ["الطاقة", "النفط والغاز", "الزراعة", "النقل البحري", "التعليم العالي", "الصحة", "الدفاع", "السياحة",
           "التكنولوجيا", "التعدين", "الموانئ", "الاتصالات", "المياه", "الطاقة المتجددة"]
AGENCIES = ["إنترفاكس", "تاس", "شينخوا", "رويترز", "فرانس برس", "الأناضول", "سبوتنيك"]
TOPICS_EN = ["energy security", "trade", "regional security", "the humanitarian situation", "investment",
             "food security", "defence cooperation", "sanctions"]
FILLERS = [
    "وتشهد العلاقات بين البلدين تطوراً ملحوظاً منذ عام {y0}، إذ ارتفع حجم التبادل التجاري إلى {x} مليار دولار.",
    "ويرى مراقبون أن هذه الخطوة تأتي في سياق تحولات إقليمية ودولية متسارعة تفرض على الأطراف إعادة ترتيب أولوياتها.",
    "وأشار محللون إلى أن {topic} بات في صدارة الملفات المطروحة على طاولة البحث خلال السنوات الأخيرة.",
    "ويبلغ عدد سكان المنطقة المعنية نحو {x} مليون نسمة، يعتمد معظمهم على قطاع {sector} مصدراً رئيسياً للدخل.",
    "ولم تصدر حتى الآن تفاصيل إضافية حول الجدول الزمني لتنفيذ ما تم الإعلان عنه، وفق مصادر مطلعة.",
    "وتعد هذه القضية من أكثر القضايا حساسية في العلاقات الثنائية، بحسب ما ذكرته صحيفة محلية في تقرير مطول.",
    "وكانت تقارير صحفية قد تحدثت عن خلافات بشأن {topic} خلال الأشهر الماضية، وهو ما نفته مصادر رسمية.",
    "وتتجه الأنظار إلى نتائج هذه التحركات في ظل ارتفاع أسعار {sector} في الأسواق العالمية بنسبة {p} بالمئة.",
    "ويعمل في قطاع {sector} أكثر من {x} ألف شخص، وتسعى الحكومة إلى مضاعفة هذا الرقم بحلول عام {y1}.",
    "وأضافت المصادر أن اللجنة الفنية المشتركة ستعقد جلستها المقبلة بعد استكمال الدراسات اللازمة.",
]


@dataclass
class Actors:
    states: list[tuple[str, str, str]]          # (English name, Arabic name, Arabic adjective)
    capitals: dict[str, list[str]]              # state → Arabic names of places standing for it
    orgs: list[str]                             # Arabic names
    persons: list[tuple[str, str]]              # (Arabic name, state)

    @classmethod
    def from_registry(cls, registry: Registry | None = None) -> "Actors":
        reg = registry or load_registry()
        adj: dict[str, str] = {}
        for a in reg.aliases:
            if a.kind == "adj" and a.lang == "ar" and a.entity and a.entity not in adj:
                adj[a.entity] = a.text
        states = sorted((e.name, e.ar_name, adj[e.name]) for e in reg.entities.values()
                        if e.kind == "state" and e.ar_name and e.name in adj)
        capitals: dict[str, list[str]] = {}
        for e in sorted(reg.entities.values(), key=lambda e: e.name):
            if e.kind == "place" and e.metonym_for and e.ar_name:
                capitals.setdefault(e.metonym_for, []).append(e.ar_name)
        orgs = sorted(e.ar_name for e in reg.entities.values() if e.kind == "organisation" and e.ar_name)
        persons = sorted((e.ar_name, e.country or "") for e in reg.entities.values()
                         if e.kind == "person" and e.ar_name)
        known = {s[0] for s in states}
        if len(persons) < 10:
            persons += [p for p in FALLBACK_PERSONS if p[1] in known]
        return cls(states, capitals, orgs, persons)


class Generator:
    def __init__(self, seed: int = 1, actors: Actors | None = None):
        self.seed = seed
        self.actors = actors or Actors.from_registry()
        # A realistic skew: a few states are in most of the news.
        self.weights = [1.0 / (r + 1) ** 0.8 for r in range(len(self.actors.states))]
        rnd = random.Random(f"order:{seed}")
        self.order = list(range(len(self.actors.states)))
        rnd.shuffle(self.order)

    # ------------------------------------------------------------------ pieces
    def _state(self, r: random.Random, not_: tuple = ()) -> tuple[str, str, str]:
        while True:
            s = self.actors.states[self.order[r.choices(range(len(self.order)), self.weights)[0]]]
            if s not in not_:
                return s

    def _capital(self, r: random.Random, state) -> str:
        caps = self.actors.capitals.get(state[0])
        return r.choice(caps) if caps else state[1]

    def _person(self, r: random.Random, state) -> str:
        own = [p for p, s in self.actors.persons if s == state[0]]
        title = f"{r.choice(TITLES)} {state[2]}"
        if own and r.random() < 0.7:
            return f"{title} {r.choice(own)}"
        return title

    def _date(self, r: random.Random, pub: dt.date) -> str:
        past = pub - dt.timedelta(days=r.randint(1, 120))
        m, d = past.month - 1, past.day
        k = r.randrange(8)
        if k == 0:
            return f"في {d} {MONTHS_EG[m]} ({MONTHS_LEV[m]}) الماضي"
        if k == 1:
            return f"يوم {WEEKDAYS[r.randrange(7)]}"
        if k == 2:
            d1 = r.randint(1, 20)
            return f"في الفترة من {d1} إلى {d1 + r.randint(1, 8)} {MONTHS_EG[m]}"
        if k == 3:
            return f"في {d} {MONTHS_LEV[m]} {past.year}"
        if k == 4:
            return f"{WEEKDAYS[past.weekday()]} {d} {MONTHS_EG[m]} {past.year}"
        if k == 5:
            return f"مطلع {MONTHS_EG[(pub.month) % 12]} المقبل"
        if k == 6:
            return f"خلال شهر {MONTHS_EG[m]} الماضي"
        return f"في {d} من {MONTHS_EG[m]}"

    def _sentence(self, r: random.Random, a, b, pub: dt.date) -> str:
        D = self._date(r, pub)
        pa, pb = self._person(r, a), self._person(r, b)
        ca, cb = self._capital(r, a), self._capital(r, b)
        topic, sector, agency = r.choice(TOPICS), r.choice(SECTORS), r.choice(AGENCIES)
        org = r.choice(self.actors.orgs) if self.actors.orgs else "الأمم المتحدة"
        templates = [
            f"وصل {pa} إلى {cb} {D} في زيارة رسمية تستغرق {r.randint(2, 5)} أيام، يلتقي خلالها كبار المسؤولين.",
            f"ومن المقرر أن يزور {pa} {b[1]} {D}، بحسب ما أعلنه مكتبه في بيان مقتضب.",
            f"والتقى {pa} نظيره {pb} {D} في {ca}، وبحث الجانبان سبل تطوير العلاقات الثنائية.",
            f"وعقد مسؤولون من {a[1]} و{b[1]} اجتماعاً {D} لمناقشة {topic}، بمشاركة ممثلين عن {org}.",
            f"ووقعت {a[1]} و{b[1]} {D} اتفاقية للتعاون في مجال {sector} لمدة {r.randint(3, 15)} سنوات.",
            f"وأعلنت {ca} أنها توصلت إلى اتفاق مع {cb} بشأن {topic}، وفق ما نقلته وكالة {agency}.",
            f"وتعتزم {a[1]} و{b[1]} تعزيز التعاون الثنائي في مجال {sector}، حسبما ذكرت وكالة {agency} للأنباء.",
            f"ودعا {pa} نظيره {pb} إلى زيارة {ca}، مؤكداً أن بلاده مستعدة لاستقباله {D}.",
            f"واتهمت {a[1]} {b[1]} بانتهاك القانون الدولي، وأدانت {D} ما وصفته بالتصعيد الخطير في ملف {topic}.",
            f"وقال {pa} إن \"العلاقات مع {b[1]} تمر بمرحلة جديدة\"، مضيفاً أن بلاده لن تتخلى عن شركائها.",
            f"ونفت {ca} {D} أن يكون {pa} قد التقى مسؤولين من {b[1]} لبحث {topic}.",
            f"وأجرى {pa} مباحثات هاتفية مع {pb} {D}، تناولت {topic} والتطورات في المنطقة.",
            f"وأكد {pa} أن {a[1]} تدعم جهود {org} الرامية إلى معالجة {topic}.",
        ]
        return r.choice(templates)

    def _filler(self, r: random.Random) -> str:
        return r.choice(FILLERS).format(y0=r.randint(1995, 2015), y1=r.randint(2025, 2035), x=r.randint(2, 900),
                                        p=r.randint(2, 40), topic=r.choice(TOPICS), sector=r.choice(SECTORS))

    def _english(self, r: random.Random, a, b, pub: dt.date) -> list[str]:
        when = f"{MONTHS_EN[pub.month - 1]} {pub.day}, {pub.year}"
        line = (f"\u26a1\ufe0f {a[0]} and {b[0]} held talks on {r.choice(TOPICS_EN)}; officials said a joint "
                f"committee would meet again \"in the coming weeks\", {r.choice(['Reuters', 'AP', 'AFP'])} reported.")
        out = [line]
        if r.random() < 0.5:
            out.append(f"\u2014 Reuters (@Reuters) {when}")
        return out

    def _title(self, r: random.Random, a, b) -> str:
        return r.choice([
            f"{a[1]} و{b[1]} تتفقان على توسيع تعاونهما في مجال {r.choice(SECTORS)}",
            f"{self._capital(r, a)} تستقبل وفداً رفيعاً من {b[1]}",
            f"مباحثات بين {a[1]} و{b[1]} حول {r.choice(TOPICS)}",
            f"{a[1]} تتهم {b[1]} بتقويض {r.choice(TOPICS)}",
            f"زيارة مرتقبة لمسؤول {a[2]} إلى {self._capital(r, b)}",
        ])

    # ------------------------------------------------------------------ articles
    def article(self, i: int) -> str:
        r = random.Random(f"{self.seed}:{i}")
        pub = dt.date(2016, 1, 1) + dt.timedelta(days=r.randrange(3100))
        a = self._state(r)
        b = self._state(r, not_=(a,))
        target = r.randint(3000, 7400)
        lines = [self._title(r, a, b)]
        if r.random() < 0.85:
            suffix = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}.get(pub.day, "th")
            lines.append(f"تاريخ النشر: {pub.day}{suffix}, {MONTHS_EN[pub.month - 1]} {pub.year} GMT")
        english_at = r.randint(3, 6)
        size = sum(len(x.encode()) for x in lines)
        para: list[str] = []
        n = 0
        while size < target:
            if n == english_at:
                for e in self._english(r, a, b, pub):
                    lines.append(e)
                    size += len(e.encode()) + 1
            if r.random() < 0.15:  # a third party joins the story now and then
                b = self._state(r, not_=(a,))
            s = self._sentence(r, a, b, pub) if r.random() < 0.6 else self._filler(r)
            para.append(s)
            size += len(s.encode()) + 1
            n += 1
            if len(para) >= r.randint(1, 3):
                lines.append(" ".join(para))
                para = []
        if para:
            lines.append(" ".join(para))
        lines.append("إقرأ أيضاً:")
        for _ in range(3):
            x, y = self._state(r), self._state(r)
            lines.append(self._title(r, x, y) if x != y else f"{x[1]}: {r.choice(TOPICS)} على طاولة البحث")
        return "\n".join(lines) + "\n"

    def articles(self, n: int) -> list[tuple[str, str]]:
        """(file name, text) of articles 0..n-1, each distinct."""
        seen: set[str] = set()
        out = []
        for i in range(n):
            text = self.article(i)
            h = hashlib.sha256(text.encode()).hexdigest()
            k = 0
            while h in seen:  # never in practice; keeps the promise anyway
                k += 1
                text += self._filler(random.Random(f"{self.seed}:{i}:{k}")) + "\n"
                h = hashlib.sha256(text.encode()).hexdigest()
            seen.add(h)
            out.append((f"bench_{i:06d}.txt", text))
        return out


def write_corpus(folder: str | Path, n: int, seed: int = 1, generator: Generator | None = None) -> list[Path]:
    """Write n articles into `folder` (created; existing bench files of the same names are overwritten)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    gen = generator or Generator(seed)
    paths = []
    for name, text in gen.articles(n):
        p = folder / name
        p.write_text(text, encoding="utf-8")
        paths.append(p)
    return paths


if __name__ == "__main__":  # python -m bench.corpus N FOLDER [SEED]
    import sys

    n, folder = int(sys.argv[1]), sys.argv[2]
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    print(len(write_corpus(folder, n, seed)), "articles written to", folder)
