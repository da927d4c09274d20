# Sourced by the measuring scripts in example/load: starts the built example jar on free loopback
# ports, with a throwaway SQLite database by default or a throwaway PostgreSQL (use_postgres), and
# stops every server, the PostgreSQL it started, and its folder on exit.
# Needs JAR (default example/target/stateless-auth-example.jar), JAVA_HOME or java on the PATH,
# and curl.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
JAR=${JAR:-$ROOT/example/target/stateless-auth-example.jar}
BIN=${JAVA_HOME:+$JAVA_HOME/bin/}

fail() { echo "$(basename "$0"): $*" >&2; exit 2; }

[[ -f $JAR ]] || fail "$JAR is missing; build it first: mvn -B -q package -DskipTests"
command -v "${BIN}java" > /dev/null || fail "${BIN}java not found"
command -v curl > /dev/null || fail "curl not found"

WORK=$(mktemp -d -t stateless-auth-load.XXXXXX)
chmod 700 "$WORK"
DB_URL="jdbc:sqlite:$WORK/load.db"
SERVER_PIDS=()
SERVER_PID=
SERVERS_STARTED=0
# stop_server: stops every server started so far.
stop_server() {
  local pid
  for pid in "${SERVER_PIDS[@]}"; do
    if kill -0 "$pid" 2> /dev/null; then
      kill "$pid" 2> /dev/null || true
      wait "$pid" 2> /dev/null || true
    fi
  done
  SERVER_PIDS=()
  SERVER_PID=
}
cleanup() {
  stop_server
  if declare -F stop_postgres > /dev/null; then stop_postgres; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# use_postgres: the servers started from now on use a throwaway PostgreSQL, started with
# .ci/postgres.sh (its database is new, hence empty), or the one EXAMPLE_POSTGRES_URL names.
use_postgres() {
  if [[ -z ${EXAMPLE_POSTGRES_URL:-} ]]; then
    source "$ROOT/.ci/postgres.sh"
    start_postgres > /dev/null
    trap cleanup EXIT
    [[ -n ${EXAMPLE_POSTGRES_URL:-} ]] || fail "no PostgreSQL could be started"
  fi
  DB_URL=$EXAMPLE_POSTGRES_URL
}

# start_server [java options --] [flags...]: starts one more server on the database DB_URL;
# sets SERVER_PID and BASE to the new one's. Options before a "--" go to java.
start_server() {
  local java_options=() log
  if [[ " $* " == *" -- "* ]]; then
    while [[ $1 != -- ]]; do java_options+=("$1"); shift; done
    shift
  fi
  # A log of its own: a log reused from a stopped server would show that server's port.
  SERVERS_STARTED=$((SERVERS_STARTED + 1))
  log="$WORK/server-$SERVERS_STARTED.log"
  : > "$log"
  "${BIN}java" "${java_options[@]}" -jar "$JAR" --host 127.0.0.1 --port 0 --db "$DB_URL" "$@" \
    > "$log" 2>&1 &
  SERVER_PID=$!
  SERVER_PIDS+=("$SERVER_PID")
  BASE=
  for _ in $(seq 300); do
    BASE=$(sed -n 's/^stateless-auth example listening on \(http:[^ ]*\) .*/\1/p' "$log")
    [[ -n $BASE ]] && return 0
    kill -0 "$SERVER_PID" 2> /dev/null || { cat "$log" >&2; fail "the server did not start"; }
    sleep 0.1
  done
  fail "the server did not say where it listens within 30 s"
}

# register_and_login NAME PASSWORD: prints the access token.
register_and_login() {
  local credentials="{\"username\":\"$1\",\"password\":\"$2\"}"
  local status
  status=$(curl -sS -o /dev/null -w '%{http_code}' -X POST --data "$credentials" "$BASE/user")
  [[ $status == 201 ]] || fail "registering $1 answered $status"
  curl -sS -X POST --data "$credentials" "$BASE/create_token" \
    | sed -n 's/.*"access_token":"\([A-Za-z0-9_-]*\)".*/\1/p'
}

load_average() { cut -d' ' -f1-3 /proc/loadavg; }

describe_run() {
  echo "$(basename "$0"): $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$ROOT" rev-parse --short HEAD 2> /dev/null || echo '?')," \
    "$("${BIN}java" -version 2>&1 | head -1), $(nproc) cores, load average $(load_average)"
}
