"""`loader evaluate`: each scoring rule of the export contract on small hand-made cases, bad inputs,
splits, and the seeds scored through an export file, a seeded database and a scratch database."""
from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from typer.testing import CliRunner

from loaders.cli import app
from loaders.evaluate import Names, evaluate, export_folder, score_article
from loaders.export import rows as export_rows, write_jsonl
from loaders.gold import EvalInputError, load_gold, load_golds, load_split, parse_gold, read_export
from loaders.knowledge import KnowledgeError

ROOT = Path(__file__).resolve().parent.parent
SEEDS_GOLD = ROOT / "tests" / "data" / "seeds_gold.json"


@pytest.fixture(scope="module")
def names() -> Names:
    return Names.load()


def _ev(etype, participants, date=None, end=None, negated=False, section="main", evidence="") -> dict:
    return {"type": etype, "participants": participants, "date_start": date, "date_end": end,
            "negated": negated, "section": section, "evidence": evidence}


def _gold(events, optional=(), main=(), related=(), forbidden=(), published=None) -> dict:
    return {"file": "a.txt", "published": published, "main_entities": list(main),
            "related_only_entities": list(related), "forbidden_event_participants": list(forbidden),
            "events": [{"id": f"a-{i}", **e} for i, e in enumerate(events, 1)], "optional_events": list(optional)}


def _score(gold: dict, events=(), entities=(), published=None, names=None, exported=True):
    article = parse_gold({"articles": [gold]})[0]
    row = {"file": "texts/a.txt", "published": published, "entities": list(entities), "events": list(events)}
    return evaluate([article], [row] if exported else [], names).articles[0]


MEET = {"type": "meeting", "participants": ["Kim Jong Un", "Vladimir Putin"]}
VISIT = {"type": "visit", "participants": ["Sergey Lavrov", "North Korea"]}

# (case, gold events, optional gold events, exported events, expected (tp, fp, fn))
MATCHING = [
    ("same type and participants", [MEET], [], [_ev("meeting", ["Vladimir Putin", "Kim Jong Un"])], (1, 0, 0)),
    ("other type", [MEET], [], [_ev("visit", ["Vladimir Putin", "Kim Jong Un"])], (0, 1, 1)),
    ("one participant more is allowed", [MEET], [], [_ev("meeting", ["Kim Jong Un", "Vladimir Putin", "Russia"])],
     (1, 0, 0)),
    ("two participants more is not", [MEET], [],
     [_ev("meeting", ["Kim Jong Un", "Vladimir Putin", "Russia", "North Korea"])], (0, 1, 1)),
    ("a gold participant missing", [MEET], [], [_ev("meeting", ["Kim Jong Un", "Sergei Shoigu"])], (0, 1, 1)),
    ("a second telling of a matched event is neutral", [MEET], [],
     [_ev("meeting", ["Kim Jong Un", "Vladimir Putin"]), _ev("meeting", ["Kim Jong Un", "Vladimir Putin"])], (1, 0, 0)),
    ("an optional event neither helps nor hurts", [MEET], [VISIT],
     [_ev("meeting", ["Kim Jong Un", "Vladimir Putin"]), _ev("visit", ["Sergey Lavrov", "North Korea"])], (1, 0, 0)),
    ("an event of a related block is ignored", [MEET], [],
     [_ev("meeting", ["Kim Jong Un", "Vladimir Putin"]), _ev("visit", ["Xi Jinping", "Russia"], section="related")],
     (1, 0, 0)),
    ("two gold events, one export each", [MEET, VISIT], [],
     [_ev("visit", ["North Korea", "Sergey Lavrov"]), _ev("meeting", ["Vladimir Putin", "Kim Jong Un"])], (2, 0, 0)),
    ("one export cannot serve two gold events", [MEET, MEET], [], [_ev("meeting", ["Kim Jong Un", "Vladimir Putin"])],
     (1, 0, 1)),
    ("nothing exported", [MEET, VISIT], [], [], (0, 0, 2)),
    ("spelling variants name the same people", [MEET, VISIT], [],
     [_ev("meeting", ["kim jong-un", "VLADIMIR PUTIN"]), _ev("visit", ["Sergei Lavrov", "DPRK"])], (2, 0, 0)),
]


@pytest.mark.parametrize("case,gold,optional,events,expected", MATCHING, ids=[m[0] for m in MATCHING])
def test_matching_of_events(names, case, gold, optional, events, expected):
    score = _score(_gold(gold, optional), events, names=names)
    assert (score.tp, score.fp, score.fn) == expected


