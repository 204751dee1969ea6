#!/usr/bin/env bash
# Real schemas and real histories, none written for this tool, fetched from Debian's and PyPI's
# registries (nothing of theirs is committed):
#
#   bash Tests/Corpus/applications/run.sh [PG_BIN_DIR] [apps|moreapps|histories|django|djangoapps|mlflow|ledgersmb|gnumed|tryton|extensions|versions]...
#
# PG_BIN_DIR defaults to /usr/lib/postgresql/15/bin. Uses the release build (`swift build -c
# release`). Runs a throwaway server of its own (PORT, 5495) as its superuser; WORK (a new
# folder under $TMPDIR) keeps the downloads and what failed.
#
# apps        Zabbix, MediaWiki (with AbuseFilter and OATHAuth), PowerDNS, Icinga 2 IDO, Request
#             Tracker, Roundcube, Icinga Web 2 and its Director, ejabberd, Kamailio (every
#             module's tables), Bacula and DAViCal (on AWL's tables) from their Debian packages,
#             dramatiq-pg from PyPI: each
#             schema's consolidated SQL loaded twice into an empty database must give it back
#             (`schemactl diff --column-order` empty, `pg_dump -s` the same once sorted), and the plans from an
#             empty database to it and back are proved.
# moreapps    FreeRADIUS 3.2 (its main, IP pool, DHCP, CUI and Moonshot schemas with their
#             procedures), jabberd2, SpamAssassin (AWL, Bayes, user preferences, TxRep, short
#             URLs), Prelude's database (libpreludedb), OAR's scheduler schema, gnokii's SMS
#             daemon and libnss-pgsql2's example, from their Debian packages: as apps.
# histories   Synapse (full schema 72, then its SQL deltas up to the newest, each version a
#             database) and procrastinate (its 38 migrations from 00.00.00): the plans between
#             consecutive states both ways, jumps of 5, and first to last both ways, proved.
# django      Django's contrib apps and Wagtail's (PyPI, in a virtual environment of its own),
#             migrated one migration at a time (django_states.py), each state that changed the
#             schema a database: the plans between consecutive states both ways, jumps of 10,
#             first to last both ways, and the last state's round trip.
# djangoapps  The same of Django's contrib apps with allauth, OAuth Toolkit, Celery's beat and
#             results, guardian, reversion, OTP, Axes, simple history, waffle and pghistory.
# mlflow      MLflow's tracking store (PyPI: mlflow-skinny, SQLAlchemy, Alembic, in a virtual
#             environment of its own), upgraded one Alembic revision at a time (mlflow_states.py),
#             each a database: the plans between consecutive states both ways, first to last
#             both ways, and the last state's round trip.
# ledgersmb   LedgerSMB 1.6 (Debian): its base schema, then each of its change scripts in order (a
#             state each; those it marks may fail are let fail, as its upgrader does), then its
#             modules (functions, types, views): the plans between consecutive states both ways,
#             first to last both ways, and the last state's round trip.
# gnumed      GNUmed's 21 schema versions (Debian's gnumed-server: its bootstrapper, in a virtual
#             environment with psycopg2 from PyPI, makes gnumed_v2 and upgrades it copy by copy
#             to gnumed_v22 with its SQL and Python scripts, as a GNUmed site does): the plans
#             between consecutive versions both ways, jumps of 5, first to last both ways, and
#             the last version's round trip.
# tryton      Tryton 6.0's ERP (Debian's tryton-server and tryton-modules-all, installed with apt-get
#             when trytond-admin is missing): its database made by trytond-admin, then its modules
#             activated a step at a time (party, company, product, account, invoices, stock, sale,
#             purchase, timesheet, project one by one, then the other 150 by sixteen in name order),
#             each step a database: the plans between consecutive steps both ways, first to last
#             both ways, and the last step's round trip.
# extensions  Every extension the server has that installs (apt-get install postgresql-15-… for
#             more): created, then detached from its extension, so that its functions, types,
#             operators, classes, tables and views are the user's; then as apps.
# versions    Every version of each extension that installs: the plans between consecutive
#             versions both ways, and first to last, each version detached as above, with a
#             table and an index per base type and access method with a default class for it.
#
# ONLY (a regular expression) picks the extensions of `extensions` and `versions` by name;
# FLAGS are added to every plan's `schemactl diff` (FLAGS=--online).
#
# Exit 1 when anything failed; what failed is printed with the plan's error.
set -u
bin=${1:-/usr/lib/postgresql/15/bin}; shift || true
parts=${*:-apps histories extensions versions}
port=${PORT:-5495}
here=$(cd "$(dirname "$0")/../../.." && pwd)
schemactl="$here/.build/release/schemactl"
work=$(mktemp -d "${TMPDIR:-/tmp}/schemactl-apps.XXXXXX"); chmod 755 "$work"
as_postgres() { if [ "$(id -u)" = 0 ]; then su postgres -c "$1"; else bash -c "$1"; fi; }
mkdir -p "$work/data" "$work/out" "$work/get"; chown postgres "$work" "$work/data" 2>/dev/null
as_postgres "$bin/initdb -D $work/data -U postgres -A trust >/dev/null && $bin/pg_ctl -D $work/data -l $work/log -w \
  -o '-p $port -k $work -c listen_addresses= -c fsync=off' start >/dev/null" || exit 2
