"""Build tiny Arabic stanza models from synthetic sentences, fully offline.

What: writes a stanza_resources-style folder (``<out>/resources.json`` and
``<out>/ar/{tokenize,mwt,pos,lemma,depparse,ner,pretrain}/tiny.pt``) that a real
``stanza.Pipeline(lang="ar", dir=out, download_method=None)`` loads.

Why: stanza's model host cannot be reached from the project's machines (CI included),
so the stanza backend could otherwise only be tested against fakes. These models are
trained here, with stanza's own trainers, on a few hundred template sentences in the
style of Arabic news (visits, meetings, agreements, calls, denials) that name people
(بوتين، لافروف، كيم جونغ أون…), states and cities (روسيا، موسكو، كوريا الشمالية…) and
bodies (الكرملين، الأمم المتحدة…). Clitics و/ب/ل are written as multi-word tokens
(وبوتين = و + بوتين, بالكرملين = ب + الكرملين) so MWT expansion is exercised. The
models tag sentences like the templates mostly right and anything else poorly: they
prove the plumbing (offsets, MWT, lemmas, heads, NER spans), not linguistic quality.

How: ``python tools/build_tiny_stanza.py --out DIR`` (idempotent: it does nothing when
DIR already holds all six models; ``--force`` rebuilds). Needs stanza and torch.
Takes about 70 s on two idle cores (about 130 s of CPU; longer on a busy machine);
the models take about 1 MB.
"""
from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import json
import logging
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

PACKAGE = "tiny"
SHORTHAND = "ar_tiny"
PROCESSORS = ("tokenize", "mwt", "pos", "lemma", "depparse", "ner")
SEED = 20240601
NOTE = "tiny synthetic models built by tools/build_tiny_stanza.py"

# --- vocabulary -------------------------------------------------------------------------
# (words, NER type); a multi-word name is headed by its first word, the rest are
# `flat` (names) or `amod` (adjective) dependents, as in UD Arabic-PADT.
PEOPLE = [("بوتين",), ("لافروف",), ("كيم", "جونغ", "أون"), ("ماكرون",), ("أردوغان",),
          ("شويغو",), ("بايدن",), ("شي", "جين", "بينغ")]
PLACES = [("روسيا",), ("موسكو",), ("كوريا", "الشمالية"), ("بيونغ", "يانغ"), ("الصين",),
          ("بكين",), ("فرنسا",), ("باريس",), ("تركيا",), ("أنقرة",), ("واشنطن",)]
BODIES = [("الكرملين",), ("الأمم", "المتحدة"), ("الاتحاد", "الأوروبي"), ("حلف", "الناتو")]
ADJ = {"الشمالية", "المتحدة", "الأوروبي"}
NOUN_HEADS = {"الأمم", "الاتحاد", "حلف"}
TIMES = [("اليوم", "يوم"), ("أمس", "أمس")]


@dataclass
class Word:
    form: str
    lemma: str
    upos: str
    deprel: str = "root"
    head: "Word | None" = None


