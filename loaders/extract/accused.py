"""Accused: who accuses whom, read off an accusation trigger's sentence.

Adds to the events stage the accusation's own argument rules: an accusing participle's pronoun
object ("متهمة إياه"), a complement that names the accused ("warned that the cooperation between …"),
the two main states speaking together, a speaker found through the saying verb, and the accused
after the trigger or inside what was said, never the accuser's own state, a victim or one beside.
"""
from __future__ import annotations

from ..records import Participant
from .actors import Actor, bare, chain, dedupe, follows, nominal, phrase_at, right_after, ruled
from .arguments import LISTED, heads_near, pointed
from .tokens import Token
from .spot import linked
from .triggers import TriggerSet, word_forms


def accusation_parts(ex, i: int, j: int, toks: list[Token], actors: list[Actor], ts: TriggerSet, ctx, speech: list[int],
                     before: list[Actor], after: list[Actor], dual: list[str], lead: list[Actor],
                     ) -> tuple[list[Participant] | None, bool]:
    """The accuser and the accused, and whether they are final (else they go through the common checks).
    `ex`: the events stage, for its speaker and coreference readings."""
    drew = next((k for k in range(i - 1, max(-1, i - 9), -1) if not ts.drawn.isdisjoint(word_forms(toks[k].norm))), None)
    subject = [a for a in actors if drew is not None and drew < a.first < i][:1] or before[:1]
    if drew is not None and subject:
        # "Putin's visit drew sharp criticism from Washington", "أثارت زيارة بوتين انتقادات من واشنطن": those after
        # "from" accuse the one the subject is
        sources = chain([a for a in after if a.entity != subject[0].entity], toks, ts.titles, conjoined=True)[:LISTED]
        if sources and follows(toks, sources[0], ts.from_, 2):
            return _sides(sources, subject[:1]), True
    if (told := pointed(toks, i, j, actors, ts, ex.coref.gender, lead[:1])):
        return _sides(told[:1], told[1:2]), True
    said = max((k for k in speech if k < i), default=None)
    complement = j + 1 < len(toks) and toks[j + 1].norm in ts.boundaries
    if complement and (said is None or nominal(toks[i].norm)):
        content = [a for a in actors if a.first > j + 1][:3]
        if len(content) >= 2 or not before:
            return (dedupe([Participant(a.entity, "target", a.mention) for a in content]) if len(content) >= 2
                    else None), True  # "warned that the cooperation between Moscow and Pyongyang ..."
    bare_after = [a for a in after if bare(toks, a, ts)]
    if len(ctx.main_states) == 2 and not before and any(  # "أعلنت حكومتا البلدين رفضهما خطة ترامب"
            phrase_at(toks, k, ts.dual) for k in range(max(0, i - 4, (said or 0) + 1), i)):
        tgt = [a for a in after if a.entity not in ctx.main_states][:1]
        return (dedupe([Participant(e, "source", None) for e in ctx.main_states] +
                       [Participant(a.entity, "target", a.mention) for a in tgt]) if tgt else None), True
    heads = said is None and not before and heads_near(toks, i, j, ts)
    src = lead or (ex._speaker(said, toks, actors, ts) if said is not None else (
        before[:LISTED] or chain(bare_after, toks, ts.titles, conjoined=True)[:LISTED]))  # "ندد لبنان وسوريا بـ"
    if heads:  # "ندد الزعيمان بـ", "أدان الزعيمان برامج بيونغ يانغ"
        src = ex._two_leaders(actors, i, ctx) or src
    owner = [a for a in bare_after if ts.lang == "ar" and (said is not None or not before) and a.kind == "person"
             and right_after(toks, a, j, ts)]
    if owner:  # "على خلفية اتهام وزير الخارجية الجزائري لعمامرة المغرب بـ": the person right after accuses,
        src = chain(bare_after[bare_after.index(owner[0]):], toks, ts.titles, conjoined=True)[:LISTED]  # with those joined
    taken = {a.entity for a in src}
    if toks[i].norm in ts.blaming and src:  # "blamed the attacks on Iran": the one after "on"
        on = next((a for a in after if a.entity not in taken and a.first - j <= 6 and follows(toks, a, {"on"})), None)
        if on is not None:
            return _sides(src, [on]), True
    him = ex.coref.companion_mark(toks, j + 1, ts) if ts.lang == "en" and src else None
    if him is not None and him.number == 1:  # "six weeks after Ukraine criticised him for hugging Putin": the
        prior = [a for a in actors if a.kind == "person" and a.last < i and bare(toks, a, ts)]  # sentence's subject
        found = ex.coref.antecedents(him, prior, ctx.discourse, taken, subject=True)[:1]
        if found:
            return _sides(src, found), True
    named = {k for a in actors for k in range(a.first, a.last + 1)}
    later = [a for a in actors if a.first > max([j] + [a.last for a in src if a in actors]) and a.entity not in taken]
    comp = [a for a in actors if said is not None and said < a.first < i and a.entity not in taken]
    own = {ex.registry.home_of(a.entity) for a in src} - {None}
    later = [a for a in later if ex.registry.home_of(a.entity) not in own  # "قال الوزير الكوري إن سيول قلقة"
             and not follows(toks, a, ts.beside, 2)  # "خلال مؤتمر صحفي مع نظيره الإريتري"
             and not any(toks[k].norm in ts.victims and k not in named  # "الهجوم الذي استهدف مسجدا في باكستان"
                         and not ruled(toks, k, ts)  # (not "the junta in Niger")
                         for k in range(max(0, a.first - 2), a.first))]  # (not "علي خامنئي"'s علي)
    comp = [a for a in comp if ex.registry.home_of(a.entity) not in own]
    # a verb joined after the saying has its own accused ("said that Hamas was … and condemned Israel's strikes")
    own_clause = complement or not nominal(toks[i].norm) and linked(toks, i, ts, ctx.clause_starts) or (
        toks[i].norm in ts.participles and i in ctx.clause_starts)  # "…، متهمة الاتحاد الأوروبي بـ"
    tgt = later[:1] if own_clause else (comp[:1] or later[:1])
    if tgt and tgt[0] in later:  # "accused the United States and South Korea": each one listed
        tgt = chain(later[later.index(tgt[0]):], toks, ts.titles, conjoined=True)[:LISTED]
    parts = _sides(src, tgt)
    if not tgt and dual:  # "condemned the cooperation between the two countries"
        parts += [Participant(e, "target", None) for e in dual if e not in taken]
    return parts, False


def _sides(accusers: list[Actor], accused: list[Actor]) -> list[Participant]:
    return [Participant(a.entity, "source", a.mention) for a in accusers] + \
        [Participant(a.entity, "target", a.mention) for a in accused]