# KEEP=1 leaves the folder (the downloads, the last plan and its error) in place.
trap 'as_postgres "$bin/pg_ctl -D $work/data -m immediate stop >/dev/null"; if [ -n "${KEEP:-}" ]; then echo "kept: $work"; else rm -rf "$work"; fi' EXIT
psql="$bin/psql -h $work -p $port -U postgres -X -q"
conn="host=$work port=$port user=postgres dbname="
scratch="postgresql://postgres@/postgres?host=$work&port=$port"
failed=0; proved=0; planned=0

fresh() { $psql -d postgres -c "DROP DATABASE IF EXISTS \"$1\"" -c "CREATE DATABASE \"$1\" TEMPLATE template0" >/dev/null 2>&1; }
load() { # load DB FILE...: each file into DB, stopping at an error
  local db=$1; shift; fresh "$db"
  for file in "$@"; do $psql -d "$db" -v ON_ERROR_STOP=1 -f "$file" > "$work/out/load.txt" 2>&1 \
    || { echo "could not load $file:"; grep -v NOTICE "$work/out/load.txt" | head -3; return 1; }; done
}
snapshot() { $psql -d postgres -c "CREATE DATABASE \"$2\" TEMPLATE \"$1\"" >/dev/null; }
plan() { # plan FROM TO: proved by schemactl, or counted as failed with its error
  planned=$((planned + 1))
  "$schemactl" diff "${conn}$1" "${conn}$2" --format sql --allow-destructive --scratch "$scratch" ${FLAGS:-} > "$work/out/plan.sql" 2> "$work/out/plan.err"
  if [ $? -ge 2 ]; then failed=$((failed + 1)); echo "FAILED $1 → $2:"; grep -v '^$' "$work/out/plan.err" | head -5 | cut -c1-240
  else proved=$((proved + 1)); fi
}
chain() { # chain STEP DB...: the plans between consecutive databases both ways, jumps of STEP (0: none), first to last both ways
  local step=$1; shift; local all=("$@"); local n=$# k
  for ((k = 0; k + 1 < n; k++)); do plan "${all[k]}" "${all[k + 1]}"; plan "${all[k + 1]}" "${all[k]}"; done
  for ((k = 0; step > 0 && k + step < n; k += step)); do plan "${all[k]}" "${all[k + step]}"; plan "${all[k + step]}" "${all[k]}"; done
  plan "${all[0]}" "${all[n - 1]}"; plan "${all[n - 1]}" "${all[0]}"
}
python_history() { # python_history LABEL PACKAGES SCRIPT PREFIX STEP [ARGUMENT]: SCRIPT, in a virtual environment of its
  # own with PACKAGES (PyPI), migrates database PREFIX one migration at a time and prints each state's
  # database (its first line on stderr says how many migrations); they are chained, the last round-tripped.
  local label=$1 packages=$2 script=$3 prefix=$4 step=$5 argument=${6:-} states n
  python3 -m venv "venv_$prefix" && "venv_$prefix/bin/pip" install -q $packages >/dev/null 2>&1 \
    || { echo "could not install $label"; failed=$((failed + 1)); return; }
  fresh "$prefix"
  mapfile -t states < <("venv_$prefix/bin/python" "$here/Tests/Corpus/applications/$script" "$work" "$port" "$prefix" "$prefix" $argument \
    2> "$work/out/$prefix.txt")
  n=${#states[@]}; echo "$(head -1 "$work/out/$prefix.txt"), $n states"
  [ "$n" -ge 2 ] || { echo "could not migrate:"; tail -3 "$work/out/$prefix.txt"; failed=$((failed + 1)); return; }
  chain "$step" "${states[@]}"
  roundtrip "${states[n - 1]}"
}
roundtrip() { # roundtrip DB: the consolidated SQL twice into an empty database, compared; then empty ↔ DB
  local db=$1
  "$schemactl" inspect "${conn}$db" --format sql --output "$work/out/$db.sql" || { failed=$((failed + 1)); return; }
  fresh "rt_$db"
  for pass in once twice; do
    $psql -d "rt_$db" -v ON_ERROR_STOP=1 -f "$work/out/$db.sql" > "$work/out/load.txt" 2>&1 \
      || { failed=$((failed + 1)); echo "$db: its script fails loaded $pass:"; grep -v NOTICE "$work/out/load.txt" | head -3; return; }
  done
  "$schemactl" diff --column-order "${conn}$db" "${conn}rt_$db" > "$work/out/rt.txt" 2>&1
  [ $? = 0 ] || { failed=$((failed + 1)); echo "$db: the round trip differs:"; head -20 "$work/out/rt.txt"; }
  for side in "$db" "rt_$db"; do
    "$bin/pg_dump" -s -h "$work" -p "$port" -U postgres "$side" | grep -v '^--\|^\\restrict\|^\\unrestrict\|^$' | sort > "$work/out/$side.dump"
  done
  cmp -s "$work/out/$db.dump" "$work/out/rt_$db.dump" || echo "$db: pg_dump -s differs once sorted (diff $work/out/$db.dump $work/out/rt_$db.dump)"
  plan empty "$db"; plan "$db" empty
}
use_types() { # use_types DB: a table per base type of the user's and access method with a default
  # operator class for it, indexed by that class without naming it (`USING gist (v)`): a class
  # made again between versions takes such an index with it, which only pg_depend tells
  $psql -d "$1" >/dev/null 2>&1 <<'SQL'
DO $$ DECLARE r record; BEGIN
  FOR r IN SELECT DISTINCT t.oid::regtype::text AS type, t.typname, am.amname
           FROM pg_opclass c JOIN pg_type t ON t.oid = c.opcintype JOIN pg_am am ON am.oid = c.opcmethod
           WHERE c.opcdefault AND t.typtype = 'b' AND t.oid >= 16384 ORDER BY 1, 3 LOOP
    BEGIN
      EXECUTE format('CREATE TABLE public.%I (v %s)', left('uses_' || r.typname || '_' || r.amname, 63), r.type);
      EXECUTE format('CREATE INDEX ON public.%I USING %I (v)', left('uses_' || r.typname || '_' || r.amname, 63), r.amname);
    EXCEPTION WHEN OTHERS THEN NULL;
    END;
  END LOOP;
END $$;
SQL
}
detach() { # the objects an extension made become the database's own, their grants too (pg_dump
  # leaves out what an extension's script granted, as its initial privileges)
  $psql -d "$1" -c "DELETE FROM pg_depend WHERE refclassid = 'pg_extension'::regclass AND deptype = 'e'" \
    -c "DELETE FROM pg_extension WHERE extname <> 'plpgsql'" -c "DELETE FROM pg_init_privs WHERE privtype = 'e'" >/dev/null
}
fresh empty
cd "$work/get" || exit 2

for part in $parts; do case $part in
apps)
  echo "== application schemas"
  apt-get download -qq zabbix-server-pgsql mediawiki pdns-backend-pgsql icinga2-ido-pgsql request-tracker5 roundcube-core \
    icingaweb2 icingaweb2-module-director ejabberd kamailio-postgres-modules bacula-director-pgsql davical libawl-php >/dev/null 2>&1
  pip download -q --no-deps dramatiq-pg -d . >/dev/null 2>&1
  for deb in *.deb; do dpkg-deb -x "$deb" x; done; for wheel in *.whl; do unzip -q -o "$wheel" -d x; done
  zcat x/usr/share/zabbix-server-pgsql/schema.sql.gz > zabbix.sql
  mw=x/usr/share/mediawiki
  load zabbix zabbix.sql && roundtrip zabbix
  load mediawiki $mw/maintenance/postgres/tables-generated.sql $mw/maintenance/postgres/tables.sql \
    $mw/extensions-core/AbuseFilter/db_patches/postgres/tables-generated.sql $mw/extensions-core/OATHAuth/sql/postgres/tables-generated.sql \
    && roundtrip mediawiki
  load pdns x/usr/share/pdns-backend-pgsql/schema/schema.pgsql.sql && roundtrip pdns
  load icinga x/usr/share/icinga2-ido-pgsql/schema/pgsql.sql && roundtrip icinga
  load rt x/usr/share/request-tracker5/etc/schema.Pg && roundtrip rt
  load roundcube x/usr/share/roundcube/SQL/postgres.initial.sql && roundtrip roundcube
  load dramatiq x/dramatiq_pg/schema.sql && roundtrip dramatiq
  load icingaweb x/usr/share/icingaweb2/schema/pgsql.schema.sql && roundtrip icingaweb
  load director x/usr/share/icingaweb2/modules/director/schema/pgsql.sql && roundtrip director
  load ejabberd x/usr/share/ejabberd/sql/pg.new.sql && roundtrip ejabberd
  kam=x/usr/share/kamailio/postgres
  load kamailio $kam/standard-create.sql $(ls $kam/*-create.sql | grep -v /standard-create.sql) && roundtrip kamailio
  load bacula x/usr/share/dbconfig-common/data/bacula-director-pgsql/install/pgsql && roundtrip bacula
  dav=x/usr/share/davical/dba
  load davical x/usr/share/awl/dba/awl-tables.sql x/usr/share/awl/dba/schema-management.sql $dav/davical.sql \
    $dav/supported_locales.sql $dav/views/*.sql $dav/caldav_functions.sql $dav/rrule_functions.sql && roundtrip davical
  ;;
moreapps)
  echo "== more application schemas"
  apt-get download -qq freeradius-config jabberd2 spamassassin libpreludedb7-pgsql oar-server gnokii-smsd-pgsql libnss-pgsql2 >/dev/null 2>&1
  for deb in *.deb; do dpkg-deb -x "$deb" x; done
  rad=x/etc/freeradius/3.0/mods-config/sql
  grep -v '^#' $rad/main/postgresql/process-radacct.sql > radacct.sql # its header is in #-comments, not SQL's
  load freeradius $rad/main/postgresql/schema.sql radacct.sql $rad/ippool/postgresql/schema.sql \
    $rad/ippool/postgresql/procedure.sql && roundtrip freeradius
  load freeradius_dhcp $rad/dhcp/postgresql/schema.sql $rad/ippool-dhcp/postgresql/schema.sql $rad/ippool-dhcp/postgresql/procedure.sql \
    $rad/cui/postgresql/schema.sql $rad/moonshot-targeted-ids/postgresql/schema.sql && roundtrip freeradius_dhcp
  zcat x/usr/share/doc/jabberd2/db-setup.pgsql.gz > jabberd2.sql
  load jabberd2 jabberd2.sql && roundtrip jabberd2
  sa=x/usr/share/doc/spamassassin/sql
  load spamassassin $sa/awl_pg.sql $sa/bayes_pg.sql $sa/userpref_pg.sql $sa/txrep_pg.sql $sa/decodeshorturl_pg.sql && roundtrip spamassassin
  load prelude x/usr/share/libpreludedb/classic/pgsql.sql && roundtrip prelude
  load oar x/usr/lib/oar/database/pg_structure.sql && roundtrip oar
  load gnokii x/usr/share/doc/gnokii-smsd-pgsql/sms.tables.pq.sql && roundtrip gnokii
  load nss x/usr/share/doc/libnss-pgsql2/examples/dbschema.sql && roundtrip nss
  ;;
histories)
  echo "== histories"
  pip download -q --no-deps matrix-synapse procrastinate -d . >/dev/null 2>&1
  for wheel in matrix_synapse*.whl procrastinate*.whl; do unzip -q -o "$wheel" 'synapse/storage/schema/*' 'procrastinate/sql/*' -d h 2>/dev/null; done
  schema=h/synapse/storage/schema; states=()
  load synapse $schema/common/full_schemas/72/full.sql.postgres $schema/main/full_schemas/72/full.sql.postgres \
    $schema/state/full_schemas/72/full.sql.postgres && { snapshot synapse syn_72; states+=(syn_72); }
  for version in $(seq 73 200); do
    files=$(for store in main state common; do ls "$schema/$store/delta/$version/" 2>/dev/null | grep -E '\.sql$|\.sql\.postgres$' \
      | sed "s|^|$schema/$store/delta/$version/|"; done | sort -t/ -k9)
    [ -n "$files" ] || continue
    # Synapse writes its own primary key placeholder for each engine.
    for file in $files; do sed 's/\$%AUTO_INCREMENT_PRIMARY_KEY%\$/BIGSERIAL PRIMARY KEY/' "$file" > delta.sql
      $psql -d synapse -v ON_ERROR_STOP=1 -f delta.sql > "$work/out/load.txt" 2>&1 || { echo "could not load $file"; head -3 "$work/out/load.txt"; }
    done
    snapshot synapse "syn_$version"; states+=("syn_$version")
  done
  fresh procrastinate; i=0; pstates=()
  for file in $(ls h/procrastinate/sql/migrations/*.sql | sort); do
    i=$((i + 1)); $psql -d procrastinate -v ON_ERROR_STOP=1 -f "$file" > "$work/out/load.txt" 2>&1 || echo "could not load $file"
    snapshot procrastinate "$(printf "pr_%02d" $i)"; pstates+=("$(printf "pr_%02d" $i)")
  done
  chain 5 "${states[@]}"; chain 5 "${pstates[@]}"
  roundtrip procrastinate
  ;;
django)
  echo "== Django and Wagtail"
  python_history "Django and Wagtail" "wagtail psycopg2-binary" django_states.py dj 10
  ;;
djangoapps)
  echo "== Django's ecosystem"
  python_history "Django's ecosystem" "psycopg2-binary django-allauth django-oauth-toolkit django-celery-beat django-celery-results \
    django-guardian django-reversion django-otp django-axes django-simple-history django-waffle django-pghistory django-taggit" \
    django_states.py dx 10 apps
  ;;
mlflow)
  echo "== MLflow"
  python_history MLflow "mlflow-skinny sqlalchemy alembic psycopg2-binary" mlflow_states.py ml 0
  ;;
ledgersmb)
  echo "== LedgerSMB"
  apt-get download -qq ledgersmb >/dev/null 2>&1 && dpkg-deb -x ledgersmb_*.deb l \
    || { echo "could not fetch LedgerSMB"; failed=$((failed + 1)); continue; }
  sql=l/usr/share/ledgersmb/sql; load lsmb $sql/Pg-database.sql && { snapshot lsmb lsmb_000; lstates=(lsmb_000); }
  i=0
  for line in $(grep -v '^#' $sql/changes/LOADORDER); do
    file=${line#!}; i=$((i + 1))
    $psql -d lsmb -1 -v ON_ERROR_STOP=1 -f "$sql/changes/$file" > "$work/out/load.txt" 2>&1 \
      || { [ "$line" = "$file" ] && { echo "could not load $file"; grep ERROR "$work/out/load.txt" | head -1; }; }
    snapshot lsmb "$(printf "lsmb_%03d" $i)"; lstates+=("$(printf "lsmb_%03d" $i)")
  done
  for module in $(grep -v '^#' $sql/modules/LOADORDER | grep -v Duplicates_Functions); do
    $psql -d lsmb -v ON_ERROR_STOP=1 -f "$sql/modules/$module" > "$work/out/load.txt" 2>&1 || echo "could not load $module"
  done
  snapshot lsmb lsmb_modules; lstates+=(lsmb_modules)
  n=${#lstates[@]}; echo "$n states"
  chain 0 "${lstates[@]}"
  roundtrip lsmb_modules
  ;;
gnumed)
  echo "== GNUmed"
  apt-get download -qq gnumed-server >/dev/null 2>&1 && dpkg-deb -x gnumed-server_*.deb g \
    && python3 -m venv gvenv && gvenv/bin/pip install -q psycopg2-binary >/dev/null 2>&1 \
    || { echo "could not fetch GNUmed's server or psycopg2"; failed=$((failed + 1)); continue; }
  # Its bootstrapper reads the lc_ctype setting, gone since 16: the database's own is the same.
  sed -i "s/select setting from pg_settings where name = 'lc_ctype'/select datctype from pg_database where datname = current_database()/" \
    g/var/lib/gnumed/server/bootstrap/bootstrap_gm_db_system.py
  # Its bootstrapper connects as postgres over the socket (PGHOST) and makes its roles
  # (gm-dbo and the groups its grants name); its upgrades keep each version's database.
  (cd g/var/lib/gnumed/server/bootstrap && PGHOST=$work GM_DB_PORT=$port PGPORT=$port "$work/get/gvenv/bin/python" \
    bootstrap_gm_db_system.py --log-file="$work/out/gnumed.log" --conf-file=bootstrap-latest.conf --quiet > "$work/out/gnumed.txt" 2>&1) \
    || { echo "GNUmed's bootstrap stopped, its own SQL refused by this server (on 16 v16 grants a role, on 18 v12 drops a NOT NULL its children inherit):"
         grep "Cannot import schema\|PG diags message_primary" "$work/out/gnumed.log" | tail -2 | sed 's/.*): //'; }
  # The versions it made before it stopped, if it did.
  mapfile -t gstates < <($psql -d postgres -At -c "SELECT datname FROM pg_database WHERE datname ~ '^gnumed_v[0-9]+$'
    ORDER BY substr(datname, 9)::int")
  n=${#gstates[@]}; [ "$n" -ge 2 ] || { echo "GNUmed: fewer than two versions"; failed=$((failed + 1)); continue; }
  echo "${n} versions, ${gstates[0]} to ${gstates[n - 1]}"
  chain 5 "${gstates[@]}"
  roundtrip "${gstates[n - 1]}"
  ;;
tryton)
  echo "== Tryton"
  command -v trytond-admin >/dev/null || apt-get install -y -qq tryton-server tryton-modules-all >/dev/null 2>&1 \
    || { echo "could not install Tryton"; failed=$((failed + 1)); continue; }
  mkdir -p "$work/tryton"; printf '[database]\nuri = postgresql:///\npath = %s\n' "$work/tryton" > trytond.conf; echo admin > tryton.pass
  tryton_admin() { PGHOST=$work PGPORT=$port PGUSER=postgres TRYTONPASSFILE=$work/get/tryton.pass trytond-admin -c trytond.conf "$@" \
    > "$work/out/tryton.txt" 2>&1 || { echo "trytond-admin $* failed:"; tail -2 "$work/out/tryton.txt"; return 1; }; }
  fresh tr_00; tryton_admin -d tr_00 --all --email admin@example.com || { failed=$((failed + 1)); continue; }
  tstates=(tr_00)
  common="party company product account account_invoice stock sale purchase timesheet project"
  rest=$(ls /usr/lib/python3/dist-packages/trytond/modules | grep -v '^__' | grep -vxF -f <(echo "$common" | tr ' ' '\n'))
  steps=($common); while read -r group; do steps+=("$group"); done < <(echo "$rest" | paste -d' ' $(printf -- '- %.0s' {1..16}))
  for step in "${steps[@]}"; do
    db=$(printf "tr_%02d" ${#tstates[@]}); snapshot "${tstates[-1]}" "$db"
    if tryton_admin -d "$db" -u $step --activate-dependencies; then tstates+=("$db")
    else failed=$((failed + 1)); $psql -d postgres -c "DROP DATABASE \"$db\"" >/dev/null; fi
  done
  echo "${#tstates[@]} states, $($psql -d "${tstates[-1]}" -At -c "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'") tables in the last"
  chain 0 "${tstates[@]}"
  roundtrip "${tstates[-1]}"
  ;;
extensions)
  echo "== extensions' objects as the user's"
  for extension in $($psql -d postgres -At -c "SELECT name FROM pg_available_extensions WHERE name <> 'plpgsql' AND name ~ '${ONLY:-.}' ORDER BY name"); do
    db="x_$(echo "$extension" | tr -c 'a-z0-9_\n' '_')"; fresh "$db"
    $psql -d "$db" -v ON_ERROR_STOP=1 -c "CREATE EXTENSION \"$extension\" CASCADE" >/dev/null 2>&1 || continue
    detach "$db"
    # A language handler or a function put in pg_catalog (pllua's) is outside the model, as it
    # is outside pg_dump's: such an extension's objects cannot stand as the user's.
    if [ "$($psql -d "$db" -At -c "SELECT count(*) FROM pg_proc WHERE pronamespace = 'pg_catalog'::regnamespace AND oid >= 16384")" != 0 ]; then
      echo "$extension: left out, it makes functions in pg_catalog"; continue
    fi
    roundtrip "$db"
  done
  ;;
versions)
  echo "== extension versions"
  for extension in $($psql -d postgres -At -c "SELECT name FROM pg_available_extensions WHERE name <> 'plpgsql' AND name ~ '${ONLY:-.}' ORDER BY name"); do
    made=(); i=0
    for version in $($psql -d postgres -At -c "SELECT version FROM pg_available_extension_versions WHERE name = '$extension'" | sort -V); do
      i=$((i + 1)); db="v_$(echo "$extension" | tr -c 'a-z0-9_\n' '_')_$i"; fresh "$db"
      if $psql -d "$db" -v ON_ERROR_STOP=1 -c "CREATE EXTENSION \"$extension\" VERSION '$version' CASCADE" >/dev/null 2>&1; then
        detach "$db"; use_types "$db"; made+=("$db")
      else $psql -d postgres -c "DROP DATABASE \"$db\"" >/dev/null; fi
    done
    n=${#made[@]}; [ "$n" -ge 2 ] || continue
    for ((k = 0; k + 1 < n; k++)); do plan "${made[k]}" "${made[k + 1]}"; plan "${made[k + 1]}" "${made[k]}"; done
    [ "$n" -gt 2 ] && { plan "${made[0]}" "${made[n - 1]}"; plan "${made[n - 1]}" "${made[0]}"; }
  done
  ;;
esac; done
echo "$proved of $planned plans proved; $failed failures"
[ "$failed" = 0 ]
