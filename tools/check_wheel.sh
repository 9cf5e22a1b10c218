#!/bin/sh
# Acceptance check on a pip-installed loader, not the checkout: build a wheel, install it in a
# fresh venv (dependencies from the package index; no torch), then in a scratch folder with its
# own LOADER_HOME and LOADER_KNOWLEDGE: load the seeds and an article of our own, add a person
# whose Arabic name the seeds leave unresolved, re-extract the affected articles, and show the
# person's mentions and events. Usage: tools/check_wheel.sh  (from the repository root)
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PY=${PYTHON:-python3}
WORK=$(mktemp -d /tmp/loader-wheel.XXXXXX)
export LOADER_HOME="$WORK/home" LOADER_KNOWLEDGE="$WORK/knowledge"
unset DATABASE_URL 2>/dev/null || true

step() { printf '\n$ %s\n' "$*"; }

step "build the wheel"
rm -rf /tmp/whl
"$ROOT/.venv/bin/pip" wheel -q --no-deps -w /tmp/whl "$ROOT"
ls /tmp/whl

step "fresh venv in $WORK/venv, install the wheel"
"$PY" -m venv "$WORK/venv"
# (this machine's pip configuration names index folders that may be missing: those notices are left out)
"$WORK/venv/bin/pip" install -q /tmp/whl/loader-*.whl 2>&1 | { grep -v "^WARNING: Location 'file:" || true; }
LOADER="$WORK/venv/bin/loader"

cd "$WORK"
"$WORK/venv/bin/python" -c "import loaders; print('loaders imported from', loaders.__file__)"
mkdir articles
cp "$ROOT"/seeds/*.txt articles/
# An article of our own: the same kind of unknown name, in a meeting with a known person.
cat > articles/own_meeting.txt <<'EOF'
بوتين يستقبل نائبة مصرية

موسكو، 14 مارس 2024 - استقبل الرئيس الروسي فلاديمير بوتين النائبة إيلاريا حارص في الكرملين يوم الخميس، وبحث معها التعاون البرلماني بين البلدين.
EOF

step "loader db status"
"$LOADER" db status
step "loader load articles/"
"$LOADER" load articles/
step "unresolved mentions before"
"$LOADER" db psql -- -c "select surface, mention_kind, file_name from v_unresolved_mentions order by surface"
step "loader entities add 'Ilaria Hares' --country Egypt --gender f --ar 'إيلاريا حارص'"
"$LOADER" entities add "Ilaria Hares" --country Egypt --gender f --ar "إيلاريا حارص"
step "cat $LOADER_KNOWLEDGE/entities/analyst.yaml"
cat "$LOADER_KNOWLEDGE/entities/analyst.yaml"
step "loader load --reextract-affected"
"$LOADER" load --reextract-affected
step "loader entities show 'Ilaria Hares'"
"$LOADER" entities show "Ilaria Hares"
step "her mentions and events"
"$LOADER" db psql -- -c "select entity, surface, file_name from v_entity_mentions where entity = 'Ilaria Hares'" \
    -c "select type, participant, other_participants, date_label, file_name from v_timeline where participant = 'Ilaria Hares'" \
    -c "select count(*) as unresolved_left from v_unresolved_mentions where surface = 'إيلاريا حارص'" \
    -c "select id, status, pid, host, paths from load_runs order by id"
"$LOADER" db stop
echo "ok: $WORK"
