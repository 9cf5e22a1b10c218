"""Bad input (issue 7): each refused file gets one clear line naming it and the problem, a row
in load_errors, and a non-zero exit, while the valid files of the same run still load; files
in another encoding are decoded when that is unambiguous; old schemas are upgraded, newer
ones refused. docs/reliability.md lists the same cases as a table.
"""
from __future__ import annotations

import json
import os
import pwd
import shutil
import tempfile
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select, text

from loaders import migrate
from loaders.pipeline import load_paths
from loaders.read import ReadError, discover, read_article
from models import Article, LoadError

from .articles_factory import make_article, write_articles
from .conftest import SEEDS
from .test_reliability import run_loader, scratch_database, stderr_lines

LIMIT = 5 * 1024 * 1024  # the default LOADER_MAX_FILE_BYTES
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde"
HTML = """<!DOCTYPE html>
<html><head><title>عنوان الصفحة</title><script>var tracker = "لا تحفظ هذا";</script>
<style>p { color: red }</style></head>
<body><nav>الرئيسية | أخبار</nav>
<h1>لافروف يزور بيونغ يانغ</h1>
<p>وصل وزير الخارجية الروسي سيرغي لافروف إلى بيونغ يانغ في زيارة رسمية.</p>
<p>والتقى لافروف مع وزيرة الخارجية الكورية الشمالية تشوي سون هوي &amp; بحثا التعاون.</p>
<footer>جميع الحقوق محفوظة</footer></body></html>
"""

# file name → the reason's distinctive words (None: the file is decoded and loaded)
REFUSED = {
    "empty.txt": "empty file",
    "whitespace.txt": "only whitespace",
    "binary.txt": "binary file (contains NUL bytes)",
    "image.txt": "binary file (a PNG image)",
    "latin1.txt": "decoding as Windows-1256 is not confident",
    "big.txt": "too large",
    "symbols.txt": "no Arabic or English letters",
    "loop_a.txt": "broken or looping symbolic link",
    "loop_b.txt": "broken or looping symbolic link",
    "missing.txt": "no such file or folder",
}
LOADED = {  # file name → the encoding column
    "good_00000.txt": "utf-8", "good_00001.txt": "utf-8", "cp1256.txt": "cp1256", "utf16.txt": "utf-16",
    "utf8bom.txt": "utf-8-sig", "page.html": "utf-8+html",
}
MANIFEST_PROBLEMS = ["manifest line 3 has no 'file'", "manifest line 4 has more fields than the header"]