@dataclass
class Sentence:
    tokens: list[list[Word]] = field(default_factory=list)
    ner: list[str] = field(default_factory=list)
    glued: set[int] = field(default_factory=set)  # token indexes with no space after them

    def add(self, form: str, lemma: str, upos: str, deprel: str, head: Word | None,
            clitic: Word | None = None, tag: str = "O") -> Word:
        word = Word(form, lemma, upos, deprel, head)
        self.tokens.append([clitic, word] if clitic else [word])
        self.ner.append(tag)
        return word

    def entity(self, name: tuple[str, ...], kind: str, deprel: str, head: Word | None,
               prefix: str | None = None, case: str = "case") -> Word:
        """Add a name; `prefix` (و/ب/ل) is glued to its first word as a multi-word token."""
        first = None
        for i, part in enumerate(name):
            tag = ("S-" if len(name) == 1 else "B-" if i == 0 else
                   "E-" if i == len(name) - 1 else "I-") + kind
            if i == 0:
                upos = "NOUN" if part in NOUN_HEADS else "PROPN"
                clitic = None
                if prefix:
                    clitic = Word(prefix, prefix, "CCONJ" if prefix == "و" else "ADP",
                                  "cc" if prefix == "و" else case)
                first = self.add(part, part, upos, deprel, head, clitic, tag)
                if clitic:
                    clitic.head = first
            else:
                rel, upos = ("amod", "ADJ") if part in ADJ else ("flat", "PROPN")
                self.add(part, part, upos, rel, first, tag=tag)
        return first  # type: ignore[return-value]

    def word(self, form: str, lemma: str, upos: str, deprel: str, head: Word | None,
             prefix: str | None = None) -> Word:
        clitic = None
        if prefix:
            clitic = Word(prefix, prefix, "CCONJ" if prefix == "و" else "ADP",
                          "cc" if prefix == "و" else "case")
        w = self.add(form, lemma, upos, deprel, head, clitic)
        if clitic:
            clitic.head = w
        return w

    def punct(self, form: str, head: Word | None, glue_after: bool = False) -> Word:
        """Punctuation written against the previous token (and the next one if asked)."""
        self.glued.add(len(self.tokens) - 1)
        if glue_after:
            self.glued.add(len(self.tokens))
        return self.add(form, form, "PUNCT", "punct", head)

    def end(self, root: Word) -> None:
        self.punct(".", root)


def _opener(s: Sentence, rng: random.Random, form: str, lemma: str) -> Word:
    """The sentence's verb, sometimes with a leading conjunction (وزار = و + زار)."""
    return s.word(form, lemma, "VERB", "root", None, prefix="و" if rng.random() < 0.3 else None)


def _time(s: Sentence, rng: random.Random, root: Word) -> None:
    if rng.random() < 0.35:
        form, lemma = rng.choice(TIMES)
        comma = s.punct("،", None) if rng.random() < 0.5 else None
        when = s.word(form, lemma, "NOUN", "obl:tmod", root)
        if comma:
            comma.head = when


