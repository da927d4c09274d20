# Sourced by the measuring scripts in example/load: starts the built example jar on a free
# loopback port with a throwaway SQLite database, and stops it and deletes its folder on exit.
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
SERVER_PID=
stop_server() {
  if [[ -n $SERVER_PID ]] && kill -0 "$SERVER_PID" 2> /dev/null; then
    kill "$SERVER_PID" 2> /dev/null || true
    wait "$SERVER_PID" 2> /dev/null || true
  fi
  SERVER_PID=
}
trap 'stop_server; rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM

# start_server [flags...]: starts the jar on the database $WORK/load.db, sets BASE.
start_server() {
  : > "$WORK/server.log"
  "${BIN}java" -jar "$JAR" --host 127.0.0.1 --port 0 --db "jdbc:sqlite:$WORK/load.db" "$@" \
    > "$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  BASE=
  for _ in $(seq 300); do
    BASE=$(sed -n 's/^stateless-auth example listening on \(http:[^ ]*\) .*/\1/p' "$WORK/server.log")
    [[ -n $BASE ]] && return 0
    kill -0 "$SERVER_PID" 2> /dev/null || { cat "$WORK/server.log" >&2; fail "the server did not start"; }
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

describe_run() {
  echo "$(basename "$0"): $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$ROOT" rev-parse --short HEAD 2> /dev/null || echo '?')," \
    "$("${BIN}java" -version 2>&1 | head -1), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
}
