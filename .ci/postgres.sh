# Sourced by .ci/run: starts a throwaway PostgreSQL on loopback so that the example's PostgreSQL
# tests run against a real server, and stops it on exit. Where no PostgreSQL can be had it says so
# and those tests skip (they need EXAMPLE_POSTGRES_URL); with CI=true it fails instead, so that CI
# never passes without them.

as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

# Stops the PostgreSQL that start_postgres started, if any, and deletes its folder; the EXIT trap
# runs it, and so may a script that sets its own EXIT trap after start_postgres.
stop_postgres() {
  if [ -n "${PG_DIR:-}" ] && [ -n "${PG_BIN:-}" ]; then
    as_postgres "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
    PG_DIR=
  fi
}

start_postgres() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$bin" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq postgresql >/dev/null 2>&1
    bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  fi
  if [ -z "$bin" ] || ! id postgres >/dev/null 2>&1; then
    no_postgres "no PostgreSQL server here"
    return
  fi
  PG_DIR=$(mktemp -d)
  chown postgres "$PG_DIR"
  local port=$((20000 + RANDOM % 20000))
  if as_postgres "$bin/initdb" -D "$PG_DIR/data" -A trust -U postgres >/dev/null \
      && as_postgres "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w \
           -o "-p $port -k $PG_DIR -c listen_addresses=127.0.0.1" start >/dev/null; then
    PG_BIN=$bin
    trap stop_postgres EXIT
    export EXAMPLE_POSTGRES_URL="jdbc:postgresql://127.0.0.1:$port/postgres?user=postgres"
    echo "ci: PostgreSQL on 127.0.0.1:$port for PostgresTest"
  else
    cat "$PG_DIR/log" 2>/dev/null | tail -n 5
    no_postgres "PostgreSQL did not start"
  fi
}

# Says why there is no PostgreSQL; fails under CI=true, where the PostgreSQL tests must run.
no_postgres() {
  if [ "${CI:-}" = true ]; then
    echo "ci: $1, and CI=true needs it: failing" >&2
    exit 1
  fi
  echo "ci: $1; the PostgreSQL tests will be skipped"
}
