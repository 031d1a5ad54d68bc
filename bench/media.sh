#!/usr/bin/env bash
# Benchmarks pictures: 12-megapixel photo-like JPEGs uploaded to a Release server one at a time, then one per core
# (pictures processed per second, the server's peak memory), and the bytes a feed's first page of cards downloads
# before (the stored upload) and after (the card rendition).
#   bench/media.sh [photos]
# Results: bench/results/media.md and .json. Run it when nothing else heavy runs (check `uptime`).
set -euo pipefail
cd "$(dirname "$0")/.."
photos=${1:-20}
port=5083
work=$(mktemp -d /tmp/vermilion-bench-media.XXXXXX)
server_pid=""
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

dotnet build src/Vermilion.Server -c Release -v q -nologo >/dev/null
dotnet build bench/Vermilion.Bench -c Release -v q -nologo >/dev/null
server=src/Vermilion.Server/bin/Release/net10.0/Vermilion.Server.dll

export Vermilion__DataDirectory="$work/data" Vermilion__SeedDemo=false Logging__LogLevel__Default=Warning Database__Provider=Sqlite
export Vermilion__RateLimits__PerClientPerSecond=1000000 Vermilion__RateLimits__PerClientBurst=1000000
dotnet "$server" --urls "http://127.0.0.1:$port" >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 1; done

echo "nproc: $(nproc); $(uptime)"
dotnet bench/Vermilion.Bench/bin/Release/net10.0/Vermilion.Bench.dll media --base "http://127.0.0.1:$port" --pid "$server_pid" --photos "$photos"
