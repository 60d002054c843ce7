#!/usr/bin/env bash
# Sourced by test.sh: makes a local PostgreSQL server answer on 127.0.0.1 (installing and starting it when
# needed) and exports COUPDEPOUSSE_TEST_POSTGRES, the connection string the provider tests use.
# The role may create databases: each test creates its own and drops it.

pg_role="coupdepousse_tests"
pg_password="coupdepousse-tests"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
    echo "==> Installing postgresql"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq || return 1
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null || return 1
fi

pg_version="$(ls /usr/lib/postgresql | sort -n | tail -n 1)"
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$pg_version main"; then
    as_root pg_createcluster "$pg_version" main >/dev/null || return 1
fi
if ! pg_lsclusters -h | grep "^$pg_version main" | grep -q online; then
    echo "==> Starting PostgreSQL $pg_version"
    as_root pg_ctlcluster "$pg_version" main start || return 1
fi

pg_port="$(pg_lsclusters -h | awk -v v="$pg_version" '$1 == v && $2 == "main" {print $3}')"
for _ in $(seq 1 30); do
    pg_isready -q -h 127.0.0.1 -p "$pg_port" && break
    sleep 1
done

as_root su postgres -c "psql -q -p $pg_port -tAc \"SELECT 1 FROM pg_roles WHERE rolname = '$pg_role'\"" | grep -q 1 \
    || as_root su postgres -c "psql -q -p $pg_port -c \"CREATE ROLE $pg_role LOGIN CREATEDB PASSWORD '$pg_password'\"" || return 1

export COUPDEPOUSSE_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=$pg_role;Password=$pg_password"
