"""Combine an NLP backend's analysis with the rule extraction, never replacing it.

Adds what a parser and a tagger know that word lists do not:
- NER spans become mention candidates, linked to the registry through their folded,
  clitic-stripped form; a span the rules found too is marked `both`; an unknown PER span
  becomes an unlinked person mention;
- lemmas find triggers the word lists miss (زار / يزور / زيارة share a lemma);
- the dependency parse gives the trigger's subject (source) and object or oblique (target),
  fills participants the rules could not place, and spots a negation attached to the trigger.
The rules stay the source of dates and of everything when no model is installed.
"""
from __future__ import annotations

from dataclasses import dataclass

from ...normalize import fold, norm
from ...records import Event, Mention, Participant, Segment
from ..entities import Gazetteer
from ..tokens import tokenize
from .base import Analysis, Backend, NlpSentence, NlpWord

SUBJECT = ("nsubj", "nsubj:pass", "csubj")
OBJECT = ("obj", "iobj", "obl", "obl:arg", "nmod")
NEGATORS = frozenset(norm(w) for w in ("لم", "لن", "لا", "ما", "ليس", "عدم", "not", "never", "no"))


@dataclass
class NlpStage:
    """Runs a backend over an article's main segments: one batched call per language."""

    backend: Backend
    langs: tuple[str, ...]

    def analyse(self, segments: list[Segment]) -> dict[int, Analysis]:
        out: dict[int, Analysis] = {}
        for lang in self.langs:
            segs = [s for s in segments if s.section == "main" and s.kind != "dateline" and s.language == lang]
            if segs:
                for seg, analysis in zip(segs, self.backend.analyse([s.text for s in segs], lang)):
                    out[seg.order] = analysis
        return out


def ner_mentions(mentions: list[Mention], segments: list[Segment], analyses: dict[int, Analysis],
                 gazetteer: Gazetteer) -> list[Mention]:
    """The rules' mentions plus the NER's: overlaps marked `both`, new spans linked or kept unlinked."""
    by_order = {s.order: s for s in segments}
    out = list(mentions)
    for order, analysis in analyses.items():
        seg = by_order[order]
        for ent in analysis.entities:
            start, end = seg.start + ent.start, seg.start + ent.end
            overlap = [m for m in out if m.segment_order == order and m.start < end and start < m.end]
            if overlap:
                for m in overlap:
                    m.method = "both" if m.method == "rules" else m.method
                continue
            linked = _link(ent.text, gazetteer)
            if linked is not None:
                alias, s, e = linked
                entity = alias.entity
                kind = gazetteer.registry.entities[entity].kind
                out.append(Mention(start + s, start + e, seg.text[ent.start + s:ent.start + e], order, entity, kind,
                                   alias.kind, method="stanza", confidence=0.7,
                                   actor=gazetteer.registry.state_of(entity) if alias.kind == "metonym" else None))
            elif ent.type in ("PER", "PERSON"):
                s = _strip_clitic(ent.text)
                out.append(Mention(start + s, end, seg.text[ent.start + s:ent.end], order, None, "person", "ner",
                                   method="stanza", confidence=0.5))
    out.sort(key=lambda m: (m.start, -m.end))
    return out


def _strip_clitic(span: str) -> int:
    """Characters of a leading proclitic in an NER span (the tagger spans whole tokens)."""
    toks = tokenize(fold(span))
    return 1 if toks and len(toks[0].norm) > 3 and toks[0].norm[0] in "وبلفك" and span[:1] in "وبلفك" else 0


def _link(span: str, gazetteer: Gazetteer):
    """(alias, start, end) when the whole span, clitics aside, is an alias of the registry."""
    folded = fold(span)
    toks = tokenize(folded)
    if not toks:
        return None
    hit = gazetteer.match_at(toks, 0)
    if hit is None or hit[0] != len(toks) or hit[2].entity is None or hit[2].kind in ("short", "role"):
        return None
    n, stripped, alias = hit
    s, e = folded.span(toks[0].start + stripped, toks[n - 1].end)
    return alias, s, e


def words_at(analysis: Analysis, start: int, end: int) -> list[tuple[NlpSentence, NlpWord]]:
    """Syntactic words whose token overlaps [start, end) (segment offsets)."""
    return [(s, w) for s in analysis.sentences for w in s.words if w.start < end and start < w.end]


def lemma_forms(analysis: Analysis) -> list[tuple[int, int, str]]:
    """(start, end, folded lemma) of every word, for trigger matching through lemmas."""
    return [(w.start, w.end, norm(w.lemma)) for s in analysis.sentences for w in s.words if w.lemma]


def apply_parse(ev: Event, seg: Segment, analysis: Analysis, mentions: list[Mention]) -> None:
    """Roles from the trigger's dependents; a negator attached to the trigger negates it."""
    local = [m for m in mentions if m.segment_order == seg.order and m.actor_name]
    heads = words_at(analysis, ev.trigger_start - seg.start, ev.trigger_end - seg.start)
    used = False
    for sent, trig in heads:
        for w in sent.words:
            if w.head != trig.id:
                continue
            if (w.lemma and norm(w.lemma) in NEGATORS) or norm(w.text) in NEGATORS:
                if ev.modality != "negated":
                    ev.modality = "negated"
                used = True
            role = "source" if (w.deprel or "") in SUBJECT else "target" if (w.deprel or "").split(":")[0] in (
                o.split(":")[0] for o in OBJECT) else None
            if role is None:
                continue
            who = next((m for m in local if m.start - seg.start < w.end and w.start < m.end - seg.start), None)
            if who is None:
                continue
            name = who.actor_name
            part = next((p for p in ev.participants if p.entity == name), None)
            if part is not None:
                part.role, used = role, True
            elif len(ev.participants) < 2:
                ev.participants.append(Participant(name, role, who))
                used = True
    if used:
        ev.method = "both" if ev.method == "rules" else ev.method
