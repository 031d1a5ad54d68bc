#!/usr/bin/env bash
# Benchmarks the community's hot paths on the large demo (50,000 people, 200,000 notes, 5,000,000 interactions),
# beside a trivial endpoint of the same server in the same run.
#   bench/community.sh sqlite|postgres [connections] [seconds]
# The seeded database is kept in $BENCH_HOME (default /tmp/vermilion-bench) and reused by later runs.
# Results: bench/results/community-<provider>.md and .json
set -euo pipefail
cd "$(dirname "$0")/.."
provider=${1:-sqlite}; connections=${2:-64}; seconds=${3:-10}
port=5082
home=${BENCH_HOME:-/tmp/vermilion-bench}/$provider
server_pid=""
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true; }
trap cleanup EXIT

dotnet build src/Vermilion.Server -c Release -v q -nologo >/dev/null
dotnet build bench/Vermilion.Bench -c Release -v q -nologo >/dev/null
server=src/Vermilion.Server/bin/Release/net10.0/Vermilion.Server.dll

mkdir -p "$home"
export Vermilion__DataDirectory="$home/data" Vermilion__SeedDemo=false Logging__LogLevel__Default=Warning
export Vermilion__RateLimits__PerClientPerSecond=1000000 Vermilion__RateLimits__PerClientBurst=1000000
if [ "$provider" = postgres ]; then
  eval "$(scripts/postgres.sh start "$home/pg")"
  psql "host=127.0.0.1 port=$(sed -n 's/.*Port=\([0-9]*\).*/\1/p' <<<"$VERMILION_TEST_POSTGRES") user=postgres" -qc "CREATE DATABASE bench" 2>/dev/null || true
  export Database__Provider=Postgres ConnectionStrings__Vermilion="$VERMILION_TEST_POSTGRES;Database=bench;Maximum Pool Size=200"
else
  export Database__Provider=Sqlite
fi

if [ ! -f "$home/seeded" ]; then
  echo "Seeding the large demo ($provider)..."
  /usr/bin/time -f "%e" -o "$home/seed-seconds" dotnet "$server" seed --scale large
  touch "$home/seeded"
fi
echo "  seed took $(cat "$home/seed-seconds") s"

dotnet "$server" --urls "http://127.0.0.1:$port" >"$home/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 1; done

# A reader who follows people: the first demo person with a dozen or more followees.
token=$(curl -sf "http://127.0.0.1:$port/api/auth/token" -H 'content-type: application/json' \
  -d '{"login":"user04242","password":"vermilion-demo-2026"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
following=$(curl -sf "http://127.0.0.1:$port/api/feed/following" -H "Authorization: Bearer $token" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(len(d["items"]))')
note=$(curl -sf "http://127.0.0.1:$port/api/feed/latest" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
echo "  reader's following feed has $following notes on its first page; note $note"

dotnet bench/Vermilion.Bench/bin/Release/net10.0/Vermilion.Bench.dll load --base "http://127.0.0.1:$port" \
  --name "community-$provider" --data "large demo: 50,000 people, 200,000 notes, 5,000,000 interactions, $provider (seeded in $(cat "$home/seed-seconds") s)" \
  --connections "$connections" --seconds "$seconds" --baseline /api/ping --header "Authorization: Bearer $token" \
  --target "following-feed-api=/api/feed/following" --target "following-feed-page=/?tab=following" \
  --target "note-api=/api/notes/$note" --target "note-page=/explore/$note" --target "latest-feed-api=/api/feed/latest"
echo "server memory: $(ps -o rss= -p "$server_pid") KB resident" | tee -a "bench/results/community-$provider.md"
