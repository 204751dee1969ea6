"""Django's contrib apps with Wagtail's, or with other apps, migrated one migration at a time.

    python django_states.py HOST PORT DATABASE PREFIX [wagtail|apps]

`wagtail` (the default): Wagtail's apps. `apps`: widely used apps of Django's ecosystem
(allauth, OAuth Toolkit, Celery's beat and results, guardian, reversion, OTP, Axes, simple
history, waffle, pghistory).

Migrates DATABASE (empty) along Django's own plan, one migration at a time, and after each
one that changed the schema copies the database to PREFIX_NNN (CREATE DATABASE … TEMPLATE),
printing its name: a real ORM's history of several hundred migrations, each state a
database for `run.sh django` to plan between. A schema change is seen by a fingerprint of
the catalog (relations, columns, defaults, constraints, indexes, functions, triggers); a
migration that only moves data leaves it the same and makes no state.
"""
import sys

import django
from django.conf import settings

host, port, database, prefix = sys.argv[1:5]
chosen = sys.argv[5] if len(sys.argv) > 5 else "wagtail"
APPS = {
    "wagtail": [
        "wagtail.contrib.forms", "wagtail.contrib.redirects", "wagtail.contrib.settings",
        "wagtail.contrib.search_promotions", "wagtail.embeds", "wagtail.sites", "wagtail.users",
        "wagtail.snippets", "wagtail.documents", "wagtail.images", "wagtail.search",
        "wagtail.admin", "wagtail", "modelcluster", "taggit",
    ],
    "apps": [
        "allauth", "allauth.account", "allauth.socialaccount", "allauth.mfa", "allauth.usersessions",
        "oauth2_provider", "django_celery_beat", "django_celery_results", "guardian", "reversion",
        "django_otp", "django_otp.plugins.otp_totp", "django_otp.plugins.otp_static",
        "django_otp.plugins.otp_hotp", "django_otp.plugins.otp_email", "axes", "simple_history",
        "waffle", "pgtrigger", "pghistory", "taggit",
    ],
}
settings.configure(
    INSTALLED_APPS=[
        "django.contrib.admin", "django.contrib.auth", "django.contrib.contenttypes",
        "django.contrib.sessions", "django.contrib.messages", "django.contrib.sites",
        "django.contrib.flatpages", "django.contrib.redirects",
    ] + APPS[chosen],
    DATABASES={"default": {"ENGINE": "django.db.backends.postgresql", "NAME": database,
                           "USER": "postgres", "HOST": host, "PORT": port}},
    USE_TZ=True, SECRET_KEY="states", SITE_ID=1, WAGTAIL_SITE_NAME="states",
    WAGTAILADMIN_BASE_URL="http://localhost", DEFAULT_AUTO_FIELD="django.db.models.BigAutoField",
    STATIC_URL="/static/",
    # allauth's own check at start-up.
    MIDDLEWARE=["allauth.account.middleware.AccountMiddleware"] if chosen == "apps" else [],
)
django.setup()

import psycopg2  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connections  # noqa: E402
from django.db.migrations.executor import MigrationExecutor  # noqa: E402

FINGERPRINT = """
SELECT md5(coalesce(string_agg(t, E'\\n' ORDER BY t), '')) FROM (
  SELECT format('%s %s %s', c.oid::regclass, c.relkind, (
    SELECT string_agg(format('%s %s %s %s', attname, format_type(atttypid, atttypmod), attnotnull,
                             pg_get_expr(d.adbin, d.adrelid)), ',' ORDER BY attnum)
    FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
    WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped)) AS t
  FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace
  UNION ALL SELECT format('%s %s %s', conrelid::regclass, conname, pg_get_constraintdef(oid))
  FROM pg_constraint WHERE connamespace = 'public'::regnamespace
  UNION ALL SELECT pg_get_indexdef(indexrelid) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
  WHERE c.relnamespace = 'public'::regnamespace
  UNION ALL SELECT oid::regprocedure::text FROM pg_proc WHERE pronamespace = 'public'::regnamespace
  UNION ALL SELECT pg_get_triggerdef(oid) FROM pg_trigger WHERE NOT tgisinternal
) s
"""


def admin():
    connection = psycopg2.connect(host=host, port=port, user="postgres", dbname="postgres")
    connection.autocommit = True
    return connection


def fingerprint():
    with psycopg2.connect(host=host, port=port, user="postgres", dbname=database) as connection:
        with connection.cursor() as cursor:
            cursor.execute(FINGERPRINT)
            return cursor.fetchone()[0]


executor = MigrationExecutor(connections["default"])
plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
print(f"{len(plan)} migrations", file=sys.stderr)
last, states = fingerprint(), 0
for migration, _ in plan:
    call_command("migrate", migration.app_label, migration.name, verbosity=0)
    connections.close_all()
    now = fingerprint()
    if now == last:
        continue
    last, states = now, states + 1
    name = f"{prefix}_{states:03d}"
    copy = admin()
    copy.cursor().execute(f'CREATE DATABASE "{name}" TEMPLATE "{database}"')
    copy.close()
    print(name, flush=True)