ACCEPT = {"type": "visit", "participants": ["Choe Son Hui", "Russia"], "also_accept": {"Choe Son Hui": ["North Korea"]}}
BOTH = {"type": "agreement", "participants": ["Russia", "Vladimir Putin"], "also_accept": {"Vladimir Putin": ["Russia"]}}
ALTERNATIVES = [
    ("by its own name", ACCEPT, ["Choe Son Hui", "Russia"], True),
    ("by the accepted alternative", ACCEPT, ["North Korea", "Russia"], True),
    ("an alternative of another participant does not count", ACCEPT, ["Choe Son Hui", "North Korea"], False),
    ("one name cannot stand for two participants", BOTH, ["Russia"], False),
    ("listing the alternative too costs an extra", BOTH, ["Russia", "Vladimir Putin", "North Korea"], True),
    ("and two extras are too many", BOTH, ["Russia", "Vladimir Putin", "North Korea", "China"], False),
]


@pytest.mark.parametrize("case,gold,participants,matched", ALTERNATIVES, ids=[a[0] for a in ALTERNATIVES])
def test_accepted_alternatives(names, case, gold, participants, matched):
    score = _score(_gold([gold]), [_ev(gold["type"], participants)], names=names)
    assert score.tp == int(matched)


# (case, gold date fields, exported (start, end), expected (dates right, dates counted))
DATES = [
    ("same day", {"date": "2023-09-13"}, ("2023-09-13", None), (1, 1)),
    ("more precise than gold", {"date": "2023-09"}, ("2023-09-13", None), (1, 1)),
    ("less precise than gold", {"date": "2023-09-13"}, ("2023-09", None), (0, 1)),
    ("year only against a month", {"date": "2023-09"}, ("2023", None), (0, 1)),
    ("other day", {"date": "2023-09-13"}, ("2023-09-14", None), (0, 1)),
    ("other month of the year", {"date": "2023"}, ("2024-01-02", None), (0, 1)),
    ("no date where gold needs one", {"date": "2023-09"}, (None, None), (0, 1)),
    ("range with its end", {"date": "2023-09-11", "date_end": "2023-09-17"}, ("2023-09-11", "2023-09-17"), (1, 1)),
    ("range without its end", {"date": "2023-09-11", "date_end": "2023-09-17"}, ("2023-09-11", None), (0, 1)),
    ("range with another end", {"date": "2023-09-11", "date_end": "2023-09-17"}, ("2023-09-11", "2023-09-16"), (0, 1)),
    ("not fixed by the text: null is not counted", {"date": "2023-09", "date_required": False}, (None, None), (0, 0)),
    ("not fixed by the text: a wrong date is", {"date": "2023-09", "date_required": False}, ("2022-09", None), (0, 1)),
    ("not fixed by the text: a right date is", {"date": "2023-09", "date_required": False}, ("2023-09", None), (1, 1)),
    ("gold without a date", {}, ("2023-09-13", None), (0, 0)),
]


@pytest.mark.parametrize("case,gold_date,found,expected", DATES, ids=[d[0] for d in DATES])
def test_date_accuracy(names, case, gold_date, found, expected):
    score = _score(_gold([{**MEET, **gold_date}]), [_ev("meeting", MEET["participants"], *found)], names=names)
    assert score.tp == 1 and score.dates == expected


def test_best_export_is_right_negation_first_then_right_date_then_fewest_extras(names):
    gold = _gold([{**MEET, "date": "2023-09", "negated": True}])
    wrong_negation = _ev("meeting", MEET["participants"], "2023-09", negated=False, evidence="first")
    right_negation = _ev("meeting", MEET["participants"], "2022", negated=True, evidence="second")
    score = _score(gold, [wrong_negation, right_negation], names=names)
    assert score.matches[0].found.evidence == "second" and score.negation == (1, 1) and score.dates == (0, 1)
    extra = _ev("meeting", [*MEET["participants"], "Russia"], "2023-09", evidence="extra")
    exact = _ev("meeting", MEET["participants"], "2023-09", evidence="exact")
    score = _score(_gold([{**MEET, "date": "2023-09"}]), [extra, exact], names=names)
    assert score.matches[0].found.evidence == "exact" and (score.tp, score.fp) == (1, 0)
    dated = _ev("meeting", [*MEET["participants"], "Russia"], "2023-09", evidence="dated")
    score = _score(_gold([{**MEET, "date": "2023-09"}]), [exact | {"date_start": None}, dated], names=names)
    assert score.matches[0].found.evidence == "dated"


