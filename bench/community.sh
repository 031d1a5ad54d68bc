#!/usr/bin/env bash
# Benchmarks the community's hot paths on the large demo (50,000 people, 200,000 notes, 5,000,000 interactions),
# beside a trivial endpoint of the same server in the same run.
#   bench/community.sh sqlite|postgres [connections] [seconds]
# The seeded database is kept in $BENCH_HOME (default /tmp/vermilion-bench) and reused by later runs.
# Results: bench/results/community-<provider>.md and .json (signed-in readers), community-anonymous-<provider>.* (anonymous)
set -euo pipefail
cd "$(dirname "$0")/.."
provider=${1:-sqlite}; connections=${2:-64}; seconds=${3:-10}
port=5082
source bench/lib/large-demo.sh
start_server

# One demo person per connection, each reading their own following feed.
tokens="$home/tokens.txt"
reader_tokens "$tokens" "$connections"
following=$(for t in $(cat "$tokens"); do curl -sf "http://127.0.0.1:$port/api/feed/following" -H "Authorization: Bearer $t" \
  | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["items"]))'; done | sort -n | uniq -c | tr '\n' ' ')
note=$(curl -sf "http://127.0.0.1:$port/api/feed/latest" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
echo "  first-page sizes of the $connections readers' following feeds (count × size): $following; note $note"

dotnet "$bench_runner" load --base "http://127.0.0.1:$port" \
  --name "community-$provider" --data "$data_description" \
  --connections "$connections" --seconds "$seconds" --baseline /api/ping --tokens "$tokens" \
  --target "following-feed-api=/api/feed/following" --target "following-feed-page=/?tab=following" \
  --target "note-api=/api/notes/$note" --target "note-page=/explore/$note" --target "latest-feed-api=/api/feed/latest"
echo "server memory: $(ps -o rss= -p "$server_pid") KB resident" | tee -a "bench/results/community-$provider.md"

# Anonymous readers, as a note shared outside the app reaches them: the note page is one shared rendering.
dotnet "$bench_runner" load --base "http://127.0.0.1:$port" \
  --name "community-anonymous-$provider" --data "$data_description" \
  --connections "$connections" --seconds "$seconds" --baseline /api/ping \
  --target "note-api=/api/notes/$note" --target "note-page=/explore/$note" --target "home-page=/" --target "latest-tab=/?tab=latest"
echo "server memory: $(ps -o rss= -p "$server_pid") KB resident" | tee -a "bench/results/community-anonymous-$provider.md"
