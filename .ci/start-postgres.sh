#!/usr/bin/env bash
# Starts the machine's PostgreSQL cluster on 127.0.0.1:5432 and makes sure the role the tests use exists
# (tailroute/tailroute, allowed to create databases: every test file gets a fresh one).
set -euo pipefail
cluster=$(pg_lsclusters --no-header | awk 'NR==1 {print $1" "$2}')
if [ -z "$cluster" ]; then
  version=$(ls /usr/lib/postgresql | sort -n | tail -1)
  pg_createcluster "$version" main >/dev/null
  cluster="$version main"
fi
# shellcheck disable=SC2086
pg_ctlcluster $cluster start 2>/dev/null || true
for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 && break; sleep 1; done
su postgres -c "psql -q -tc \"SELECT 1 FROM pg_roles WHERE rolname = 'tailroute'\"" | grep -q 1 ||
  su postgres -c "psql -q -c \"CREATE ROLE tailroute LOGIN PASSWORD 'tailroute' CREATEDB\""
echo "PostgreSQL ready: postgresql://tailroute:***@127.0.0.1:5432"