NEGATION = [
    ("denied agreement found as denied", True, [True], (1, 1)),
    ("denied agreement found as signed", True, [False], (0, 1)),
    ("signed agreement found as denied", False, [True], (0, 1)),
    ("denied agreement missed still counts", True, [], (0, 1)),
    ("signed agreement missed does not", False, [], (0, 0)),
]


@pytest.mark.parametrize("case,negated,found,expected", NEGATION, ids=[n[0] for n in NEGATION])
def test_negation_accuracy(names, case, negated, found, expected):
    gold = _gold([{"type": "agreement", "participants": ["Russia", "North Korea"], "negated": negated}])
    score = _score(gold, [_ev("agreement", ["North Korea", "Russia"], negated=n) for n in found], names=names)
    assert score.negation == expected


def test_an_event_naming_a_related_block_actor_is_false_and_a_leak(names):
    gold = _gold([MEET], related=["Wang Yi"], forbidden=["Wang Yi"])
    score = _score(gold, [_ev("meeting", [*MEET["participants"]]), _ev("meeting", ["Wang Yi", "Sergey Lavrov"])],
                   entities=[{"name": "Wang Yi", "section": "related"}], names=names)
    assert (score.tp, score.fp, len(score.leak_events), score.related_leaks) == (1, 1, 1, [])
    leaked = _score(gold, [], entities=[{"name": "Wang Yi", "section": "main"}], names=names)
    assert leaked.related_leaks == ["Wang Yi"]


ENTITIES = [
    ("all found", ["Russia", "North Korea"], [("Russia", "main"), ("North Korea", "main")], 0),
    ("a related-section mention is not a main one", ["Russia", "North Korea"],
     [("Russia", "main"), ("North Korea", "related")], 1),
    ("variants count", ["United States", "Choe Son Hui", "Kim Jong Un"],
     [("US", "main"), ("Choe Son-hui", "main"), ("Kim Jongun", "main")], 0),
    ("a listed name twice is one entity", ["Russia", "russia"], [("Russia", "main")], 0),
    ("nothing found", ["Russia", "China"], [], 2),
]


@pytest.mark.parametrize("case,gold_main,found,missed", ENTITIES, ids=[e[0] for e in ENTITIES])
def test_entity_recall(names, case, gold_main, found, missed):
    score = _score(_gold([], main=gold_main), entities=[{"name": n, "section": s, "mentions": 1} for n, s in found],
                   names=names)
    assert len(score.entities_missed) == missed
    assert score.entities_total == len({n.lower() for n in gold_main})


PUBLISHED = [("same day", "2024-01-16", "2024-01-16", True, True), ("other day", "2024-01-16", "2024-01-17", True, False),
             ("less precise", "2024-01-16", "2024-01", True, False), ("both unknown", None, None, True, True),
             ("found where the text prints none", None, "2024-01-16", True, False),
             ("article not exported", None, None, False, False)]


@pytest.mark.parametrize("case,gold,found,exported,right", PUBLISHED, ids=[p[0] for p in PUBLISHED])
def test_publication_date(names, case, gold, found, exported, right):
    assert _score(_gold([], published=gold), published=found, names=names, exported=exported).published_right is right


def test_summary_figures_are_ratios_of_the_summed_counts(names):
    gold = parse_gold({"articles": [
        {**_gold([MEET, VISIT], main=["Russia"]), "file": "one.txt"},
        {**_gold([{**MEET, "date": "2023-09"}], main=["China"], published="2024-01-16"), "file": "two.txt"}]})
    rows = [{"file": "one.txt", "published": None, "entities": [{"name": "Russia"}],
             "events": [_ev("meeting", MEET["participants"]), _ev("accusation", ["Japan", "China"])]},
            {"file": "two.txt", "published": "2024-01-16", "entities": [],
             "events": [_ev("meeting", MEET["participants"], "2023-09-13")]}]
    s = evaluate(gold, rows, names).summary
    p, r = 2 / 3, 2 / 3
    assert (s["event_precision"], s["event_recall"]) == (round(p, 3), round(r, 3))
    assert s["event_f1"] == round(2 * p * r / (p + r), 3)
    assert (s["date_accuracy"], s["entity_recall"], s["published_accuracy"]) == (1.0, 0.5, 1.0)
    empty = evaluate(parse_gold({"articles": [_gold([])]}), [], names).summary
    assert (empty["event_f1"], empty["date_accuracy"], empty["entity_recall"]) == (0.0, 0.0, 0.0)


