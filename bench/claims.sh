#!/usr/bin/env bash
# What the signed claims (decision 0008) cost: pgbench against the benchmark's Products database, as the
# request login (avnera_app) doing what every Avnera unit of work does — one transaction that sets role,
# claims, store and the claims MAC, then runs a statement under Row Level Security.
#   bench/claims.sh         set up (bench/run.sh's PostgreSQL cluster in bench/.state, port 55433), measure
# Environment: BENCH_DURATION (seconds per pgbench run, default 15).
# Results are printed and written to bench/results/claims-<timestamp>.txt; docs/benchmarks.md quotes them.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
. scripts/lib.sh
REPO="$ROOT/bench/.state"
export AVNERA_PG_PORT="${AVNERA_PG_PORT:-55433}"
mkdir -p "$REPO"
. scripts/embedded-postgres.sh

DURATION="${BENCH_DURATION:-15}"
STATE="$REPO"
WORK="$STATE/claims"
RESULTS="$ROOT/bench/results"
mkdir -p "$RESULTS" "$WORK"
OUT="$RESULTS/claims-$(date -u +%Y%m%dT%H%M%SZ).txt"

ensure_packages openssl
ensure_dotnet
pg_start
PGBENCH="$(pg_bindir)/pgbench"

log "building (Release) and preparing the 10,000-product store"
dotnet publish Avnera.Web/Avnera.Web.csproj -c Release -o "$STATE/app" --nologo -v quiet >/dev/null
dotnet publish bench/Avnera.Bench.Seed/Avnera.Bench.Seed.csproj -c Release -o "$STATE/seed" --nologo -v quiet >/dev/null
( cd "$STATE/app" && ASPNETCORE_ENVIRONMENT=Production dotnet Avnera.Web.dll setup >/dev/null )
dotnet "$STATE/seed/Avnera.Bench.Seed.dll" --slug bench-10k --products 10000

as_super() { PGPASSWORD="$PG_SUPERUSER_PASSWORD" psql -h 127.0.0.1 -p "$AVNERA_PG_PORT" -U postgres -d "${2:-avnera_products}" -tAqc "$1"; }
STORE=$(as_super "SELECT id FROM stores WHERE slug = 'bench-10k'" avnera_master)
SLUG=$(as_super "SELECT slug FROM products WHERE store_id = '$STORE' AND status = 'published' ORDER BY slug OFFSET 5000 LIMIT 1")
KEY=$(as_super "SELECT encode(signing_key, 'hex') FROM app_private.claims_key WHERE id = 1")
# A visitor's claims, signed as RowSecurityInterceptor signs them: HMAC-SHA256 of "role|store|claims".
CLAIMS='{"role":"anon"}'
MAC=$(printf '%s' "anon|$STORE|$CLAIMS" | openssl dgst -sha256 -mac HMAC -macopt "hexkey:$KEY" -r | cut -d' ' -f1)
SET="SELECT set_config('role', 'anon', true), set_config('request.jwt.claims', '$CLAIMS', true), set_config('app.store_id', '$STORE', true), set_config('app.claims_mac', '$MAC', true);"

# The product page's main statement (product by slug with its active variants).
PRODUCT="SELECT p.name, v.sku, v.price FROM products p JOIN product_variants v ON v.store_id = p.store_id AND v.product_id = p.id WHERE p.store_id = '$STORE' AND p.slug = '$SLUG' AND v.is_active;"
cat > "$WORK/unit.sql" <<SQL
BEGIN;
$SET
COMMIT;
SQL
cat > "$WORK/verified.sql" <<SQL
BEGIN;
$SET
SELECT app.store_id(), app.uid(), app.is_store_staff();
COMMIT;
SQL
cat > "$WORK/raw.sql" <<SQL
BEGIN;
$SET
SELECT nullif(current_setting('app.store_id', true), '')::uuid, nullif(current_setting('request.jwt.claims', true)::jsonb ->> 'sub', '')::uuid, current_setting('request.jwt.claims', true)::jsonb ->> 'store_role' IN ('owner', 'staff');
COMMIT;
SQL
cat > "$WORK/product.sql" <<SQL
BEGIN;
$SET
$PRODUCT
COMMIT;
SQL
# The same statement as the service role, whose policy is "true": no claims verified, no storefront checks.
cat > "$WORK/product-service.sql" <<SQL
BEGIN;
SELECT set_config('role', 'service_role', true);
$PRODUCT
COMMIT;
SQL

