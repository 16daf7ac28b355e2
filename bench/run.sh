#!/usr/bin/env bash
# Storefront benchmarks (issue 4): the category listing page against a bare Kestrel + raw Npgsql baseline
# running the same SQL (the practical ceiling), and search latency over 100,000 products.
#   bench/run.sh            set up (own PostgreSQL cluster in bench/.state, port 55433), seed, measure
#   bench/run.sh stop       stop the benchmark's PostgreSQL
# Environment: BENCH_DURATION (seconds per wrk run, default 30), BENCH_CONNECTIONS (default 32).
# Results are printed and written to bench/results/<timestamp>.txt; docs/benchmarks.md quotes them.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
. scripts/lib.sh
REPO="$ROOT/bench/.state"          # embedded-postgres.sh keeps its cluster and secrets under $REPO
export AVNERA_PG_PORT="${AVNERA_PG_PORT:-55433}"
mkdir -p "$REPO"
. scripts/embedded-postgres.sh

if [ "${1:-}" = "stop" ]; then pg_stop; exit 0; fi

DURATION="${BENCH_DURATION:-30}"
CONNECTIONS="${BENCH_CONNECTIONS:-32}"
APP_URL="http://127.0.0.1:5091"        # Avnera as configured by default (listing results cached 10 s)
NOCACHE_URL="http://127.0.0.1:5093"    # Avnera running the listing SQL on every request, like the baseline
BASE_URL="http://127.0.0.1:5092"
STATE="$REPO"
RESULTS="$ROOT/bench/results"
mkdir -p "$RESULTS"
OUT="$RESULTS/$(date -u +%Y%m%dT%H%M%SZ).txt"

ensure_packages curl ca-certificates wrk
ensure_dotnet
pg_start
# Three servers (two Avnera instances and the baseline) keep pooled connections open: room for all of them.
psql_su() { PGPASSWORD="$PG_SUPERUSER_PASSWORD" psql -h 127.0.0.1 -p "$AVNERA_PG_PORT" -U postgres -d postgres -tAqc "$1"; }
if [ "$(psql_su 'show max_connections')" -lt 400 ]; then
  psql_su "ALTER SYSTEM SET max_connections = 400" && pg_stop && pg_start
fi

log "building (Release)"
dotnet publish Avnera.Web/Avnera.Web.csproj -c Release -o "$STATE/app" --nologo -v quiet >/dev/null
dotnet publish bench/Avnera.Bench.Baseline/Avnera.Bench.Baseline.csproj -c Release -o "$STATE/baseline" --nologo -v quiet >/dev/null
dotnet publish bench/Avnera.Bench.Seed/Avnera.Bench.Seed.csproj -c Release -o "$STATE/seed" --nologo -v quiet >/dev/null

log "preparing databases and benchmark stores (10,000 and 100,000 products; the first run takes a few minutes)"
( cd "$STATE/app" && ASPNETCORE_ENVIRONMENT=Production dotnet Avnera.Web.dll setup >/dev/null )
dotnet "$STATE/seed/Avnera.Bench.Seed.dll" --slug bench-10k --products 10000
dotnet "$STATE/seed/Avnera.Bench.Seed.dll" --slug bench-100k --products 100000

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
( cd "$STATE/app" && ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning exec dotnet Avnera.Web.dll --urls "$APP_URL" ) > "$STATE/app.log" 2>&1 &
pids+=($!)
( cd "$STATE/app" && ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning Avnera__Storefront__ListingCacheSeconds=0 exec dotnet Avnera.Web.dll --urls "$NOCACHE_URL" ) > "$STATE/app-nocache.log" 2>&1 &
pids+=($!)
( cd "$STATE/baseline" && Logging__LogLevel__Default=Warning exec dotnet Avnera.Bench.Baseline.dll --urls "$BASE_URL" ) > "$STATE/baseline.log" 2>&1 &
pids+=($!)
for url in "$APP_URL/healthz" "$NOCACHE_URL/healthz" "$BASE_URL/healthz"; do
  for _ in $(seq 1 60); do curl -fsS -o /dev/null "$url" 2>/dev/null && break; sleep 1; done
done

CATEGORY="/s/bench-10k/c/department-2"
run_wrk() { # name url
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$2" > "$STATE/wrk.txt"
  local rps p99 non2xx
  rps=$(awk '/Requests\/sec/ {print $2}' "$STATE/wrk.txt")
  p99=$(awk '$1=="99%" {print $2}' "$STATE/wrk.txt")
  non2xx=$(awk '/Non-2xx/ {print $NF}' "$STATE/wrk.txt")
  printf '%-34s %10s req/s   p99 %8s   non-2xx %s\n' "$1" "$rps" "$p99" "${non2xx:-0}" | tee -a "$OUT"
}

{
  echo "Avnera storefront benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, wrk -t2 -c$CONNECTIONS -d${DURATION}s"
  echo "category page: $CATEGORY (10,000-product store; 8 categories under the department)"
} | tee "$OUT"
# Warm-up at the measured load: the JIT's optimised code and the pools settle before anything is timed
# (with 5 s at 8 connections the first measured run of a freshly started server was visibly worse).
log "warming up"
for url in "$APP_URL" "$NOCACHE_URL" "$BASE_URL"; do wrk -t2 -c"$CONNECTIONS" -d10s "$url$CATEGORY" >/dev/null; done
run_wrk "baseline (Kestrel + raw Npgsql)" "$BASE_URL$CATEGORY"
run_wrk "Avnera, SQL every request" "$NOCACHE_URL$CATEGORY"
run_wrk "Avnera (default: 10 s cache)" "$APP_URL$CATEGORY"
run_wrk "baseline again" "$BASE_URL$CATEGORY"
run_wrk "Avnera, SQL every request, again" "$NOCACHE_URL$CATEGORY"
run_wrk "Avnera (default), again" "$APP_URL$CATEGORY"

echo "search page: one connection, 16 typical one- and two-word queries in turn, 100,000-product store" | tee -a "$OUT"
for url in "$NOCACHE_URL" "$APP_URL"; do wrk -t1 -c1 -d10s -s bench/search.lua "$url" >/dev/null; done   # warm-up
# Three runs without the cache: this shared machine's speed varies by ±20 % from one minute to the next.
for run in 1 2 3; do
  printf 'SQL every request, run %s:  ' "$run" | tee -a "$OUT"
  wrk -t1 -c1 -d"${DURATION}s" -s bench/search.lua "$NOCACHE_URL" | grep -E "^search" | tee -a "$OUT"
done
printf 'default (cached):          ' | tee -a "$OUT"
wrk -t1 -c1 -d"${DURATION}s" -s bench/search.lua "$APP_URL" | grep -E "^search" | tee -a "$OUT"
log "results written to $OUT"