def make_sentence(rng: random.Random) -> Sentence:
    s = Sentence()
    per, per2 = rng.sample(PEOPLE, 2)
    loc, loc2 = rng.sample(PLACES, 2)
    org = rng.choice(BODIES)
    kind = rng.randrange(8)
    if kind == 0:  # زار بوتين بيونغ يانغ اليوم.
        verb = rng.choice([("زار", "زار"), ("يزور", "زار")])
        root = _opener(s, rng, *verb)
        s.entity(per, "PER", "nsubj", root)
        s.entity(loc, "LOC", "obj", root)
        _time(s, rng, root)
    elif kind == 1:  # التقى بوتين مع لافروف / بلافروف في موسكو.
        root = _opener(s, rng, "التقى", "التقى")
        s.entity(per, "PER", "nsubj", root)
        if rng.random() < 0.5:
            with_ = Word("مع", "مع", "ADP", "case")
            s.tokens.append([with_])
            s.ner.append("O")
            with_.head = s.entity(per2, "PER", "obl", root)
        else:
            s.entity(per2, "PER", "obl", root, prefix="ب")
        prep = s.word("في", "في", "ADP", "case", None)
        prep.head = s.entity(loc, "LOC", "obl", root)
        _time(s, rng, root)
    elif kind == 2:  # وقع بوتين وكيم جونغ أون اتفاقا في موسكو.
        root = _opener(s, rng, "وقع", "وقع")
        subj = s.entity(per, "PER", "nsubj", root)
        s.entity(per2, "PER", "conj", subj, prefix="و")
        s.word(rng.choice(["اتفاقا", "اتفاقية"]), "اتفاق", "NOUN", "obj", root)
        if rng.random() < 0.6:
            s.entity(loc, "LOC", "obl", root, prefix="ب")
        _time(s, rng, root)
    elif kind == 3:  # دعا لافروف واشنطن إلى الحوار.
        if rng.random() < 0.6:
            root = _opener(s, rng, "دعا", "دعا")
            s.entity(per, "PER", "nsubj", root)
        else:  # a state as the actor: دعت روسيا واشنطن …
            root = _opener(s, rng, "دعت", "دعا")
            s.entity(loc2, "LOC", "nsubj", root)
        s.entity(loc, "LOC", "obj", root)
        to = s.word("إلى", "إلى", "ADP", "case", None)
        to.head = s.word(*rng.choice([("الحوار", "حوار"), ("التهدئة", "تهدئة")]), "NOUN", "obl", root)
    elif kind == 4:  # نفى الكرملين زيارة بوتين لكوريا الشمالية.
        root = _opener(s, rng, rng.choice(["نفى", "نفت"]), "نفى")
        if rng.random() < 0.5:
            s.entity(org, "ORG", "nsubj", root)
        else:
            s.entity(loc2, "LOC", "nsubj", root)
        noun = s.word(*rng.choice([("زيارة", "زيارة"), ("لقاء", "لقاء")]), "NOUN", "obj", root)
        s.entity(per, "PER", "nmod", noun)
        s.entity(loc, "LOC", "nmod", noun, prefix="ل")
    elif kind == 5:  # أعلن الكرملين عن لقاء بين بوتين وشي جين بينغ بموسكو.
        root = _opener(s, rng, "أعلن", "أعلن")
        s.entity(org, "ORG", "nsubj", root)
        about = s.word("عن", "عن", "ADP", "case", None)
        noun = s.word(*rng.choice([("لقاء", "لقاء"), ("زيارة", "زيارة"), ("اتفاق", "اتفاق")]),
                      "NOUN", "obl", root)
        about.head = noun
        between = s.word("بين", "بين", "ADP", "case", None)
        first = s.entity(per, "PER", "nmod", noun)
        between.head = first
        s.entity(per2, "PER", "conj", first, prefix="و")
        if rng.random() < 0.6:
            s.entity(loc, "LOC", "nmod", noun, prefix="ب")
    elif kind == 6:  # وصل ماكرون إلى بكين في زيارة رسمية.
        root = _opener(s, rng, "وصل", "وصل")
        s.entity(per, "PER", "nsubj", root)
        to = s.word("إلى", "إلى", "ADP", "case", None)
        to.head = s.entity(loc, "LOC", "obl", root)
        _time(s, rng, root)
        if rng.random() < 0.6:
            in_ = s.word("في", "في", "ADP", "case", None)
            visit = s.word("زيارة", "زيارة", "NOUN", "obl", root)
            in_.head = visit
            s.word("رسمية", "رسمي", "ADJ", "amod", visit)
    else:  # وقال لافروف إن روسيا تدعو إلى الحوار.
        root = s.word("قال", "قال", "VERB", "root", None, prefix="و" if rng.random() < 0.6 else None)
        s.entity(per, "PER", "nsubj", root)
        quoted = rng.random() < 0.4  # وقال لافروف: «روسيا تدعو إلى السلام».
        opening = [s.punct(":", None), s.add("«", "«", "PUNCT", "punct", None)] if quoted else \
            [s.word("إن", "إن", "SCONJ", "mark", None)]
        if quoted:
            s.glued.add(len(s.tokens) - 1)
        subj = s.entity(loc, "LOC", "nsubj", None)
        verb = s.word(*rng.choice([("تدعو", "دعا"), ("ترفض", "رفض"), ("تريد", "أراد")]),
                      "VERB", "ccomp", root)
        subj.head = verb
        for w in opening:
            w.head = verb
        if verb.lemma == "دعا":
            to = s.word("إلى", "إلى", "ADP", "case", None)
            to.head = s.word("السلام", "سلام", "NOUN", "obl", verb)
        else:
            s.word("السلام", "سلام", "NOUN", "obj", verb)
        if quoted:
            s.punct("»", verb)
    s.end(root)
    return s


# --- writers ---------------------------------------------------------------------------
def token_form(token: list[Word]) -> str:
    return "".join(w.form for w in token)