as_app() { PGPASSWORD="$PG_APP_PASSWORD" psql -h 127.0.0.1 -p "$AVNERA_PG_PORT" -U avnera_app -d avnera_products -tAq "$@"; }
[ "$(printf '%s\nSELECT app.store_id();\nCOMMIT;\n' "BEGIN; $SET" | as_app | tail -1)" = "$STORE" ] \
  || die "the signed claims did not verify (the MAC is not computed as the database checks it)"
[ -n "$(printf '%s\n' "BEGIN; $SET" "$PRODUCT" "COMMIT;" | as_app | grep '|' || true)" ] \
  || die "the product statement returned no row under the visitor's claims"

run() { # label script [service]
  local user=avnera_app pass="$PG_APP_PASSWORD"
  if [ "${3:-}" = service ]; then user=avnera_service pass="$PG_SERVICE_PASSWORD"; fi
  PGPASSWORD="$pass" "$PGBENCH" -n -h 127.0.0.1 -p "$AVNERA_PG_PORT" -U "$user" -c 1 -j 1 -T "$DURATION" -M prepared \
    -f "$WORK/$2" avnera_products > "$WORK/out.txt" 2>&1 || { cat "$WORK/out.txt"; die "pgbench failed"; }
  printf '%-58s %s   %s\n' "$1" "$(grep -o 'latency average = [0-9.]* ms' "$WORK/out.txt")" \
    "$(grep -o 'tps = [0-9.]*' "$WORK/out.txt")" | tee -a "$OUT"
}

{
  echo "Avnera claims verification, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, pgbench -c1 -T${DURATION}s -M prepared, one client"
  echo "(one transaction per line: set role, claims, store and MAC, then the statement shown; bench-10k store)"
} | tee "$OUT"
for round in 1 2; do
  run "round $round: set-up only" unit.sql
  run "round $round: + 3 helpers reading the settings raw (unsafe)" raw.sql
  run "round $round: + 3 helpers verifying the MAC (app.*)" verified.sql
  run "round $round: product page statement as the visitor (RLS)" product.sql
  run "round $round: same statement as service_role (policy true)" product-service.sql service
done

# Per call: the inlined helper against a copy written the way it was before (SET search_path, so PostgreSQL
# calls it as a function every time), 20,000 calls each in one statement, in one rolled-back transaction.
as_super_file() { PGPASSWORD="$PG_SUPERUSER_PASSWORD" psql -h 127.0.0.1 -p "$AVNERA_PG_PORT" -U postgres -d avnera_products -qAt -f "$1"; }
cat > "$WORK/per-call.sql" <<SQL
BEGIN;
CREATE SCHEMA claims_bench_old;
CREATE FUNCTION claims_bench_old.claims_verified() RETURNS boolean LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS \$f\$
    SELECT app_private.claims_mac_valid(current_setting('role') || '|' || coalesce(current_setting('app.store_id', true), '') || '|'
        || coalesce(current_setting('request.jwt.claims', true), ''), current_setting('app.claims_mac', true)) \$f\$;
CREATE FUNCTION claims_bench_old.store_id() RETURNS uuid LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS \$f\$
    SELECT CASE WHEN claims_bench_old.claims_verified() THEN nullif(current_setting('app.store_id', true), '')::uuid END \$f\$;
GRANT USAGE ON SCHEMA claims_bench_old TO anon;
SET LOCAL SESSION AUTHORIZATION avnera_app;
$SET
SELECT clock_timestamp() AS t0 \\gset
SELECT count(claims_bench_old.store_id()) FROM generate_series(1, 20000);
SELECT clock_timestamp() AS t1 \\gset
SELECT count(app.store_id()) FROM generate_series(1, 20000);
SELECT clock_timestamp() AS t2 \\gset
SELECT 'per call: store_id() as before (SET search_path, called) ' || round(extract(epoch FROM (:'t1'::timestamptz - :'t0'::timestamptz)) * 1e6 / 20000, 1) || ' us'
    || ';  inlined (now) ' || round(extract(epoch FROM (:'t2'::timestamptz - :'t1'::timestamptz)) * 1e6 / 20000, 1) || ' us';
ROLLBACK;
SQL
for round in 1 2; do as_super_file "$WORK/per-call.sql" | grep '^per call' | sed "s/^/round $round: /" | tee -a "$OUT"; done
log "results written to $OUT"
