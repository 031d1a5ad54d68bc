#!/usr/bin/env bash
# Benchmarks commerce on the small demo: a flash sale stormed by 2,000 buyers at once beside the raw
# conditional-decrement limit of the same database, and checkout latency under load beside a trivial endpoint.
#   bench/commerce.sh sqlite|postgres [buyers] [units] [connections] [seconds]
# Results: bench/results/commerce-<provider>.md and .json
set -euo pipefail
cd "$(dirname "$0")/.."
provider=${1:-sqlite}; buyers=${2:-2000}; units=${3:-1000}; connections=${4:-64}; seconds=${5:-10}
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
export Vermilion__RateLimits__AuthPerMinute=1000000 Vermilion__RateLimits__WritesPerMinute=1000000
if [ "$provider" = postgres ]; then
  eval "$(scripts/postgres.sh start)"
  db="bench_$(date +%s)"
  psql "host=127.0.0.1 port=$(sed -n 's/.*Port=\([0-9]*\).*/\1/p' <<<"$VERMILION_TEST_POSTGRES") user=postgres" -qc "CREATE DATABASE $db" >/dev/null
  connection="$VERMILION_TEST_POSTGRES;Database=$db;Maximum Pool Size=100"
  export Database__Provider=Postgres ConnectionStrings__Vermilion="$connection"
else
  export Database__Provider=Sqlite
  connection="Data Source=$work/data/vermilion.db;Pooling=true;Default Timeout=30"
fi

echo "Seeding the small demo ($provider)..."
dotnet "$server" seed --scale small >/dev/null
dotnet "$server" --urls "http://127.0.0.1:$port" >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 1; done

dotnet bench/Vermilion.Bench/bin/Release/net10.0/Vermilion.Bench.dll commerce --base "http://127.0.0.1:$port" --provider "$provider" \
  --connection "$connection" --buyers "$buyers" --units "$units" --connections "$connections" --seconds "$seconds"
echo "server memory: $(ps -o rss= -p "$server_pid") KB resident" | tee -a "bench/results/commerce-$provider.md"
kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
dotnet "$server" reconcile | tail -n 1 | tee -a "bench/results/commerce-$provider.md"