def to_conllu(sentences: list[Sentence], texts: list[str]) -> str:
    out = []
    for n, (s, text) in enumerate(zip(sentences, texts), 1):
        words = [w for t in s.tokens for w in t]
        index = {id(w): i for i, w in enumerate(words, 1)}
        lines = [f"# sent_id = {n}", f"# text = {text}"]
        i = 1
        for t, token in enumerate(s.tokens):
            misc = "SpaceAfter=No" if t in s.glued and t + 1 < len(s.tokens) else "_"
            if len(token) > 1:
                lines.append(f"{i}-{i + len(token) - 1}\t{token_form(token)}\t_\t_\t_\t_\t_\t_\t_\t{misc}")
                misc = "_"
            for w in token:
                head = index[id(w.head)] if w.head is not None else 0
                lines.append(f"{i}\t{w.form}\t{w.lemma}\t{w.upos}\t_\t_\t{head}\t{w.deprel}\t_\t{misc}")
                i += 1
        out.append("\n".join(lines) + "\n")
    return "\n".join(out) + "\n"


def sentence_text(s: Sentence) -> str:
    return "".join(token_form(t) + ("" if i in s.glued or i + 1 == len(s.tokens) else " ")
                   for i, t in enumerate(s.tokens))


def to_ner_json(sentences: list[Sentence]) -> list:
    return [[{"text": token_form(t), "ner": tag} for t, tag in zip(s.tokens, s.ner)]
            for s in sentences]


def write_split(work: Path, name: str, sentences: list[Sentence]) -> None:
    texts = [sentence_text(s) for s in sentences]
    (work / f"{name}.conllu").write_text(to_conllu(sentences, texts), encoding="utf-8")
    paragraphs = [" ".join(texts[i:i + 5]) for i in range(0, len(texts), 5)]
    (work / f"{name}.txt").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    (work / f"{name}.ner.json").write_text(json.dumps(to_ner_json(sentences), ensure_ascii=False),
                                           encoding="utf-8")


def write_vectors(path: Path, sentences: list[Sentence], dim: int, rng: random.Random) -> None:
    """Word2vec text vectors: one random centre per class (people, places, …) plus noise,
    so unseen combinations of seen names still look alike to the taggers."""
    classes: dict[str, list[float]] = {}
    vocab: dict[str, str] = {}
    for s in sentences:
        for token, tag in zip(s.tokens, s.ner):
            for w in token + ([Word(token_form(token), "", "X")] if len(token) > 1 else []):
                vocab.setdefault(w.form, tag[2:] if tag != "O" and w.upos != "CCONJ" else w.upos)
    lines = [f"{len(vocab)} {dim}"]
    for form, cls in sorted(vocab.items()):
        centre = classes.setdefault(cls, [rng.gauss(0, 1) for _ in range(dim)])
        lines.append(form + " " + " ".join(f"{c + rng.gauss(0, 0.3):.4f}" for c in centre))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


# --- training --------------------------------------------------------------------------
def _run(module: str, args: list[str], log: Path) -> None:
    env = dict(os.environ, OMP_NUM_THREADS="1", MKL_NUM_THREADS="1", PYTHONHASHSEED="0")
    cmd = [sys.executable, "-m", module, *args]
    with log.open("w") as fh:
        done = subprocess.run(cmd, stdout=fh, stderr=subprocess.STDOUT, env=env)
    if done.returncode:
        tail = log.read_text(errors="replace")[-3000:]
        raise RuntimeError(f"{module} failed ({done.returncode}):\n{tail}")


