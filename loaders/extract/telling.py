"""Telling: which dates a sentence gives each event trigger, and whether it tells the event as
done, planned or denied.

Adds to each trigger the sentence's dates that belong to it (the nearest trigger before a date,
or the one after a date that opens its clause; a second date joined by و / "and" is a second
telling) and its modality. The words are the
trigger data's: `not_dating`, `date_joiners`, `negation`, `not_only`, `denial`, `planned`.
"""
from __future__ import annotations

import re

from ..normalize import Folded, fold, norm
from ..records import DateExpr, Segment, UnreadDate
from .actors import aside_end, boundary_after, boundary_before, clause_end, phrase_match
from .tokens import Token, strip_variants
from .triggers import TriggerSet, word_forms


def dates_by_trigger(seg: Segment, folded: Folded, toks: list[Token], found: list[tuple[str, int, int]],
                     dates: list[DateExpr | UnreadDate], ts: TriggerSet) -> list[list[DateExpr | UnreadDate]]:
    """Each date goes to the nearest event trigger before it (Arabic dates follow what they
    date), or to the first one after it when none precedes it. A second date joined to the
    first by و / "and" ("التقيا في 2019 و2023") is a second telling of the trigger."""
    spans = [(seg.start + a, seg.start + b) for a, b in
             (folded.span(toks[i].start, toks[i + n - 1].end) for _, i, n in found)]
    own: list[list[DateExpr]] = [[] for _ in found]
    for d in sorted(dates, key=lambda d: d.start):
        lead = re.split(r"[،,.؛;:]", seg.text[max(0, d.start - seg.start - 100):d.start - seg.start])[-1]
        since = _since_at(lead, d.start, ts)
        if since is not None and not any(since < s and e <= d.start for s, e in spans):
            continue  # "أول زيارة له منذ عام 2017", "منذ انتخابه رئيسا في ديسمبر 2019", "since 2019"
            # (but "منذ زيارتها الأخيرة عام 2005": the date of the visit the phrase names)
        before = [k for k, (s, e) in enumerate(spans) if e <= d.start]
        after = [k for k, (s, e) in enumerate(spans) if s >= d.end]
        if d.forward and not after:
            continue  # "… seven months after": counted back to what follows it, and nothing follows
        ahead = after and (d.forward or _fronted(seg, d, ts)
                           or _inside(seg, d, spans[after[0]], spans[before[-1]] if before else None))
        k = after[0] if ahead else before[-1] if before else (after[0] if after else None)
        if k is None or k not in after and _relative_between(seg, spans[k][1], d.start, ts):
            continue  # "وصل بايدن عشية القمة التي تنطلق غدا": the summit's day, not the arrival's
        if not own[k] or d.forward:
            own[k] = [d]  # (a date counted back to it outweighs one before that had no trigger of its own)
        elif d.start >= own[k][-1].end and _joined_dates(seg.text[own[k][-1].end - seg.start:d.start - seg.start],
                                                          ts):
            own[k].append(d)
    return own


def _relative_between(seg: Segment, start: int, end: int, ts: TriggerSet) -> bool:
    """Between a trigger and a date after it, a relative clause of another event noun ("عشية القمة التي تنطلق
    غدا", "the summit, which opened on Saturday"): the date is that event's. (One whose head is the trigger's
    own event, "آخر زيارة … تلك التي أجراها في 2008", still dates it.)"""
    words = [norm(w) for w in seg.text[start - seg.start:end - seg.start].split()]
    rel = max((x for x, w in enumerate(words) if w in ts.relatives), default=None)
    trigger = [ts.triggers.at([Token(w, 0, len(w))], 0, word_forms(w)) is not None for w in words]
    # (a relative clause that tells an event itself, "المعاهدة التي وقعها البلدان في يونيو", dates it)
    return rel is not None and any(trigger[max(0, rel - 3):rel]) and not any(trigger[rel + 1:])


def _since_at(lead: str, end: int, ts: TriggerSet) -> int | None:
    """Where a "since" word stands among the twelve words before a date in its clause (`lead` ends at `end`):
    "since the court issued a warrant for his arrest in March 2023"."""
    words = list(re.finditer(r"\S+", lead))[-12:]
    hits = [w for w in words if norm(w.group()) in ts.not_dating]
    return end - len(lead) + hits[-1].start() if hits else None


