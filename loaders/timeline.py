"""Timeline pictures: an actor's events on a time axis, one lane per other party, as PNG or HTML.

Adds the picture an analyst pastes into a report. By default each real happening is drawn once
(canonical events, fused across articles), labelled and sized by how many articles tell it;
`tellings=True` draws every extracted event instead. Dates are drawn at their precision: a day
is a point, a month or a year (or a stated range) is a bar over the whole period with its
point in the middle, so a coarse date does not pretend to be the 1st. Denied events are
hollow, planned ones diamonds with dashed bars. Undated events cannot be placed and are counted in the caption.
PNG comes from matplotlib (Agg, no display needed); HTML is interactive with plotly when it
is installed, else a self-contained page holding matplotlib's SVG.
"""
from __future__ import annotations

import calendar
import datetime as dt
import html
import io
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, column, func, literal, select, table, union_all

TYPES = ("visit", "meeting", "agreement", "cooperation", "invitation", "accusation", "statement")
COLOURS = dict(zip(TYPES, ("#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#d62728", "#7f7f7f")))
ALONE = "(no other party)"

_COLUMNS = ("event_id", "type", "date_start", "date_end", "date_precision", "modality", "evidence")
_dyads = table("v_dyads", column("actor_a"), column("actor_b"), *(column(c) for c in _COLUMNS))
_timeline = table("v_timeline", column("participant"), column("other_participants"),
                  *(column(c) for c in _COLUMNS))
_CANONICAL = ("canonical_id", "type", "date_start", "date_end", "date_precision", "modality", "evidence", "articles",
              "date_origin")
_fused = table("v_canonical_timeline", column("participant"), column("other_participants"),
               *(column(c) for c in _CANONICAL))


class TimelineError(ValueError):
    """Nothing to draw, or an output the renderer cannot write; the message is safe to show."""


@dataclass(frozen=True)
class Point:
    other: str
    type: str
    start: dt.date
    end: dt.date
    modality: str
    evidence: str
    articles: int = 1

    @property
    def middle(self) -> dt.date:
        return self.start + (self.end - self.start) / 2

    @property
    def label(self) -> str:
        return f"{self.type} · {self.other}" + (f" ({self.articles} articles)" if self.articles > 1 else "")

    @property
    def size(self) -> float:
        """Marker area: grows with the number of articles telling it."""
        return 80 * min(self.articles, 10) ** 0.5


@dataclass(frozen=True)
class Timeline:
    actor: str
    with_: str | None
    points: list[Point]
    undated: int
    tellings: bool = False

    @property
    def lanes(self) -> list[str]:
        """Other parties, the busiest first; events with nobody else last."""
        counts: dict[str, int] = {}
        for p in self.points:
            counts[p.other] = counts.get(p.other, 0) + 1
        return sorted(counts, key=lambda o: (o == ALONE, -counts[o], o))

    @property
    def title(self) -> str:
        return (f"Timeline of {self.actor}" + (f" with {self.with_}" if self.with_ else "")
                + (" (every telling)" if self.tellings else ""))

    @property
    def caption(self) -> str:
        note = "filled: happened · hollow: denied · diamond, dashed bar: planned · bar: a month, year or range"
        return note + (f" · {self.undated} undated events not shown" if self.undated else "")


def _period_end(start: dt.date, end: dt.date | None, precision: str) -> dt.date:
    if end:
        return end
    if precision == "month":
        return start.replace(day=calendar.monthrange(start.year, start.month)[1])
    if precision == "year":
        return start.replace(month=12, day=31)
    return start


def _fused_query(actor: str, with_: str | None):
    """Canonical events: the actor's row paired with each other participant's row of the same happening."""
    me, other = _fused.alias("me"), _fused.alias("other")
    cols = [me.c[c] for c in _CANONICAL if c != "canonical_id"]
    query = (select(other.c.participant.label("other"), me.c.canonical_id.label("event_id"), *cols)
             .join_from(me, other, (other.c.canonical_id == me.c.canonical_id) & (other.c.participant != actor))
             .where(me.c.participant == actor))
    if with_:
        return query.where(other.c.participant == with_)
    alone = (select(literal(ALONE).label("other"), me.c.canonical_id.label("event_id"), *cols)
             .where(me.c.participant == actor, me.c.other_participants.is_(None)))
    return union_all(query, alone)


def collect(conn: Connection, actor: str, with_: str | None = None, date_from: dt.date | None = None,
            date_to: dt.date | None = None, tellings: bool = False) -> Timeline:
    """The actor's happenings (or, with `tellings`, every extracted event) with each other party
    (or only with `with_`), dated ones within the range."""
    if tellings:
        cols = [_dyads.c[c] for c in _COLUMNS]
        query = select(_dyads.c.actor_b.label("other"), *cols, literal(1).label("articles"),
                       literal("text").label("date_origin")).where(_dyads.c.actor_a == actor)
        if with_:
            query = query.where(_dyads.c.actor_b == with_)
        else:
            alone = (select(literal(ALONE).label("other"), *(_timeline.c[c] for c in _COLUMNS),
                            literal(1).label("articles"), literal("text").label("date_origin"))
                     .where(_timeline.c.participant == actor, _timeline.c.other_participants.is_(None)))
            query = union_all(query, alone)
    else:
        query = _fused_query(actor, with_)
    rows = conn.execute(query).all()
    points, undated = [], set()
    for r in rows:
        if r.date_start is None or r.date_origin == "article":  # a publication date does not place a happening
            undated.add(r.event_id)
            continue
        end = _period_end(r.date_start, r.date_end, r.date_precision)
        if (date_from and end < date_from) or (date_to and r.date_start > date_to):
            continue
        points.append(Point(r.other, r.type, r.date_start, end, r.modality, r.evidence, r.articles))
    points.sort(key=lambda p: (p.start, p.other, p.type))
    return Timeline(actor, with_, points, len(undated), tellings)