SAME = [("Kim Jong Un", "Kim Jong-un"), ("Kim Jong Un", "kim jongun"), ("North Korea", "DPRK"),
        ("North Korea", "Democratic People's Republic of Korea"), ("North Korea", "Korea, North"),
        ("United States", "US"), ("United States", "USA"), ("Sergey Lavrov", "Sergei Lavrov"),
        ("Sergei Shoigu", "Sergey Shoigu"), ("Choe Son Hui", "Choi Son Hui"), ("Russia", "Russian Federation"),
        ("Turkey", "Türkiye")]
DIFFERENT = [("North Korea", "South Korea"), ("United States", "United Nations"), ("Sergey Lavrov", "Sergei Shoigu"),
             ("Russia", "Belarus")]


@pytest.mark.parametrize("a,b", SAME)
def test_spellings_of_one_entity_share_a_key(names, a, b):
    assert names.key(a) == names.key(b)


@pytest.mark.parametrize("a,b", DIFFERENT)
def test_different_entities_keep_their_keys(names, a, b):
    assert names.key(a) != names.key(b)


GOOD = {"file": "a.txt", "published": None, "main_entities": [], "events": []}
BAD_GOLD = [
    ("not an object", [], "'articles' list"),
    ("no file", {"articles": [{"main_entities": [], "events": []}]}, "missing required key 'file'"),
    ("unknown type", {"articles": [{**GOOD, "events": [{"type": "party", "participants": ["Russia"]}]}]}, "'party'"),
    ("no participants", {"articles": [{**GOOD, "events": [{"type": "visit", "participants": []}]}]}, "empty"),
    ("bad date", {"articles": [{**GOOD, "events": [{"type": "visit", "participants": ["Russia"], "date": "13/09/2023"}]}]},
     "ISO date"),
    ("end before start", {"articles": [{**GOOD, "events": [
        {"type": "visit", "participants": ["Russia"], "date": "2023-09-13", "date_end": "2023-09-01"}]}]}, "before"),
    ("alternative of a non-participant", {"articles": [{**GOOD, "events": [
        {"type": "visit", "participants": ["Russia"], "also_accept": {"China": ["Beijing"]}}]}]}, "not among"),
    ("one file twice", {"articles": [GOOD, {**GOOD, "file": "x/a.txt"}]}, "already annotated"),
    ("bad published", {"articles": [{**GOOD, "published": "yesterday"}]}, "'published'"),
]


@pytest.mark.parametrize("case,data,problem", BAD_GOLD, ids=[b[0] for b in BAD_GOLD])
def test_bad_gold_names_the_file_and_the_problem(tmp_path, case, data, problem):
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(EvalInputError, match=r"gold\.json") as info:
        load_gold(path)
    assert problem in str(info.value)
    result = CliRunner().invoke(app, ["evaluate", str(path), "--gold", str(path)])
    assert result.exit_code != 0 and "gold.json" in result.output


BAD_EXPORT = [("not JSON", "{oops\n", "line 1 is not JSON"), ("no file", '{"events": []}\n', "'file'"),
              ("events not a list", '{"file": "a.txt", "events": {}}\n', "'events' must be a list")]


@pytest.mark.parametrize("case,content,problem", BAD_EXPORT, ids=[b[0] for b in BAD_EXPORT])
def test_bad_export_names_the_file_and_the_line(tmp_path, case, content, problem):
    path = tmp_path / "out.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(EvalInputError, match=problem):
        read_export(path)
    result = CliRunner().invoke(app, ["evaluate", str(path), "--gold", str(SEEDS_GOLD)])
    assert result.exit_code != 0 and "out.jsonl" in result.output


def test_missing_inputs_and_a_split_without_manifest_fail_cleanly(tmp_path):
    for args in (["evaluate", str(tmp_path / "none.jsonl"), "--gold", str(SEEDS_GOLD)],
                 ["evaluate", str(SEEDS_GOLD), "--gold", str(tmp_path / "none.json")],
                 ["evaluate", str(SEEDS_GOLD), "--gold", str(SEEDS_GOLD), "--split", "dev"]):
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 1 and "error:" in result.output and "Traceback" not in result.output


