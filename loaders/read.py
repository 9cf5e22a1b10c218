"""Read: paths → decoded article texts with content hashes, manifest metadata, clear refusals.

Adds what the later stages trust without checking again: the text is real, decoded text
(UTF-8, UTF-8/16 with BOM, or Windows-1256 Arabic when that decoding is unambiguous),
within the size limit, with letters in it; HTML pages are reduced to their text, and the
publication date their metadata states is kept where no manifest gives one.
Every refusal is a `ReadError` naming the file and the problem.
"""
from __future__ import annotations

import csv
import hashlib
import html.parser
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from .normalize import is_arabic, script_of
from .records import Article

MANIFEST_NAMES = ("manifest.csv", "manifest.json", "manifest.jsonl")
ARTICLE_SUFFIXES = {".txt", ".text", ".md", ".html", ".htm"}
_MAGIC = {
    b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image", b"GIF8": "a GIF image",
    b"%PDF": "a PDF document", b"PK\x03\x04": "a ZIP archive", b"\x7fELF": "an executable",
}


class ReadError(ValueError):
    """A file that cannot be loaded as an article; str() names the file and the reason."""

    def __init__(self, path: str | Path, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{path}: {reason}")


@dataclass
class ManifestEntry:
    url: str | None = None
    outlet: str | None = None
    published: str | None = None


def discover(paths: list[str | Path]) -> tuple[list[Path], list[ReadError]]:
    """Article files under the given files and folders (recursive, sorted, no manifests)."""
    found: list[Path] = []
    errors: list[ReadError] = []
    seen: set[Path] = set()
    for raw in paths:
        p = Path(raw)
        if not p.exists() and not p.is_symlink():
            errors.append(ReadError(p, "no such file or folder"))
            continue
        if p.is_file() or p.is_symlink() and not p.is_dir():
            candidates = [p]
        else:
            candidates = []

            def unreadable(exc: OSError) -> None:  # os.walk skips such folders silently otherwise
                errors.append(ReadError(exc.filename or p, f"folder cannot be read: {exc.strerror or exc}"))

            for root, dirs, files in os.walk(p, followlinks=False, onerror=unreadable):
                dirs.sort()
                candidates += [Path(root) / f for f in sorted(files)
                               if Path(f).suffix.lower() in ARTICLE_SUFFIXES and not f.startswith(".")]
        for c in candidates:
            if c.name in MANIFEST_NAMES:
                continue
            try:
                key = c.resolve(strict=True)
            except (OSError, RuntimeError):
                errors.append(ReadError(c, "broken or looping symbolic link"))
                continue
            if key not in seen:
                seen.add(key)
                found.append(c)
    return found, errors


def load_manifest(folder: Path, problems: list[ReadError] | None = None) -> dict[str, ManifestEntry]:
    """Manifest beside the articles (CSV or JSON: file, url, outlet, published), keyed by file name.

    A manifest that cannot be parsed at all raises ReadError. A malformed line or entry raises
    too, unless `problems` is given: then it is appended there and the other entries are kept,
    so one bad line does not cost the metadata of every other article.
    """
    out: dict[str, ManifestEntry] = {}
    for name in MANIFEST_NAMES:
        path = folder / name
        if not path.exists():
            continue
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise ReadError(path, f"manifest cannot be read: {exc}") from exc
        rows: list[tuple[str, object]] = []  # (where, entry)
        if name.endswith(".csv"):
            reader = csv.DictReader(text.splitlines())
            try:
                rows = [(f"line {reader.line_num}", row) for row in reader]
            except csv.Error as exc:
                raise ReadError(path, f"manifest is not CSV: {exc} (line {reader.line_num})") from exc
            if "file" not in (reader.fieldnames or []):
                raise ReadError(path, "manifest has no 'file' column")
        elif name.endswith(".jsonl"):
            for n, line in enumerate(text.splitlines(), 1):
                if line.strip():
                    try:
                        rows.append((f"line {n}", json.loads(line)))
                    except json.JSONDecodeError as exc:
                        rows.append((f"line {n}", ReadError(path, f"manifest line {n} is not JSON: {exc.msg}")))
        else:
            try:
                data = json.loads(text)
            except json.JSONDecodeError as exc:
                raise ReadError(path, f"manifest is not JSON: {exc.msg} (line {exc.lineno})") from exc
            if not isinstance(data, (list, dict)):
                raise ReadError(path, "manifest is neither a list of entries nor an object with 'articles'")
            entries = data if isinstance(data, list) else data.get("articles", [])
            rows = [(f"entry {n}", row) for n, row in enumerate(entries if isinstance(entries, list) else [], 1)]
        for where, row in rows:
            if isinstance(row, ReadError):
                problem = row
            elif not isinstance(row, dict) or not row.get("file"):
                problem = ReadError(path, f"manifest {where} has no 'file'")
            elif None in row:  # csv.DictReader puts surplus fields under the key None
                problem = ReadError(path, f"manifest {where} has more fields than the header")
            else:
                out[Path(str(row["file"])).name] = ManifestEntry(
                    row.get("url") or None, row.get("outlet") or None, row.get("published") or None)
                continue
            if problems is None:
                raise problem
            problems.append(problem)
    return out


# Page metadata that states when the article was published (Open Graph, schema.org, Dublin Core).
_PUBLISHED_META = {"article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
                   "publish-date", "dc.date", "dc.date.issued", "dcterms.created", "parsely-pub-date",
                   "sailthru.date"}
_LD_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"([^"]{4,40})"')


