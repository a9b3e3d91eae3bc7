"""A throwaway PostgreSQL server for the tests: initdb into a temporary folder, started on a unix
socket there (no TCP port), stopped and deleted at the end. Each test gets a database of its own,
copied from a migrated template so no test pays for the migrations.

Run as root (a container), the server runs as the ``postgres`` user, since PostgreSQL refuses root.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

USER = "ledger"
TEMPLATE = "ledger_template"


def bindir() -> Path | None:
    """Where PostgreSQL's server binaries are: $PG_BINDIR, pg_config's answer, Debian's folders, PATH."""
    candidates = [os.environ.get("PG_BINDIR")]
    if shutil.which("pg_config"):
        candidates.append(subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True).stdout.strip())
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name), reverse=True)
    initdb = shutil.which("initdb")
    candidates.append(str(Path(initdb).parent) if initdb else None)
    return next((Path(c) for c in candidates if c and (Path(c) / "initdb").exists()), None)


class Server:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.port = 5432

    def url(self, database: str) -> str:
        return f"postgresql://{USER}@/{database}?host={self.folder}&port={self.port}"

    def admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            conn.execute(sql)  # type: ignore[arg-type]

    @contextmanager
    def database(self) -> Iterator[str]:
        """A fresh, migrated ledger database, dropped afterwards."""
        name = "ledger"  # one at a time: a test's ledger is named as a SQLite test's ledger.db is
        self.admin(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE} STRATEGY = FILE_COPY")
        try:
            yield self.url(name)
        finally:
            self.admin(f"DROP DATABASE {name} WITH (FORCE)")


def _as_server_user() -> list[str]:
    """The command prefix that runs the server as a user PostgreSQL accepts."""
    if os.geteuid() != 0:
        return []
    try:
        pwd.getpwnam("postgres")
    except KeyError:
        pytest.skip("running as root and there is no postgres user to run the test server as")
    return ["runuser", "-u", "postgres", "--"]


@contextmanager
def running_server() -> Iterator[Server]:
    """A started server with a migrated template ledger; skips (saying why) when PostgreSQL is absent."""
    found = bindir()
    if found is None:
        pytest.skip("no PostgreSQL server binaries (initdb) found: install Debian's postgresql package")
    prefix = _as_server_user()
    folder = Path(tempfile.mkdtemp(prefix="storyledger-pg-"))
    if prefix:
        shutil.chown(folder, "postgres")
    data = folder / "data"
    try:
        subprocess.run([*prefix, str(found / "initdb"), "-D", str(data), "-U", USER, "--auth=trust", "-E", "UTF8",
                        "--locale=C", "--no-sync"], check=True, capture_output=True)
        server = Server(folder)
        options = (f"-k {folder} -p {server.port} -c listen_addresses='' -c fsync=off -c synchronous_commit=off"
                   " -c full_page_writes=off -c max_connections=100")
        subprocess.run([*prefix, str(found / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(folder / "log"),
                        "-w", "start"], check=True, capture_output=True)
        try:
            from storyledger.store import open_ledger

            server.admin(f"CREATE DATABASE {TEMPLATE}")
            open_ledger(server.url(TEMPLATE)).close()
            yield server
        finally:
            subprocess.run([*prefix, str(found / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                           capture_output=True)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