def test_manifest_split_chooses_the_articles(tmp_path, names):
    manifest = tmp_path / "manifest.json"
    manifest.write_text(json.dumps([{"file": "one.txt", "split": "dev"}, {"file": "two.txt", "split": "test"},
                                    {"file": "three.txt", "split": "dev"}]), encoding="utf-8")
    assert load_split(manifest, "dev") == {"one.txt", "three.txt"}
    assert load_split(manifest, "all") == {"one.txt", "two.txt", "three.txt"}
    with pytest.raises(EvalInputError, match="unknown split"):
        load_split(manifest, "train")
    gold = parse_gold({"articles": [{**_gold([MEET]), "file": "one.txt"}, {**_gold([VISIT]), "file": "two.txt"}]})
    result = evaluate(gold, [{"file": "one.txt", "events": [_ev("meeting", MEET["participants"])]}], names,
                      only=load_split(manifest, "dev"))
    assert [a.file for a in result.articles] == ["one.txt"] and result.summary["event_f1"] == 1.0
    assert any("three.txt" in w for w in result.warnings)
    with pytest.raises(EvalInputError, match="no gold article"):
        evaluate(gold, [], names, only={"nine.txt"})


def test_two_gold_files_read_as_one_but_not_the_same_article_twice(tmp_path):
    one, two = tmp_path / "one.json", tmp_path / "two.json"
    one.write_text(json.dumps({"articles": [GOOD]}), encoding="utf-8")
    two.write_text(json.dumps({"articles": [{**GOOD, "file": "b.txt"}]}), encoding="utf-8")
    assert [a.file for a in load_golds([one, two])] == ["a.txt", "b.txt"]
    with pytest.raises(EvalInputError, match="already annotated"):
        load_golds([one, one])


def test_seeds_through_an_export_file_and_the_cli_agree(seeded, names, tmp_path):
    gold = load_gold(SEEDS_GOLD)
    result = evaluate(gold, list(export_rows(seeded)), names)
    s = result.summary
    assert (s["articles"], s["articles_exported"]) == (4, 4)
    assert s["event_f1"] >= 0.95 and s["date_accuracy"] >= 0.95 and s["published_accuracy"] >= 0.95
    assert (s["negation_accuracy"], s["entity_recall"], s["related_leaks"]) == (1.0, 1.0, 0)
    buffer = io.StringIO()
    write_jsonl(seeded, buffer)
    export = tmp_path / "seeds.jsonl"
    export.write_text(buffer.getvalue(), encoding="utf-8")
    cli = CliRunner().invoke(app, ["evaluate", str(export), "--gold", str(SEEDS_GOLD), "--json"])
    assert cli.exit_code == 0, cli.output
    assert json.loads(cli.stdout)["summary"] == s
    text_out = CliRunner().invoke(app, ["evaluate", str(export), "--gold", str(SEEDS_GOLD)])
    assert f"event_f1={s['event_f1']}" in text_out.stdout and "per article" in text_out.stdout
    for a in result.articles:
        for e in a.false_events:
            assert e.evidence and e.evidence.split()[0] in text_out.stdout


def test_a_folder_is_scored_from_a_scratch_database_that_is_dropped(seeded, names, settings, extractor, server_url):
    gold = load_gold(SEEDS_GOLD)
    rows, problems = export_folder([ROOT / "seeds"], settings, extractor)
    assert problems == [] and len(rows) == 4
    assert evaluate(gold, rows, names).summary == evaluate(gold, list(export_rows(seeded)), names).summary
    admin = create_engine(server_url)
    with admin.connect() as conn:
        left = conn.execute(text("SELECT datname FROM pg_database WHERE datname LIKE 'loader_eval_%'")).scalars().all()
    admin.dispose()
    assert not [n for n in left if n.startswith(f"loader_eval_{os.getpid()}_")]


@pytest.mark.parametrize("path", sorted((ROOT / "corpus" / "gold").glob("*.json")), ids=lambda p: p.name)
def test_corpus_gold_files_load(path, names):
    articles = load_gold(path)
    assert articles
    assert all(score_article(a, None, names).fn == len(a.events) for a in articles)


@pytest.mark.parametrize("content,problem", [("Atlantis Republic: [Atlantis]\n", "not a registry entity"),
                                             ("United States: US\n", "expected a list")])
def test_evaluation_spellings_file_is_checked(tmp_path, content, problem):
    path = tmp_path / "names.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(KnowledgeError, match=problem):
        Names.load(path=path)