def _inside(seg: Segment, d: DateExpr, nxt: tuple[int, int], prev: tuple[int, int] | None) -> bool:
    """A date between the verb opening a clause and the event noun it does, right after it ("…، وأجرى الثلاثاء
    محادثات"): the noun's, not the trigger's before the clause."""
    gap = seg.text[d.end - seg.start:nxt[0] - seg.start]
    lead = seg.text[(prev[1] if prev else seg.start) - seg.start:d.start - seg.start]
    return not gap.strip() and re.search(r"[،,.؛;:]\s*\S+\s*$", lead) is not None


def _fronted(seg: Segment, d: DateExpr, ts: TriggerSet) -> bool:
    """A date opening its clause and closed by a comma ("…، وفي يونيو الماضي، قام …", "In June, he
    visited …") dates what follows it."""
    lead = re.split(r"[،,.؛;:]", seg.text[max(0, d.start - seg.start - 12):d.start - seg.start])[-1].split()
    tail = seg.text[d.end - seg.start:d.end - seg.start + 2].lstrip()
    return tail[:1] in ("،", ",") and all(w in ts.date_joiners | ts.preps for w in map(norm, lead))


def _joined_dates(between: str, ts: TriggerSet) -> bool:
    words = fold(between).text.replace(",", " ").split()
    return bool(words) and words[0] in ts.date_joiners and all(w in ts.date_joiners | ts.preps for w in words)


def modality(toks: list[Token], forms: list[tuple[str, ...]], i: int, n: int, ts: TriggerSet,
             starts: set[int] = frozenset(), ahead_only: bool = False) -> str:
    """Negated (a negation just before in its clause, not "not only"; a denial), planned (a future word near
    it in its clause, a future prefix) or asserted. `starts`: the tokens a comma opens; `ahead_only`: only
    future words before it count (an invitation's "to visit" is what it invites to, not its own future)."""
    if any(ts.negation.at(toks, k, forms[k]) and not _outcome_between(toks, k, i, ts)
           and not any(x in starts for x in range(k + 1, i + 1))
           for k in range(max(0, i - 3), i)) and not any(
            toks[k].norm in ts.not_only for k in range(max(0, i - 2), min(len(toks), i + n + 6))):
        return "negated"
    denied = next((k for k in range(i) if ts.denial.at(toks, k, forms[k])), None)
    if denied is not None and not any(toks[k].norm in ts.time_words for k in range(max(denied + 1, i - 6), i)):
        return "negated"  # (not the visit a denied signing is told during: "نفى … أن تكونا قد وقعتا … خلال زيارة")
    first = toks[i].norm
    if first[:1] in ("و", "ف") and first[1:3] in ("سي", "ست", "سن"):
        first = first[1:]  # "وسيزور", "فستعقد": the future prefix after a clitic
    stop = clause_end(toks, i + n - 1, ts)  # a complement's future is not the trigger's, nor the main clause's
    own = range(i, i + n) if n > 1 else ()  # a trigger of several words may say it itself ("is due in")
    around = [*range(max(0, i - 4), i), *own, *(range(i + n, min(stop, i + n + 6)) if not ahead_only else ())]
    if first.startswith(("سي", "ست", "سن")) and len(first) > 4 or any(
        ts.planned.at(toks, k, forms[k]) and not _a_month(toks, k, ts) and not (k > i and toks[k].norm in ts.plans)
        and not _ordinal_to(toks, k, ts) for k in around
    ):
        return "planned"
    return "asserted"


def _ordinal_to(toks: list[Token], k: int, ts: TriggerSet) -> bool:
    """"the first Indian prime minister to visit Ukraine": an infinitive after an ordinal tells what was done,
    unless a future word comes before the ordinal ("will become the first leader to visit")."""
    if toks[k].norm != "to":
        return False
    first = next((x for x in range(k - 1, max(-1, k - 6), -1) if toks[x].norm in ts.ordinals), None)
    return first is not None and not any(
        toks[x].norm != "to" and ts.planned.at(toks, x, (toks[x].norm,)) for x in range(max(0, first - 4), first))


def _a_month(toks: list[Token], k: int, ts: TriggerSet) -> bool:
    """"in (late) May", "May 9": the month, not the modal verb."""
    prev = toks[k - 1].norm if k else ""
    nxt = toks[k + 1].norm if k + 1 < len(toks) else ""
    return toks[k].norm in ts.months and (prev in ts.preps or prev in ts.month_modifiers or nxt[:1].isdigit())


PASSIVE_REACH = 14  # words after the event noun, names and titles aside, within which its passive verb may come
# ("A summit between Congolese President X and Rwanda's Y aimed at ending the conflict in eastern Congo was cancelled")


