"""The `loader evaluate` command: an export, or a folder of articles, scored against gold.

Adds the command to the app via `register(app)`, thin like the others: read the inputs (a
mistake in them is one error line naming the file), call `evaluate`, print the summary, a
per-article table and the missed and false events with their evidence, or all of it as JSON.
"""
from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.markup import escape
from rich.table import Table

from .console import err, fail as _fail, out


def _names(participants: list[str]) -> str:
    return ", ".join(participants) or "-"


def _date(start: str | None, end: str | None) -> str:
    return f"{start or '-'}..{end}" if end else (start or "-")


def _line(text: str) -> None:
    out.print(escape(text), highlight=False, soft_wrap=True)


def _print(result) -> None:
    table = Table(title="per article")
    for col in ("file", "tp", "fp", "fn", "dates", "negation", "entities", "published", "leaks"):
        table.add_column(col, justify="left" if col == "file" else "right", overflow="fold")
    for a in result.articles:
        (dr, dt_), (nr, nt) = a.dates, a.negation
        published = "ok" if a.published_right else f"{a.published_found or '-'} (gold {a.published or '-'})"
        table.add_row(escape(a.file) + ("" if a.exported else " (not exported)"), str(a.tp), str(a.fp), str(a.fn),
                      f"{dr}/{dt_}", f"{nr}/{nt}", f"{a.entities_total - len(a.entities_missed)}/{a.entities_total}",
                      escape(published), str(len(a.related_leaks) + len(a.leak_events)))
    out.print(table)
    for title, rows in (
        ("missed events", [(a.file, f"{g.id} {g.type} [{_names(g.participants)}] {_date(g.date, g.date_end)}"
                                    f"{' negated' if g.negated else ''}", g.evidence)
                           for a in result.articles for g in a.missed]),
        ("false events", [(a.file, f"{'LEAK ' if leak else ''}{e.type} [{_names(e.participants)}] "
                                   f"{_date(e.date_start, e.date_end)}{' negated' if e.negated else ''}", e.evidence)
                          for a in result.articles
                          for leak, events in ((False, a.false_events), (True, a.leak_events)) for e in events]),
        ("wrong dates", [(a.file, f"{m.gold.id} {m.gold.type}: {_date(m.found.date_start, m.found.date_end)}, "
                                  f"gold {_date(m.gold.date, m.gold.date_end)}", m.found.evidence)
                         for a in result.articles for m in a.matches if m.date_right is False]),
        ("entities missed", [(a.file, ", ".join(a.entities_missed), "") for a in result.articles if a.entities_missed]),
        ("related-block leaks", [(a.file, ", ".join(a.related_leaks), "") for a in result.articles if a.related_leaks]),
    ):
        if rows:
            out.print(f"\n[bold]{title}[/] ({len(rows)})")
            for file, what, evidence in rows:
                _line(f"  {file}: {what}")
                if evidence:
                    _line(f"      “{evidence.strip()}”")
    out.print()
    _line(" ".join(f"{k}={v}" for k, v in result.summary.items()))


def register(app: typer.Typer) -> None:
    @app.command()
    def evaluate(
        target: Path = typer.Argument(..., help="An export (JSONL from `loader export`) or a folder of articles, "
                                                "loaded into a scratch database first."),
        gold: list[Path] = typer.Option(..., "--gold", help="Gold file (the export contract's shape); "
                                                            "repeat to read several as one."),
        manifest: Path = typer.Option(None, "--manifest", help="Corpus manifest whose `split` chooses the articles."),
        split: str = typer.Option(None, "--split", help="dev, test or all (needs --manifest; default all)."),
        as_json: bool = typer.Option(False, "--json", help="Print the summary and every article's detail as JSON."),
        nlp: str = typer.Option("auto", "--nlp", help="For a folder: auto, stanza or rules, as in `loader load`."),
    ) -> None:
        """Score extracted events, dates, entities and publication dates against hand-made gold.

        Prints event precision/recall/F1, date and negation accuracy, entity recall, related-block
        leaks and publication-date accuracy, a table per article, and the missed and false events
        with their evidence. A folder is loaded into a scratch database, never into your data.

        Example: loader evaluate articles/ --gold gold.json --manifest manifest.json --split dev
        """
        from .db import DatabaseError
        from .evaluate import Names, evaluate as run, export_folder
        from .extract.nlp.base import NlpUnavailable
        from .gold import EvalInputError, load_golds, load_split, read_export
        from .knowledge import KnowledgeError
        from .registry import load_registry
        from .settings import Settings

        if split is not None and manifest is None:
            _fail("--split needs --manifest (the file that says which articles are dev and test)")
        try:
            articles = load_golds(gold)
            only = load_split(manifest, split or "all") if manifest else None
            settings = Settings.from_env()
            registry = load_registry(user_dir=settings.knowledge)
            names = Names.load(registry)
            if target.is_dir():
                from .pipeline import make_extractor

                rows, problems = export_folder([target], settings, make_extractor(nlp, knowledge=settings.knowledge))
                source = str(target)
            elif target.exists():
                rows, problems, source = read_export(target), [], str(target)
            else:
                raise EvalInputError(f"{target}: no such export file or folder")
            result = run(articles, rows, names, only, source)
        except (EvalInputError, DatabaseError, KnowledgeError, NlpUnavailable, ValueError) as exc:
            _fail(str(exc))
        for warning in problems + result.warnings:
            err.print(f"[yellow]warning:[/] {escape(warning)}", highlight=False, soft_wrap=True)
        if as_json:
            print(json.dumps(result.to_json(), ensure_ascii=False, indent=1))
        else:
            _print(result)
