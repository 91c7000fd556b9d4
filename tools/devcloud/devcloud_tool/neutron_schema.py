"""Build Neutron's schema on SQLite straight from its models (runs in the devcloud venv).

Neutron's alembic migrations fail on SQLite ("No support for ALTER of
constraints"); neutron's own unit tests create the schema from the models the
same way. `neutron-db-manage stamp heads` then marks it current.

usage: python -m devcloud_tool.neutron_schema SQLALCHEMY_URL
"""
import sys

import sqlalchemy as sa
from neutron.db.migration.models import head  # imports every model


def main(url: str) -> None:
    metadata = head.get_metadata()
    metadata.create_all(sa.create_engine(url))
    print("created", len(metadata.tables), "tables")


if __name__ == "__main__":
    main(sys.argv[1])