def _figure(tl: Timeline):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    lanes = tl.lanes
    fig, ax = plt.subplots(figsize=(12, 2.2 + 1.1 * len(lanes)), dpi=120)
    first = min(p.start for p in tl.points)
    last = max(p.end for p in tl.points)
    pad = max((last - first) * 0.06, dt.timedelta(days=20))
    near = (last - first + 2 * pad) * 0.13  # about one label's width on the axis
    placed: dict[str, list[tuple[dt.date, int]]] = {}
    for p in tl.points:
        y = lanes.index(p.other)
        colour = COLOURS.get(p.type, "#333333")
        hollow = p.modality == "negated"
        style = "--" if p.modality == "planned" else "-"
        if p.end > p.start:
            ax.barh(y, (p.end - p.start).days + 1, left=p.start, height=0.32, color=colour,
                    alpha=0.25 if not hollow else 1, fill=not hollow, edgecolor=colour, linestyle=style, linewidth=1.2)
        ax.scatter([p.middle], [y], s=p.size, zorder=3, marker="D" if p.modality == "planned" else "o",
                   facecolors="none" if hollow else colour, edgecolors=colour, linewidths=1.8)
        lane = placed.setdefault(p.other, [])
        taken = {level for x, level in lane if abs(x - p.middle) < near}
        level = min(set(range(len(taken) + 1)) - taken)
        lane.append((p.middle, level))
        ax.annotate(p.label, (p.middle, y), xytext=(0, 10 + 10 * level), textcoords="offset points",
                    ha="center", fontsize=8, color="#222222")
    ax.set_xlim(first - pad, last + pad)
    ax.set_ylim(len(lanes) - 0.5, -0.9)  # busiest lane on top, room for labels above it
    ax.set_yticks(range(len(lanes)), lanes)
    locator = mdates.AutoDateLocator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.grid(axis="x", color="#dddddd")
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.set_title(tl.title, loc="left", fontsize=13)
    used = [t for t in TYPES if any(p.type == t for p in tl.points)]
    handles = [Line2D([], [], marker="o", linestyle="", color=COLOURS[t], label=t) for t in used]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False, fontsize=8)
    fig.text(0.01, 0.01, tl.caption, fontsize=7.5, color="#555555")
    fig.tight_layout(rect=(0, 0.04, 1, 1))
    return fig


def _plotly_html(tl: Timeline, out: Path) -> None:
    import plotly.graph_objects as go

    fig = go.Figure()
    for p in tl.points:
        if p.end > p.start:
            fig.add_trace(go.Scatter(
                x=[p.start, p.end], y=[p.other, p.other], mode="lines", opacity=0.35, showlegend=False,
                hoverinfo="skip", line={"width": 12, "color": COLOURS.get(p.type), "dash": "dash" if p.modality == "planned" else "solid"}))
    for t in TYPES:
        mine = [p for p in tl.points if p.type == t]
        if mine:
            fig.add_trace(go.Scatter(
                x=[p.middle for p in mine], y=[p.other for p in mine], mode="markers+text", name=t,
                text=[p.label for p in mine], textposition="top center",
                hovertext=[f"{p.label} ({p.start} – {p.end}, {p.modality})<br>{html.escape(p.evidence)}" for p in mine],
                hoverinfo="text",
                marker={"size": [10 + 2 * min(p.articles, 10) for p in mine], "color": COLOURS[t],
                        "symbol": ["circle-open" if p.modality == "negated" else "circle" for p in mine]}))
    fig.update_layout(title=tl.title, template="plotly_white", height=220 + 70 * len(tl.lanes),
                      yaxis={"categoryorder": "array", "categoryarray": tl.lanes[::-1]},
                      annotations=[{"text": tl.caption, "xref": "paper", "yref": "paper", "x": 0, "y": -0.25,
                                    "showarrow": False, "font": {"size": 10}}])
    fig.write_html(out, include_plotlyjs=True)


def _svg_html(tl: Timeline, out: Path) -> None:
    import matplotlib.pyplot as plt

    fig = _figure(tl)
    buf = io.StringIO()
    fig.savefig(buf, format="svg")
    plt.close(fig)
    svg = buf.getvalue()
    svg = svg[svg.index("<svg"):]
    out.write_text(f"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{html.escape(tl.title)}</title>"
                   f"</head>\n<body>\n{svg}\n</body></html>\n", encoding="utf-8")


def render_timeline(conn: Connection, actor: str, with_: str | None = None, date_from: dt.date | None = None,
                    date_to: dt.date | None = None, out: Path = Path("timeline.png"), tellings: bool = False) -> Timeline:
    """Draw the actor's timeline into `out` (.png or .html) and return what was drawn."""
    suffix = out.suffix.lower()
    if suffix not in (".png", ".html"):
        raise TimelineError(f"cannot write {out.name}: the timeline is written as .png or .html")
    tl = collect(conn, actor, with_, date_from, date_to, tellings)
    if not tl.points:
        known = conn.execute(select(func.count()).select_from(_timeline).where(_timeline.c.participant == actor)).scalar()
        raise TimelineError(f"no dated events for {actor!r}" + (f" with {with_!r}" if with_ else "")
                            + (" in that period" if date_from or date_to else "")
                            + (f" ({known} undated)" if known else "; check the name against v_timeline.participant"))
    if suffix == ".png":
        import matplotlib.pyplot as plt

        fig = _figure(tl)
        fig.savefig(out, format="png")
        plt.close(fig)
    else:
        try:
            _plotly_html(tl, out)
        except ImportError:
            _svg_html(tl, out)
    return tl
