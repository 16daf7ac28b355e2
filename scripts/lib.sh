#!/usr/bin/env bash
# Shared set-up steps of ./run.sh and ./test.sh. Every step checks before it acts, so running twice is safe.

log() { printf '\033[1;34m==>\033[0m %s\n' "$*"; }
die() { printf '\033[1;31merror:\033[0m %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else die "this step needs root: $*"; fi
}

_apt_updated=""
# ensure_packages PKG... — installs the Debian packages that are missing.
ensure_packages() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null 2>&1 || die "missing packages (${missing[*]}) and no apt-get to install them"
  log "installing ${missing[*]}"
  if [ -z "$_apt_updated" ]; then as_root apt-get update -qq >/dev/null; _apt_updated=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

ensure_dotnet() {
  if ! command -v dotnet >/dev/null 2>&1; then
    die ".NET SDK 10 is required (https://dotnet.microsoft.com/download); 'dotnet' is not on PATH"
  fi
  dotnet --list-sdks | grep -q '^10\.' || die ".NET SDK 10 is required; found: $(dotnet --list-sdks | tr '\n' ' ')"
  export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
}

# The PostgreSQL server binaries (initdb, pg_ctl); installs Debian's postgresql when absent.
pg_bindir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  if [ -z "$dir" ] || [ ! -x "$dir/initdb" ]; then
    ensure_packages postgresql
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  fi
  [ -x "$dir/initdb" ] || die "PostgreSQL server binaries not found after installing postgresql"
  echo "$dir"
}

# Runs a PostgreSQL binary as the postgres OS user when we are root (initdb and postgres refuse root).
pg_run() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# random_secret — 32 random bytes, base64 (URL-safe characters only, no padding).
random_secret() { head -c 32 /dev/urandom | base64 | tr -d '\n=' | tr '+/' '-_'; }