class _TextOnly(html.parser.HTMLParser):
    SKIP = {"script", "style", "noscript", "head", "nav", "footer"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.depth = 0
        self.published: str | None = None
        self.tag = ""

    def handle_starttag(self, tag, attrs):
        self.tag = tag
        a = {k.lower(): v or "" for k, v in attrs}
        if self.published is None:
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if tag == "meta" and key in _PUBLISHED_META and a.get("content"):
                self.published = a["content"].strip()
            elif tag == "time" and a.get("datetime") and ("pubdate" in a or a.get("itemprop") == "datePublished"):
                self.published = a["datetime"].strip()
        if tag in self.SKIP:
            self.depth += 1
        elif tag in ("p", "br", "div", "li", "h1", "h2", "h3", "h4", "tr", "article", "section"):
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self.SKIP and self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.tag == "script" and self.published is None and (m := _LD_PUBLISHED.search(data)):
            self.published = m.group(1).strip()
        if not self.depth:
            self.parts.append(data)


def html_to_text(markup: str) -> tuple[str, str | None]:
    """The page's text, and the publication date its metadata states (as written), if any."""
    parser = _TextOnly()
    parser.feed(markup)
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return "\n".join(line for line in lines if line), parser.published


def decode(path: Path, data: bytes) -> tuple[str, str]:
    """(text, encoding) or ReadError; refuses what it cannot decode with confidence."""
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise ReadError(path, f"binary file ({what}), not a text article")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise ReadError(path, f"UTF-16 byte order mark but invalid UTF-16: {exc.reason}") from exc
    if b"\x00" in data:
        raise ReadError(path, "binary file (contains NUL bytes), not a text article")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError as exc:
        raise ReadError(path, "not UTF-8 and not Windows-1256 text; convert it to UTF-8") from exc
    letters = [c for c in text if c.isalpha()]
    arabic = sum(1 for c in letters if is_arabic(c))
    if letters and arabic / len(letters) >= 0.6:
        return text, "cp1256"
    raise ReadError(path, "not UTF-8, and decoding as Windows-1256 is not confident; convert it to UTF-8")


def read_article(path: Path, max_bytes: int, manifest: dict[str, ManifestEntry] | None = None) -> Article:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ReadError(path, f"cannot be read: {exc.strerror or exc}") from exc
    if size > max_bytes:
        raise ReadError(path, f"too large ({size:,} bytes; the limit is {max_bytes:,}, LOADER_MAX_FILE_BYTES)")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReadError(path, f"cannot be read: {exc.strerror or exc}") from exc
    if not data.strip():
        raise ReadError(path, "empty file" if not data else "only whitespace")
    text, encoding = decode(path, data)
    head = text.lstrip()[:512].lower()
    page_date = None
    if head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in text):
        text, page_date = html_to_text(text)
        encoding += "+html"
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ReadError(path, "only whitespace")
    script = script_of(text)
    if script == "none":
        raise ReadError(path, "no Arabic or English letters")
    entry = (manifest or {}).get(path.name) or ManifestEntry()
    return Article(
        path=str(path), file_name=path.name, text=text, sha256=hashlib.sha256(data).hexdigest(),
        outlet=entry.outlet, url=entry.url, encoding=encoding,
        published_text=entry.published or page_date,  # a date the text prints still wins (segment)
        language=script,  # an English article's sentences are its body, not quotes
    )
