"""MLflow's tracking store, migrated one Alembic revision at a time.

    python mlflow_states.py HOST PORT DATABASE PREFIX

Makes MLflow's first tables in DATABASE (empty) as MLflow does (its initial models), then
upgrades it along its Alembic history one revision at a time, and after each copies the
database to PREFIX_NNN (CREATE DATABASE … TEMPLATE), printing its name: an ORM's history of
some seventy revisions (columns retyped, keys and checks renamed, tables added and dropped),
each state a database for `run.sh mlflow` to plan between.
"""
import os
import sys

import psycopg2
import sqlalchemy
from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory

import mlflow.store.db_migrations as migrations
from mlflow.store.tracking.dbmodels.initial_models import Base as InitialBase

host, port, database, prefix = sys.argv[1:5]
url = f"postgresql+psycopg2://postgres@/{database}?host={host}&port={port}"
here = os.path.dirname(migrations.__file__)
config = Config(os.path.join(here, "alembic.ini"))
config.set_main_option("script_location", here)
config.set_main_option("sqlalchemy.url", url)
engine = sqlalchemy.create_engine(url, poolclass=sqlalchemy.pool.NullPool)
InitialBase.metadata.create_all(engine)
engine.dispose()
admin = psycopg2.connect(host=host, port=port, user="postgres", dbname="postgres")
admin.autocommit = True
revisions = list(reversed(list(ScriptDirectory.from_config(config).walk_revisions())))
print(f"{len(revisions)} revisions", file=sys.stderr, flush=True)
for number, revision in enumerate(revisions, 1):
    command.upgrade(config, revision.revision)
    name = f"{prefix}_{number:03d}"
    with admin.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}" TEMPLATE "{database}"')
    print(name, flush=True)
