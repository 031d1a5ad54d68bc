#!/usr/bin/env bash
# Benchmarks the account and profile endpoints on the large demo (50,000 people), beside a trivial endpoint.
#   bench/accounts.sh sqlite|postgres [connections] [seconds]
# Results: bench/results/accounts-<provider>.md and .json
set -euo pipefail
cd "$(dirname "$0")/.."
provider=${1:-sqlite}; connections=${2:-64}; seconds=${3:-10}
port=5081
work=$(mktemp -d /tmp/vermilion-bench.XXXXXX)
server_pid=""
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

dotnet build src/Vermilion.Server -c Release -v q -nologo >/dev/null
dotnet build bench/Vermilion.Bench -c Release -v q -nologo >/dev/null
server=src/Vermilion.Server/bin/Release/net10.0/Vermilion.Server.dll

export Vermilion__DataDirectory="$work/data" Vermilion__SeedDemo=false Logging__LogLevel__Default=Warning
export Vermilion__RateLimits__PerClientPerSecond=1000000 Vermilion__RateLimits__PerClientBurst=1000000
if [ "$provider" = postgres ]; then
  eval "$(scripts/postgres.sh start)"
  db="bench_$(date +%s)"
  psql "host=127.0.0.1 port=$(sed -n 's/.*Port=\([0-9]*\).*/\1/p' <<<"$VERMILION_TEST_POSTGRES") user=postgres" -qc "CREATE DATABASE $db" >/dev/null
  export Database__Provider=Postgres ConnectionStrings__Vermilion="$VERMILION_TEST_POSTGRES;Database=$db"
else
  export Database__Provider=Sqlite
fi

echo "Seeding the large demo ($provider)..."
/usr/bin/time -f "  seed: %e s, %M KB peak" dotnet "$server" seed --scale large
dotnet "$server" --urls "http://127.0.0.1:$port" >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 1; done
id=$(curl -sf "http://127.0.0.1:$port/api/auth/token" -H 'content-type: application/json' \
  -d '{"login":"user04242","password":"vermilion-demo-2026"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["user"]["profile"]["id"])')

dotnet bench/Vermilion.Bench/bin/Release/net10.0/Vermilion.Bench.dll load --base "http://127.0.0.1:$port" \
  --name "accounts-$provider" --data "large demo: 50,000 people, $provider" \
  --connections "$connections" --seconds "$seconds" --baseline /api/ping \
  --target "profile-api=/api/users/$id" --target "profile-page=/user/$id" --target "home-page=/"
echo "server memory: $(ps -o rss= -p "$server_pid") KB resident" | tee -a "bench/results/accounts-$provider.md"
