"""The test PostgreSQL itself (tests/pg_server.py): the server the team-log tests rely on
must check passwords and certificates as a team's real server would."""

from __future__ import annotations

import psycopg
import pytest
import trustme


def test_a_volunteer_connects_over_verified_tls_as_herself(pg_database):
    with psycopg.connect(pg_database.url("anna"), password=pg_database.cluster.password("anna")) as conn:
        assert conn.execute("SELECT current_user").fetchone() == ("anna",)
        assert conn.info.pgconn.ssl_in_use
    assert "anna@127.0.0.1" in pg_database.url("anna")
    assert pg_database.cluster.password("anna") not in pg_database.url("anna")


def test_pgpassword_from_the_environment_is_used(pg_database, monkeypatch):
    for name, value in pg_database.cluster.libpq_env("boris").items():
        monkeypatch.setenv(name, value)
    with psycopg.connect(pg_database.url("boris")) as conn:
        assert conn.execute("SELECT current_user").fetchone() == ("boris",)


def test_a_wrong_password_is_refused(pg_database):
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        psycopg.connect(pg_database.url("anna"), password="not-annas-password")


def test_no_password_is_refused_even_from_loopback(pg_database, monkeypatch):
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(pg_database.cluster.base / "no-such-pgpass"))
    with pytest.raises(psycopg.OperationalError, match="no password supplied"):
        psycopg.connect(pg_database.url("anna"))


def test_a_certificate_from_another_ca_is_refused(pg_database, tmp_path):
    other_ca = tmp_path / "other-ca.pem"
    trustme.CA().cert_pem.write_to_path(str(other_ca))
    url = pg_database.url("anna", sslrootcert=other_ca)
    with pytest.raises(psycopg.OperationalError, match="certificate verify failed"):
        psycopg.connect(url, password=pg_database.cluster.password("anna"))


def test_a_stopped_server_is_a_connection_error_and_starts_again(pg_cluster, pg_database):
    url, password = pg_database.url("carol"), pg_cluster.password("carol")
    with pg_cluster.down(), pytest.raises(psycopg.OperationalError, match="Connection refused"):
        psycopg.connect(url, password=password, connect_timeout=5)
    with psycopg.connect(url, password=password) as conn:
        assert conn.execute("SELECT current_user").fetchone() == ("carol",)


def test_two_databases_are_independent_and_users_get_only_connect(pg_cluster, pg_database):
    other = pg_cluster.create_database()
    try:
        with pg_database.admin_connect() as conn:
            conn.execute("CREATE TABLE contact (id int)")
        with pg_cluster.admin_connect(other) as conn:
            assert conn.execute("SELECT to_regclass('contact')").fetchone() == (None,)
        with pg_database.connect("anna") as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT * FROM contact")
    finally:
        pg_cluster.drop_database(other)


def test_more_users_for_many_senders(pg_cluster, pg_database):
    password = pg_cluster.add_user("sender_7")
    assert pg_cluster.add_user("sender_7") == password
    with pg_database.connect("sender_7") as conn:
        assert conn.execute("SELECT current_user").fetchone() == ("sender_7",)
