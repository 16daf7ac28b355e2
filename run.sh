#!/usr/bin/env bash
# Sets up and runs Avnera with an embedded PostgreSQL and demo data, then prints the URL and demo logins.
#   ./run.sh          install what is missing, start PostgreSQL, build, migrate, load demo data, serve
#   ./run.sh stop     stop the embedded PostgreSQL (data is kept in .pg/)
#   ./run.sh reset    stop it and delete its databases (the next ./run.sh makes them anew, with the demo data)
# Environment: AVNERA_PORT (5080), AVNERA_HOST (127.0.0.1), AVNERA_PG_PORT (55432).
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$REPO"
. scripts/lib.sh
. scripts/embedded-postgres.sh

if [ "${1:-}" = "stop" ]; then pg_stop; exit 0; fi
if [ "${1:-}" = "reset" ]; then pg_reset; exit 0; fi

HOST="${AVNERA_HOST:-127.0.0.1}"
PORT="${AVNERA_PORT:-5080}"
URL="http://$HOST:$PORT"

banner() {
  cat <<MSG

  Avnera is running at $URL   (use this address: other host names are refused)

  Stores:      $URL/s/maison-lumiere   $URL/s/oak-and-ember
  Store admin: $URL/admin/maison-lumiere/products   (sign in as its owner)
  Sign in:     $URL/login
  Readiness:   $URL/readyz

  Demo logins (password for all: Avnera-demo-2026)
    platform admin  admin@avnera.example
    store owner     camille@maison-lumiere.example   (Maison Lumière)
    store owner     noah@oak-and-ember.example       (Oak & Ember Home)
    shopper         sam.shopper@example.com

  Emails (sign-up confirmations, password resets) are written to .avnera/mail/
  Stop with Ctrl+C; ./run.sh stop also stops PostgreSQL (data is kept).
MSG
}

if curl -fsS -o /dev/null "$URL/healthz" 2>/dev/null; then
  log "Avnera is already running"; banner; exit 0
fi

ensure_packages curl ca-certificates
ensure_dotnet
pg_start

log "building Avnera (Release)"
dotnet publish Avnera.Web/Avnera.Web.csproj -c Release -o .avnera/app --nologo -v quiet >/dev/null \
  || { dotnet publish Avnera.Web/Avnera.Web.csproj -c Release -o .avnera/app --nologo -v minimal; die "build failed"; }

# Plain HTTP on this machine: the auth cookie cannot carry the Secure flag; emails go to a folder.
# Links in emails and canonical addresses use the public origin; other host names are refused.
export Avnera__PublicOrigin="$URL"
export Avnera__Auth__AllowInsecureCookie=true
export Avnera__Mail__PickupFolder="$REPO/.avnera/mail"

log "preparing databases (roles, migrations, demo data)"
( cd .avnera/app && ASPNETCORE_ENVIRONMENT=Production dotnet Avnera.Web.dll setup )

log "starting Avnera on $URL"
cd .avnera/app
ASPNETCORE_ENVIRONMENT=Production dotnet Avnera.Web.dll --urls "$URL" &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null' INT TERM
for _ in $(seq 1 120); do
  kill -0 $APP 2>/dev/null || die "Avnera exited during start-up; see the log above"
  curl -fsS -o /dev/null "$URL/healthz" 2>/dev/null && break
  sleep 0.5
done
sleep 0.5
kill -0 $APP 2>/dev/null || die "Avnera exited during start-up (is port $PORT taken? set AVNERA_PORT); see the log above"
banner
wait $APP
