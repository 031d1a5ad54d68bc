#!/usr/bin/env bash
# Profiles one endpoint of a Release server on the large demo: loads it while dotnet-trace samples the server's
# CPU, then prints the methods where the time went (inclusive and exclusive), for the results file.
#   bench/profile.sh sqlite|postgres <path> [anonymous|signed-in] [seconds]
# Needs dotnet-trace (dotnet tool install -g dotnet-trace). The trace is kept as $BENCH_HOME/<provider>/profile.*
set -euo pipefail
cd "$(dirname "$0")/.."
provider=${1:-sqlite}; path=${2:?path}; who=${3:-signed-in}; seconds=${4:-15}
port=5089
source bench/lib/large-demo.sh
start_server
token_args=()
if [ "$who" = signed-in ]; then
  reader_tokens "$home/profile-tokens.txt" 32
  token_args=(--tokens "$home/profile-tokens.txt")
fi
path=${path//\{note\}/$(curl -sf "http://127.0.0.1:$port/api/feed/latest" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')}
dotnet "$bench_runner" load --base "http://127.0.0.1:$port" --name "profile-$provider" --data "$data_description" \
  --connections 32 --seconds "$seconds" --baseline "$path" "${token_args[@]}" --target "profiled=$path" --out "$home/profile-out" >/dev/null &
load_pid=$!
sleep 6
"${DOTNET_TRACE:-$HOME/.dotnet/tools/dotnet-trace}" collect -p "$server_pid" --profile dotnet-common,dotnet-sampled-thread-time --duration "00:00:00:$seconds" \
  -o "$home/profile.nettrace" >/dev/null
wait "$load_pid"
"${DOTNET_TRACE:-$HOME/.dotnet/tools/dotnet-trace}" convert --format Speedscope "$home/profile.nettrace" -o "$home/profile" >/dev/null
python3 bench/lib/top-frames.py "$home/profile.speedscope.json"
