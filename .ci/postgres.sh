# Sourced by .ci/run: start a throwaway PostgreSQL server for the engine's
# tests and export CIFRA_PG_DSN; stop_postgres removes it. A server the
# caller already gave (CIFRA_PG_DSN set and answering) is used as it is.

start_postgres() {
  if [ -n "${CIFRA_PG_DSN:-}" ]; then
    echo "using the PostgreSQL server of CIFRA_PG_DSN"
    return 0
  fi
  local bin
  bin=$(command -v initdb || ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -1 || true)
  if [ -z "$bin" ] || [ ! -x "$bin" ]; then
    echo "installing PostgreSQL (Debian's postgresql package)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    bin=$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)
  fi
  local dir
  dir=$(dirname "$(readlink -f "$bin")")
  PG_TMP=$(mktemp -d /tmp/cifra-pg.XXXXXX)
  # PostgreSQL refuses to run as root: run it as the postgres user (or
  # nobody) when CI runs as root.
  PG_AS=()
  if [ "$(id -u)" = 0 ]; then
    local user=postgres
    id "$user" >/dev/null 2>&1 || user=nobody
    chown "$user" "$PG_TMP"
    PG_AS=(runuser -u "$user" --)
  fi
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null || echo 54329)
  "${PG_AS[@]}" "$dir/initdb" -D "$PG_TMP/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$PG_TMP/initdb.log" 2>&1 ||
    "${PG_AS[@]}" "$dir/initdb" -D "$PG_TMP/data" -U postgres --auth=trust -E UTF8 --locale=C >"$PG_TMP/initdb.log" 2>&1 ||
    { cat "$PG_TMP/initdb.log"; return 1; }
  "${PG_AS[@]}" "$dir/pg_ctl" -D "$PG_TMP/data" -l "$PG_TMP/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $PG_TMP -c fsync=off" start >/dev/null ||
    { cat "$PG_TMP/server.log"; return 1; }
  PG_CTL="$dir/pg_ctl"
  export CIFRA_PG_DSN="postgres://postgres@127.0.0.1:$port/postgres?sslmode=disable"
  echo "PostgreSQL $("$dir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port ($PG_TMP)"
}

stop_postgres() {
  if [ -n "${PG_TMP:-}" ] && [ -d "$PG_TMP/data" ]; then
    "${PG_AS[@]}" "$PG_CTL" -D "$PG_TMP/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$PG_TMP"
    unset CIFRA_PG_DSN PG_TMP
  fi
}