def _passive_after(toks: list[Token], forms: list[tuple[str, ...]], i: int, named: set[int], ts: TriggerSet) -> list[int]:
    """The words after the trigger, before its clause or the next trigger ends, that are a passive verb
    ("زيارة سعيد … قد ألغيت", "the visit was cancelled", "has been postponed"): what befell the event.
    A relative clause set off by commas does not end the clause ("زيارة حسين، التي كانت مقررة الأحد، ألغيت")."""
    out, words = [], 0
    k, stop = i + 1, boundary_after(toks, i, ts)
    while k < len(toks):
        if k >= stop:
            k = aside_end(toks, k, ts)
            if k is None:
                break
            stop = boundary_after(toks, k, ts)
        if k not in named and toks[k].norm not in ts.titles:
            words += 1
            if words > PASSIVE_REACH:
                break
            if toks[k].norm in ts.passive_forms or toks[k - 1].norm in ts.passive or toks[k - 1].norm == "been":
                out.append(k)  # ("was called off": a cancellation, though "called" is a trigger)
            elif ts.triggers.at(toks, k, forms[k]):
                break
        k += 1
    return out


def _outcome_between(toks: list[Token], k: int, i: int, ts: TriggerSet) -> bool:
    """An outcome verb between a negation and the trigger ("لم تسفر المحادثات عن اتفاق"): what is negated
    is what the trigger yielded, not the trigger."""
    return any(f in ts.outcome for x in range(k + 1, i) for f, _ in strip_variants(toks[x].norm))


def modality_across(toks: list[Token], forms: list[tuple[str, ...]], i: int, actors: list, ts: TriggerSet,
                    ) -> str | None:
    """The modality a word before the trigger gives it with only a name between: a future word ("يعتزم
    الرئيس التركي رجب طيب أردوغان زيارة", "من المتوقع أن يجري لافروف محادثات") or one that puts the
    event off, calls it off, refuses or fails it (negated: "أرجأ ... زيارته", "postponed his visit", "ألغى الرئيس
    الفرنسي زيارته", "refused to meet", "فشلت في التوصل"): the four words before it,
    not counting the actors' own; or a negated outcome within ten words ("لم تسفر المحادثات بين الوفدين … عن")."""
    named = {k for a in actors for k in range(a.first, a.last + 1)}
    before = []  # the four words before the trigger that are no actor's
    for k in range(i - 1, -1, -1):
        if k not in named:
            before.append(k)
            if len(before) == 4:
                break
    called_off = any((hit := ts.cancelled.at(toks, k, forms[k])) and hit[1].needs_met(forms[k + hit[2]:i])
                     for k in before)  # "فشلت روسيا وأوكرانيا في التوصل": its "+في" between
    came_to_nothing = any(toks[k].norm in ts.outcome and k and ts.negation.at(toks, k - 1, forms[k - 1])
                          and any(toks[x].norm in ts.preps for x in range(k + 1, i)) for k in range(max(0, i - 10), i))
    passive = _passive_after(toks, forms, i, named, ts)
    put_off = any(ts.postponed.at(toks, k, forms[k]) for k in before + passive)
    if called_off or came_to_nothing or put_off or any(ts.cancelled.at(toks, k, forms[k]) for k in passive):
        return "negated"  # a happening put off did not happen when it was to, as the annotation guideline reads it
    if any(ts.planned.at(toks, k, forms[k]) and not _ordinal_to(toks, k, ts) for k in before):
        return "planned"
    return None


def day_told_from(toks: list[Token], i: int, n: int, ts: TriggerSet) -> tuple[int, int, int] | None:
    """A day counted from the article's last dated event, in the trigger's clause ("في اليوم التالي",
    "the next day", "عشية", "the same day"): its offset in days and its first and last token."""
    if not ts.event_days:
        return None
    start = boundary_before(toks, i, ts)
    for k in range(max(0, start - 3), start):  # "a day after Kim arrived", "بعد يوم من وصول": the phrase ends
        found = phrase_match(toks, k, ts.event_days)  # with the word that opens the clause
        if found and k + len(found.split()) >= start:
            return ts.event_days.numbers[found], k, k + len(found.split()) - 1
    for k in range(start, min(len(toks), boundary_after(toks, i + n - 1, ts))):
        found = None if i <= k < i + n else phrase_match(toks, k, ts.event_days)
        if found:
            return ts.event_days.numbers[found], k, k + len(found.split()) - 1
    return None