@pytest.fixture(scope="module")
def bad_folder(tmp_path_factory) -> Path:
    """Every kind of bad file beside valid ones, with a manifest that has malformed lines."""
    d = tmp_path_factory.mktemp("bad")
    write_articles(d, 2, prefix="good")
    arabic = make_article(500)
    (d / "empty.txt").write_bytes(b"")
    (d / "whitespace.txt").write_bytes(b"  \n\t \r\n   \n")
    (d / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (d / "image.txt").write_bytes(PNG + bytes(200))
    (d / "cp1256.txt").write_bytes(make_article(501).encode("cp1256"))
    (d / "utf16.txt").write_bytes(make_article(502).encode("utf-16"))  # with a BOM
    (d / "utf8bom.txt").write_bytes(b"\xef\xbb\xbf" + make_article(503).encode("utf-8"))
    (d / "latin1.txt").write_bytes("Le ministre est arrivé à Pékin; réunion très réussie.\n".encode("latin-1"))
    (d / "page.html").write_text(HTML, encoding="utf-8")
    (d / "big.txt").write_bytes((arabic.encode() * (LIMIT // len(arabic.encode()) + 2))[: LIMIT + 1])
    (d / "symbols.txt").write_text("12345 — 67,890 !!! %%% ١٢٣٤ ### 北京 上海\n", encoding="utf-8")
    os.symlink(d / "loop_b.txt", d / "loop_a.txt")
    os.symlink(d / "loop_a.txt", d / "loop_b.txt")
    (d / "manifest.csv").write_text(
        "file,url,outlet,published\n"
        "good_00000.txt,https://example.org/a,Example News,2023-09-13\n"
        ",https://example.org/no-file,,\n"
        "good_00001.txt,https://example.org/b,Example News,2023-09-14,surplus\n", encoding="utf-8")
    return d


def test_read_refusals_name_the_file_and_the_problem(bad_folder):
    files, errors = discover([bad_folder, bad_folder / "missing.txt"])
    reasons = {Path(e.path).name: e.reason for e in errors}
    for f in files:
        try:
            read_article(f, LIMIT)
        except ReadError as exc:
            assert str(exc).startswith(str(f)), "the message starts with the file"
            reasons[f.name] = exc.reason
    for name, words in REFUSED.items():
        assert words in reasons.get(name, ""), (name, reasons.get(name))
        assert "\n" not in reasons[name]
    assert not set(LOADED) & set(reasons), {n: reasons[n] for n in set(LOADED) & set(reasons)}


def test_a_run_with_bad_files_loads_the_good_ones_and_records_the_rest(conn, settings, extractor, bad_folder):
    summary = load_paths(conn, [bad_folder, bad_folder / "missing.txt"], replace(settings, max_file_bytes=LIMIT),
                         extractor=extractor)
    assert summary.new == len(LOADED)
    assert summary.failed == len(REFUSED) + len(MANIFEST_PROBLEMS)
    recorded = conn.execute(select(LoadError.path, LoadError.reason).where(LoadError.run_id == summary.run_id)).all()
    by_name: dict[str, list[str]] = {}
    for path, reason in recorded:
        by_name.setdefault(Path(path).name, []).append(reason)
    for name, words in REFUSED.items():
        assert len(by_name[name]) == 1 and words in by_name[name][0], (name, by_name.get(name))
    assert sorted(by_name["manifest.csv"]) == MANIFEST_PROBLEMS
    rows = {r.file_name: r for r in conn.execute(select(
        Article.file_name, Article.encoding, Article.text, Article.url, Article.outlet))}
    assert {n: rows[n].encoding for n in LOADED} == LOADED
    assert rows["cp1256.txt"].text == make_article(501)
    assert rows["utf16.txt"].text == make_article(502)
    assert rows["utf8bom.txt"].text == make_article(503)
    page = rows["page.html"].text
    assert "سيرغي لافروف" in page and "&" in page
    assert "<" not in page and "tracker" not in page and "color" not in page and "الرئيسية" not in page
    # the manifest's good line still applies; the line with surplus fields does not
    assert (rows["good_00000.txt"].url, rows["good_00000.txt"].outlet) == ("https://example.org/a", "Example News")
    assert rows["good_00001.txt"].url is None


def test_the_command_prints_one_line_per_bad_file_and_exits_non_zero(server_url, bad_folder):
    with scratch_database(server_url) as url:
        proc = run_loader(["load", str(bad_folder), str(bad_folder / "missing.txt")], url)
        eng = create_engine(url)
        with eng.connect() as c:
            stored = c.execute(text("SELECT count(*) FROM articles")).scalar()
            errors = c.execute(text("SELECT count(*) FROM load_errors")).scalar()
        eng.dispose()
    assert proc.returncode == 1
    assert "Traceback" not in proc.stdout + proc.stderr
    failed = [line for line in stderr_lines(proc) if line.startswith("failed:")]
    for name, words in REFUSED.items():
        mine = [line for line in failed if line.startswith(f"failed: {bad_folder / name}: ")]
        assert len(mine) == 1 and words in mine[0], (name, proc.stderr)
    assert len(failed) == len(REFUSED) + len(MANIFEST_PROBLEMS)
    assert (stored, errors) == (len(LOADED), len(failed))


def test_an_unreadable_file_and_folder_are_refused(tmp_path):
    """chmod 000 does not stop root, so as root the reading runs in a child as an unprivileged user."""
    base = Path(tempfile.mkdtemp(prefix="loader-perm-"))  # outside pytest's 0700 tmp, reachable by that user
    try:
        base.chmod(0o755)
        write_articles(base, 1, prefix="ok")
        locked = base / "locked.txt"
        locked.write_text(make_article(900), encoding="utf-8")
        locked.chmod(0o000)
        closed = base / "closed"
        write_articles(closed, 1)
        closed.chmod(0o000)
        reasons = _read_as_unprivileged(base) if os.geteuid() == 0 else _read(base)
        assert reasons["ok_00000.txt"] == "loaded"
        assert "cannot be read: Permission denied" in reasons["locked.txt"]
        assert "folder cannot be read: Permission denied" in reasons["closed"]
    finally:
        for p in (base / "closed", base / "locked.txt"):
            if p.exists():
                p.chmod(0o755)
        shutil.rmtree(base)


def _read(folder: Path) -> dict[str, str]:
    files, errors = discover([folder])
    reasons = {Path(e.path).name: e.reason for e in errors}
    for f in files:
        try:
            read_article(f, LIMIT)
            reasons[f.name] = "loaded"
        except ReadError as exc:
            reasons[f.name] = exc.reason
    return reasons


def _read_as_unprivileged(folder: Path) -> dict[str, str]:
    """Fork, drop to the `embedded_postgres` user (the embedded server's), read, report through a pipe."""
    try:
        user = pwd.getpwnam("embedded_postgres")
    except KeyError:
        pytest.skip("running as root, where chmod 000 does not stop reading, and no unprivileged user to switch to")
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # child: no pytest machinery from here on, only os._exit
        code = 1
        try:
            os.close(r)
            os.setgroups([])
            os.setgid(user.pw_gid)
            os.setuid(user.pw_uid)
            os.write(w, json.dumps(_read(folder)).encode())
            code = 0
        finally:
            os._exit(code)
    os.close(w)
    with os.fdopen(r, "rb") as fh:
        data = fh.read()
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, "the unprivileged child failed"
    return json.loads(data)


def test_an_older_schema_is_upgraded_and_a_newer_one_refused(server_url):
    with scratch_database(server_url, migrated=True) as url:
        eng = create_engine(url)
        migrate.downgrade(eng, "base")
        with eng.connect() as c:
            assert migrate.current(c) is None
        older = run_loader(["load", str(SEEDS)], url)
        assert older.returncode == 0, older.stderr
        with eng.begin() as c:
            assert migrate.current(c) == migrate.head()
            assert c.execute(text("SELECT count(*) FROM articles")).scalar() == 4
            c.execute(text("UPDATE alembic_version SET version_num = 'ffff_from_the_future'"))
        newer = run_loader(["load", str(SEEDS)], url)
        with eng.connect() as c:
            runs = c.execute(text("SELECT count(*) FROM load_runs")).scalar()
        eng.dispose()
    assert newer.returncode != 0
    assert "Traceback" not in newer.stdout + newer.stderr
    lines = stderr_lines(newer)
    assert len(lines) == 1 and "ffff_from_the_future" in lines[0] and "upgrade the loader" in lines[0], newer.stderr
    assert runs == 1  # the refused run wrote nothing


def test_manifest_variants_report_bad_lines_and_keep_the_good(tmp_path):
    from loaders.read import load_manifest

    jl = tmp_path / "jsonl"
    jl.mkdir()
    (jl / "manifest.jsonl").write_text('{"file": "a.txt", "url": "https://example.org/a"}\n{not json\n'
                                       '{"url": "https://example.org/nofile"}\n', encoding="utf-8")
    problems: list[ReadError] = []
    entries = load_manifest(jl, problems)
    assert entries["a.txt"].url == "https://example.org/a"
    assert [p.reason.split(":")[0] for p in problems] == ["manifest line 2 is not JSON", "manifest line 3 has no 'file'"]
    js = tmp_path / "json"
    js.mkdir()
    (js / "manifest.json").write_text('[{"file": "a.txt",}]', encoding="utf-8")
    with pytest.raises(ReadError, match=r"manifest\.json: manifest is not JSON"):
        load_manifest(js, [])
    (js / "manifest.json").write_text("42", encoding="utf-8")
    with pytest.raises(ReadError, match="neither a list"):
        load_manifest(js, [])
    csv_dir = tmp_path / "csv"
    csv_dir.mkdir()
    (csv_dir / "manifest.csv").write_text("name,url\na.txt,https://example.org/a\n", encoding="utf-8")
    with pytest.raises(ReadError, match="no 'file' column"):
        load_manifest(csv_dir, [])
