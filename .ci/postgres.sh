# Sourced by .ci/run: a throwaway PostgreSQL on 127.0.0.1 for the cloud suite, which runs on
# PGlite always and on PostgreSQL too when DATABASE_URL is set (test/unit/cloud).
start_ci_postgres() {
  [ -n "${DATABASE_URL:-}" ] && return 0
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    echo "CI: installing Debian postgresql"
    apt-get update -qq || return 1
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null || return 1
  fi
  local bin dir
  bin="$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")"
  dir="$(mktemp -d /tmp/storedesk-ci-pg.XXXXXX)"
  chown postgres "$dir" || return 1
  su postgres -c "$bin/initdb -D $dir/data -U postgres --auth=trust" >/dev/null || return 1
  su postgres -c "$bin/pg_ctl -D $dir/data -w -l $dir/log \
    -o '-p 55433 -k $dir -c listen_addresses=127.0.0.1' start" >/dev/null || return 1
  export DATABASE_URL="postgres://postgres@127.0.0.1:55433/postgres"
  echo "CI: PostgreSQL for the cloud suite at $DATABASE_URL"
}
start_ci_postgres || echo "CI: no PostgreSQL here; the cloud suite runs on PGlite only"