def train_all(work: Path, lang_dir: Path) -> None:
    w = str(work)
    pre = str(lang_dir / "pretrain" / f"{PACKAGE}.pt")
    common = ["--shorthand", SHORTHAND, "--cpu", "--seed", "1234"]
    out = {p: lang_dir / p for p in PROCESSORS}
    for d in out.values():
        d.mkdir(parents=True, exist_ok=True)
    conll = lambda split: f"{w}/{split}.conllu"  # noqa: E731
    jobs = {
        "stanza.models.tokenizer": [
            "--txt_file", f"{w}/train.txt", "--label_file", f"{w}/train.labels",
            "--mwt_json_file", f"{w}/train.mwt.json",
            "--dev_txt_file", f"{w}/dev.txt", "--dev_label_file", f"{w}/dev.labels",
            "--emb_dim", "16", "--hidden_dim", "32", "--conv_filters", "1,5", "--steps", "600",
            "--eval_steps", "150", "--batch_size", "16", "--max_seqlen", "80", "--lr0", "0.004",
            "--save_dir", str(out["tokenize"]), "--save_name", f"{PACKAGE}.pt"],
        "stanza.models.mwt_expander": [
            "--train_file", conll("train"), "--eval_file", conll("dev"), "--gold_file", conll("dev"),
            "--output_file", f"{w}/mwt.pred.conllu", "--hidden_dim", "16", "--emb_dim", "8",
            "--num_epoch", "6", "--save_dir", str(out["mwt"]), "--save_name", f"{PACKAGE}.pt"],
        "stanza.models.tagger": [
            "--wordvec_pretrain_file", pre, "--train_file", conll("train"), "--eval_file", conll("dev"),
            "--output_file", f"{w}/pos.pred.conllu", "--hidden_dim", "32", "--char_hidden_dim", "16",
            "--deep_biaff_hidden_dim", "32", "--composite_deep_biaff_hidden_dim", "16",
            "--word_emb_dim", "16", "--char_emb_dim", "16", "--tag_emb_dim", "8",
            "--transformed_dim", "16", "--num_layers", "1", "--max_steps", "200",
            "--eval_interval", "100", "--batch_size", "200", "--save_dir", str(out["pos"]),
            "--save_name", f"{PACKAGE}.pt"],
        "stanza.models.lemmatizer": [
            "--train_file", conll("train"), "--eval_file", conll("dev"),
            "--output_file", f"{w}/lemma.pred.conllu", "--hidden_dim", "32", "--emb_dim", "16",
            "--pos_dim", "16", "--num_epoch", "8", "--save_dir", str(out["lemma"]),
            "--save_name", f"{PACKAGE}.pt"],
        "stanza.models.parser": [
            "--wordvec_pretrain_file", pre, "--train_file", conll("train"), "--eval_file", conll("dev"),
            "--output_file", f"{w}/dep.pred.conllu", "--hidden_dim", "32", "--char_hidden_dim", "16",
            "--deep_biaff_hidden_dim", "32", "--deep_biaff_output_dim", "16", "--word_emb_dim", "16",
            "--char_emb_dim", "16", "--tag_emb_dim", "8", "--transformed_dim", "16",
            "--num_layers", "1", "--max_steps", "300", "--eval_interval", "100",
            "--batch_size", "1000", "--optim", "adam", "--lr", "0.003", "--no_checkpoint",
            "--save_dir", str(out["depparse"]), "--save_name", f"{PACKAGE}.pt"],
        "stanza.models.ner_tagger": [
            "--wordvec_pretrain_file", pre, "--train_file", f"{w}/train.ner.json",
            "--eval_file", f"{w}/dev.ner.json", "--hidden_dim", "32", "--char_hidden_dim", "16",
            "--char_emb_dim", "16", "--max_steps", "300", "--eval_interval", "100",
            "--optim", "adam", "--lr", "0.005", "--save_dir", str(out["ner"]),
            "--save_name", f"{PACKAGE}.pt"],
    }
    with_lang = ("tokenizer", "mwt_expander", "tagger", "parser")
    with ThreadPoolExecutor(max_workers=max(1, min(3, os.cpu_count() or 1))) as pool:
        futures = [pool.submit(_run, module, args + common + (
                                   ["--lang", "ar"] if module.rsplit(".", 1)[-1] in with_lang else []),
                               work / f"{module.rsplit('.', 1)[-1]}.log")
                   for module, args in jobs.items()]
        for f in futures:
            f.result()
    for leftover in lang_dir.rglob("*_checkpoint.pt"):
        leftover.unlink()


def md5(path: Path) -> str:
    return hashlib.md5(path.read_bytes()).hexdigest()


