#!/usr/bin/env bash
# Two peers' own test suites, none written for this tool, from Debian's source packages
# (a deb-src line: `apt-get source --download-only apgdiff postgresql-15`):
#
#   bash Tests/Corpus/peers/run.sh apgdiff  APGDIFF_SOURCE_DIR
#   bash Tests/Corpus/peers/run.sh pg_dump  PG_SOURCE_DIR [PG_BIN_DIR]
#
# apgdiff: each case's `*_original.sql` and `*_new.sql` as a pair, planned and proved both
#   ways by `schemactl-bench pairs` (`--trusted-sql`: they set owners and comment on
#   extensions). Many are dumps of PostgreSQL 8 and 9; those that do not load on the server
#   are named by the error and file the server gave. Then the round trip of every file that
#   loads: its `inspect --format sql`, twice over, diffed with the file.
# pg_dump: every `create_sql` of src/bin/pg_dump/t/002_pg_dump.pl, in the test's order, into
#   one database of a throwaway server (the test's own setup of the objects pg_dump must dump);
#   then the round trip of `inspect --format sql` loaded twice into an empty database, and the
#   plans from an empty database to it and back, each proved on that server.
#
# Uses the release build (`swift build -c release`). PORT (5497) is the throwaway server's.
set -u
here=$(cd "$(dirname "$0")/../../.." && pwd)
schemactl="$here/.build/release/schemactl"
work=$(mktemp -d "${TMPDIR:-/tmp}/schemactl-peers.XXXXXX")
chmod 755 "$work"
case "${1:-}" in
apgdiff)
  cases="${2:?the apgdiff source tree}/src/test/resources/cz/startnet/utils/pgdiff"
  trap 'rm -rf "$work"' EXIT
  python3 - "$cases" "$work/apgdiff.txt" <<'PY'
import glob, os, sys
cases, out = sys.argv[1], sys.argv[2]
with open(out, "w") as pairs:
    for a in sorted(glob.glob(cases + "/*_original.sql")):
        name = os.path.basename(a)[:-len("_original.sql")]
        b = cases + "/" + name + "_new.sql"
        if os.path.exists(b):
            pairs.write("=== %s\n--- a\n%s\n--- b\n%s\n" % (name, open(a, errors="replace").read(), open(b, errors="replace").read()))
PY
  echo "== pairs, both ways"
  "$here/.build/release/schemactl-bench" pairs "$work/apgdiff.txt" --with=--trusted-sql | tee "$work/pairs.log" | grep -v "^  holds"
  echo "== round trips"
  held=0; differ=0; unloadable=0
  for file in "$cases"/loader/*.sql "$cases"/*_original.sql "$cases"/*_new.sql; do
    name=$(basename "$file" .sql)
    "$schemactl" inspect "$file" --trusted-sql --format sql --output "$work/$name.script.sql" 2>/dev/null || { unloadable=$((unloadable + 1)); continue; }
    cat "$work/$name.script.sql" "$work/$name.script.sql" > "$work/$name.twice.sql"
    if "$schemactl" diff "$file" "$work/$name.twice.sql" --trusted-sql > "$work/$name.diff" 2>/dev/null; then held=$((held + 1))
    else differ=$((differ + 1)); echo "DIFFERS $name"; head -5 "$work/$name.diff"; fi
  done
  echo "round trips: $held equal, $differ differ, $unloadable files do not load"
  ;;
pg_dump)
  src=${2:?the PostgreSQL source tree}
  bin=${3:-/usr/lib/postgresql/15/bin}
  port=${PORT:-5497}
  as_postgres() { if [ "$(id -u)" = 0 ]; then su postgres -c "$1"; else bash -c "$1"; fi; }
  chown postgres "$work" 2>/dev/null
  as_postgres "$bin/initdb -D $work/data -U postgres -A trust >/dev/null && $bin/pg_ctl -D $work/data -l $work/log -w \
    -o '-p $port -k $work -c listen_addresses= -c fsync=off' start >/dev/null" || exit 2
  trap 'as_postgres "$bin/pg_ctl -D $work/data -m immediate stop >/dev/null"; rm -rf "$work"' EXIT
  # The test's %tests, evaluated by perl as the test does, their create_sql in its order.
  { echo 'no strict; my $tempdir = "/tmp"; my ($supports_icu, $supports_lz4, $supports_gzip) = (1, 1, 1);'
    sed -n '/^my %pgdump_runs = (/,/^# Create a PG instance to test actually dumping from/p' "$src/src/bin/pg_dump/t/002_pg_dump.pl"
    cat <<'PERL'
foreach my $test (sort { ($tests{$a}->{create_order} && $tests{$b}->{create_order}) ? $tests{$a}->{create_order} <=> $tests{$b}->{create_order}
                         : $tests{$a}->{create_order} ? -1 : $tests{$b}->{create_order} ? 1 : $a cmp $b } keys %tests) {
    next if defined($tests{$test}->{database}) || !$tests{$test}->{create_sql};
    print "-- $test\n$tests{$test}->{create_sql};\n";
}
PERL
  } > "$work/extract.pl"
  perl "$work/extract.pl" > "$work/create.sql" || exit 2
  psql="$bin/psql -h $work -p $port -U postgres -X -q"
  url() { echo "postgresql://postgres@/$1?host=$work&port=$port"; }
  export SCHEMACTL_SCRATCH_URL=$(url postgres)
  for db in dumptest empty roundtrip; do $psql -d postgres -c "CREATE DATABASE $db TEMPLATE template0" || exit 2; done
  echo "== the test's objects ($(grep -c '^-- ' "$work/create.sql") tests): what this server refuses"
  $psql -d dumptest -f "$work/create.sql" 2>&1 | grep ERROR
  "$schemactl" inspect "$(url dumptest)" --format sql --output "$work/script.sql" || exit 2
  for pass in once twice; do
    $psql -d roundtrip -v ON_ERROR_STOP=1 -f "$work/script.sql" > "$work/load.out" 2>&1 || { echo "loading it $pass failed"; tail -3 "$work/load.out"; exit 1; }
  done
  echo "== round trip (loaded twice)"
  "$schemactl" diff "$(url dumptest)" "$(url roundtrip)"
  echo "== plans, proved"
  for way in "dumptest empty" "empty dumptest"; do
    set -- $way
    "$schemactl" diff "$(url "$1")" "$(url "$2")" --format sql --allow-destructive > /dev/null 2> "$work/plan.err"
    echo "$1 → $2: exit $? $(grep -v 'does not model' "$work/plan.err" | head -8)"
  done
  ;;
*) echo "usage: run.sh apgdiff APGDIFF_SOURCE_DIR | run.sh pg_dump PG_SOURCE_DIR [PG_BIN_DIR]" >&2; exit 2 ;;
esac
