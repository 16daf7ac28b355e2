#!/usr/bin/env bash
# The embedded PostgreSQL of ./run.sh: one cluster in .pg/ (gitignored), on 127.0.0.1, kept between runs.
# Sourced by run.sh; expects lib.sh to be sourced and REPO to be set.

PG_PORT="${AVNERA_PG_PORT:-55432}"
SECRETS="$REPO/.avnera/secrets.env"

# Passwords and the encryption key are generated once and kept in .avnera/secrets.env (mode 600).
load_secrets() {
  mkdir -p "$REPO/.avnera"
  if [ ! -f "$SECRETS" ]; then
    umask 077
    {
      echo "PG_SUPERUSER_PASSWORD=$(random_secret)"
      echo "PG_OWNER_PASSWORD=$(random_secret)"
      echo "PG_APP_PASSWORD=$(random_secret)"
      echo "ENCRYPTION_KEY=$(head -c 32 /dev/urandom | base64 | tr -d '\n')"
    } > "$SECRETS"
  fi
  # The service login came later (decision 0008): secrets files made before it get its password now.
  grep -q '^PG_SERVICE_PASSWORD=' "$SECRETS" || echo "PG_SERVICE_PASSWORD=$(random_secret)" >> "$SECRETS"
  # shellcheck disable=SC1090
  . "$SECRETS"
}

# The data folder must be reachable by the postgres OS user; a repository under /root is not, so the
# cluster then lives under /var/lib/avnera and .pg is a link to it.
pg_datadir() {
  local dir="$REPO/.pg"
  if [ "$(id -u)" -eq 0 ] && ! runuser -u postgres -- test -x "$REPO"; then
    local alt="/var/lib/avnera/pg-$(printf '%s' "$REPO" | md5sum | cut -c1-12)"
    mkdir -p "$alt"
    [ -L "$dir" ] || { rm -rf "$dir"; ln -s "$alt" "$dir"; }
    dir="$alt"
  fi
  mkdir -p "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir"
  echo "$dir"
}

pg_start() {
  local bindir datadir
  bindir=$(pg_bindir)
  datadir=$(pg_datadir)
  load_secrets
  if [ ! -f "$datadir/data/PG_VERSION" ]; then
    log "creating the PostgreSQL cluster in $datadir/data"
    local pwfile; pwfile=$(mktemp); printf '%s\n' "$PG_SUPERUSER_PASSWORD" > "$pwfile"
    [ "$(id -u)" -eq 0 ] && chown postgres "$pwfile"
    pg_run "$bindir/initdb" -D "$datadir/data" -U postgres --pwfile="$pwfile" --auth-local=peer --auth-host=scram-sha-256 \
      --encoding=UTF8 --locale=C.UTF-8 >/dev/null
    rm -f "$pwfile"
  fi
  if pg_run "$bindir/pg_ctl" -D "$datadir/data" status >/dev/null 2>&1; then
    log "PostgreSQL already running on 127.0.0.1:$PG_PORT"
  else
    log "starting PostgreSQL on 127.0.0.1:$PG_PORT"
    pg_run "$bindir/pg_ctl" -D "$datadir/data" -l "$datadir/postgres.log" -w -t 60 start \
      -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $datadir" >/dev/null \
      || die "PostgreSQL did not start; see $datadir/postgres.log"
  fi
  export ENCRYPTION_KEY
  local base="Host=127.0.0.1;Port=$PG_PORT"
  export ConnectionStrings__Superuser="$base;Database=postgres;Username=postgres;Password=$PG_SUPERUSER_PASSWORD"
  export ConnectionStrings__MasterOwner="$base;Database=avnera_master;Username=avnera_owner;Password=$PG_OWNER_PASSWORD"
  export ConnectionStrings__ProductsOwner="$base;Database=avnera_products;Username=avnera_owner;Password=$PG_OWNER_PASSWORD"
  export ConnectionStrings__OrdersOwner="$base;Database=avnera_orders;Username=avnera_owner;Password=$PG_OWNER_PASSWORD"
  export ConnectionStrings__Master="$base;Database=avnera_master;Username=avnera_app;Password=$PG_APP_PASSWORD"
  export ConnectionStrings__Products="$base;Database=avnera_products;Username=avnera_app;Password=$PG_APP_PASSWORD"
  export ConnectionStrings__Orders="$base;Database=avnera_orders;Username=avnera_app;Password=$PG_APP_PASSWORD"
  export ConnectionStrings__MasterService="$base;Database=avnera_master;Username=avnera_service;Password=$PG_SERVICE_PASSWORD"
  export ConnectionStrings__ProductsService="$base;Database=avnera_products;Username=avnera_service;Password=$PG_SERVICE_PASSWORD"
  export ConnectionStrings__OrdersService="$base;Database=avnera_orders;Username=avnera_service;Password=$PG_SERVICE_PASSWORD"
}

pg_stop() {
  local bindir datadir
  bindir=$(pg_bindir); datadir=$(pg_datadir)
  if pg_run "$bindir/pg_ctl" -D "$datadir/data" status >/dev/null 2>&1; then
    pg_run "$bindir/pg_ctl" -D "$datadir/data" -m fast -w stop >/dev/null && log "PostgreSQL stopped"
  else
    log "PostgreSQL is not running"
  fi
}

# Deletes the cluster (every local database); secrets are kept, so the next start makes it anew with them.
pg_reset() {
  local datadir
  pg_stop
  datadir=$(pg_datadir)
  rm -rf "$datadir/data" "$datadir/postgres.log"
  log "local databases deleted; ./run.sh makes them anew"
}