def write_resources(out: Path) -> None:
    """The minimal resources.json stanza reads even with download_method=None."""
    lang_dir = out / "ar"
    dep = [{"model": "pretrain", "package": PACKAGE}]
    entry: dict = {"lang_name": "Arabic", "default_processors": {p: PACKAGE for p in PROCESSORS},
                   "packages": {"default": {p: PACKAGE for p in PROCESSORS}}}
    for proc in (*PROCESSORS, "pretrain"):
        info: dict = {"md5": md5(lang_dir / proc / f"{PACKAGE}.pt")}
        if proc in ("pos", "depparse", "ner"):
            info["dependencies"] = dep
        entry[proc] = {PACKAGE: info}
    resources = {"ar": entry, "url": "file://offline/{lang}/{filename}", "note": NOTE}
    (out / "resources.json").write_text(json.dumps(resources, ensure_ascii=False, indent=1),
                                        encoding="utf-8")


def is_built(out: Path) -> bool:
    return ours(out) and all(
        (out / "ar" / p / f"{PACKAGE}.pt").exists() for p in (*PROCESSORS, "pretrain"))


def ours(out: Path) -> bool:
    """Whether `out`/resources.json was written by this tool (never clobber real models)."""
    try:
        return NOTE in json.loads((out / "resources.json").read_text(encoding="utf-8")).get("note", "")
    except (OSError, ValueError):
        return False


def build(out: Path, force: bool = False, sentences: int = 600, log=print) -> Path:
    """Build the tiny Arabic models into `out` (skipped when already there); returns `out`.

    The models are built in a sibling folder and moved into place at the end, so an
    interrupted build leaves no half-built folder that would pass for a finished one."""
    out = Path(out).resolve()
    if is_built(out) and not force:
        log(f"tiny stanza models already in {out}")
        return out
    if out.exists() and any(out.iterdir()) and not ours(out):
        raise SystemExit(f"{out} is not empty and holds no tiny models: refusing to overwrite it")
    started = time.time()
    rng = random.Random(SEED)
    train = [make_sentence(rng) for _ in range(sentences)]
    dev = [make_sentence(rng) for _ in range(max(40, sentences // 8))]
    from stanza.models.common.pretrain import Pretrain
    from stanza.utils.datasets import prepare_tokenizer_data

    out.parent.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=f".{out.name}.building-", dir=out.parent))
    lang_dir = stage / "ar"
    stanza_log = logging.getLogger("stanza")
    level = stanza_log.level
    stanza_log.setLevel(logging.WARNING)
    try:
        with tempfile.TemporaryDirectory(prefix="tiny-stanza-") as tmp:
            work = Path(tmp)
            for name, data in (("train", train), ("dev", dev)):
                write_split(work, name, data)
                with contextlib.redirect_stdout(io.StringIO()):
                    prepare_tokenizer_data.main([  # -o must be an absolute path
                        str(work / f"{name}.txt"), str(work / f"{name}.conllu"),
                        "-o", str(work / f"{name}.labels"), "-m", str(work / f"{name}.mwt.json")])
            write_vectors(work / "vectors.txt", train + dev, 16, rng)
            (lang_dir / "pretrain").mkdir(parents=True)
            Pretrain(str(lang_dir / "pretrain" / f"{PACKAGE}.pt"), str(work / "vectors.txt")).load()
            try:
                train_all(work, lang_dir)
            except Exception:
                keep = out.parent / f"{out.name}-build-logs"
                shutil.copytree(work, keep, dirs_exist_ok=True)
                log(f"build failed; logs kept in {keep}")
                raise
        write_resources(stage)
        if out.exists():
            shutil.rmtree(out)
        os.replace(stage, out)
        out.chmod(0o755)  # mkdtemp made it private
    finally:
        stanza_log.setLevel(level)
        shutil.rmtree(stage, ignore_errors=True)
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    log(f"built tiny stanza models in {out} ({size / 1e6:.1f} MB, {time.time() - started:.0f} s)")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, required=True, help="stanza_resources-style folder to write")
    ap.add_argument("--force", action="store_true", help="rebuild even when the models exist")
    ap.add_argument("--sentences", type=int, default=600, help="synthetic training sentences")
    args = ap.parse_args(argv)
    build(args.out, force=args.force, sentences=args.sentences)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
