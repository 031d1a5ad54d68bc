#!/usr/bin/env bash
# Benchmarks discovery on the large demo (50,000 people, 200,000 notes, 5,000,000 interactions), beside a trivial
# endpoint of the same server in the same run: the discovery feed (64 different readers), a channel, the nearby
# feed, search (30 real phrases in turn, with sorts), product search (30 product words in turn, with its sorts) and
# suggestions (30 prefixes in turn) at 64 connections, and search, product search and suggestions again at 4
# connections for their latency without queueing. Records the search index
# build and the feed's training (time, peak memory) and the serving process's memory.
#   [needs_training=0] bench/discovery.sh sqlite|postgres [connections] [seconds]
# Shares the seeded database with bench/community.sh ($BENCH_HOME, default /tmp/vermilion-bench).
# Results: bench/results/discovery-<provider>.md and .json, bench/results/discovery-latency-<provider>.md and .json
set -euo pipefail
cd "$(dirname "$0")/.."
provider=${1:-sqlite}; connections=${2:-64}; seconds=${3:-10}
port=5083
needs_training=${needs_training:-1}
source bench/lib/large-demo.sh
start_server
base="http://127.0.0.1:$port"
if [ -n "${train_seconds:-}" ]; then
  training="feed trained in $train_seconds s (peak $((train_kb / 1024)) MB)"
else
  training="feed NOT trained (needs_training=0): search and suggestions only"
fi

# 64 readers of the demo, each with a token; the load runner gives each connection its own.
tokens="$home/tokens.txt"
reader_tokens "$tokens" "$connections"

# Search, product search and suggestion paths from the query lists, URL-encoded; each search also under its other sorts.
python3 - "$home" <<'PY'
import sys, urllib.parse
home = sys.argv[1]
queries = [l.strip() for l in open("bench/queries/search.txt", encoding="utf-8") if l.strip()]
prefixes = [l.strip() for l in open("bench/queries/suggest.txt", encoding="utf-8") if l.strip()]
products = [l.strip() for l in open("bench/queries/products.txt", encoding="utf-8") if l.strip()]
sorts = ["", "&sort=latest", "&sort=likes", "", "&sort=comments", ""]
with open(f"{home}/search-paths.txt", "w", encoding="utf-8") as out:
    for i, q in enumerate(queries):
        out.write(f"/api/search?q={urllib.parse.quote(q)}{sorts[i % len(sorts)]}\n")
product_sorts = ["", "&sort=sales", "", "&sort=price_asc", "&sort=rating", "", "&sort=price_desc"]
with open(f"{home}/product-paths.txt", "w", encoding="utf-8") as out:
    for i, q in enumerate(products):
        out.write(f"/api/search/products?q={urllib.parse.quote(q)}{product_sorts[i % len(product_sorts)]}\n")
with open(f"{home}/suggest-paths.txt", "w", encoding="utf-8") as out:
    for p in prefixes:
        out.write(f"/api/search/suggest?q={urllib.parse.quote(p)}\n")
PY

found=$(curl -sf "$base$(head -n 1 "$home/search-paths.txt")" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["notes"]))')
echo "  first search finds $found notes on its first page"
found=$(curl -sf "$base$(head -n 1 "$home/product-paths.txt")" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["products"]))')
echo "  first product search finds $found products on its first page"
# A node fills the feed's catalog when it first trains: without training there is no discovery feed to load.
feed_targets=()
if [ -n "${train_seconds:-}" ]; then
  feed=$(curl -sf "$base/api/feed/discover" -H "Authorization: Bearer $(head -n 1 "$tokens")" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(len(d["items"]), d["items"][0]["reason"])')
  echo "  a reader's discovery feed: $feed"
  feed_targets=(--target "discover-feed-api=/api/feed/discover" --target "discover-channel-api=/api/feed/discover?channel=food"
    --target "discover-home-page=/" --target "nearby-feed-api=/api/feed/nearby?lat=31.2304&lng=121.4737")
fi

dotnet "$bench_runner" load --base "$base" --name "discovery-$provider" --tokens "$tokens" \
  --data "$data_description; search index built in $reindex_seconds s (peak $((reindex_kb / 1024)) MB); $training" \
  --connections "$connections" --seconds "$seconds" --baseline /api/ping "${feed_targets[@]}" \
  --target "search-api=@$home/search-paths.txt" --target "product-search-api=@$home/product-paths.txt" \
  --target "suggest-api=@$home/suggest-paths.txt"
echo "- serving memory after the load: $(( $(ps -o rss= -p "$server_pid") / 1024 )) MB resident" | tee -a "bench/results/discovery-$provider.md"

dotnet "$bench_runner" load --base "$base" --name "discovery-latency-$provider" --tokens "$tokens" \
  --data "$data_description" --connections 4 --seconds "$seconds" --baseline /api/ping \
  --target "search-api=@$home/search-paths.txt" --target "product-search-api=@$home/product-paths.txt" \
  --target "suggest-api=@$home/suggest-paths.txt" ${feed_targets:+--target "discover-feed-api=/api/feed/discover"}
