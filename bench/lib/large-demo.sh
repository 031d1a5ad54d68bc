# Sourced by the benchmarks that run on the large demo (50,000 people, 200,000 notes, 5,000,000 interactions):
# builds Release, points the server at $BENCH_HOME/<provider> (default /tmp/vermilion-bench), seeds once and
# reuses the seed in later runs, and defines start_server / stop_server.
#   provider=sqlite|postgres port=NNNN [needs_training=1]; source bench/lib/large-demo.sh
home=${BENCH_HOME:-/tmp/vermilion-bench}/$provider
server_pid=""
stop_server() { if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; server_pid=""; fi; }
trap stop_server EXIT

dotnet build src/Vermilion.Server -c Release -v q -nologo >/dev/null
dotnet build bench/Vermilion.Bench -c Release -v q -nologo >/dev/null
server=src/Vermilion.Server/bin/Release/net10.0/Vermilion.Server.dll
bench_runner=bench/Vermilion.Bench/bin/Release/net10.0/Vermilion.Bench.dll

mkdir -p "$home"
export Vermilion__DataDirectory="$home/data" Vermilion__SeedDemo=false Logging__LogLevel__Default=Warning
export Vermilion__RateLimits__PerClientPerSecond=1000000 Vermilion__RateLimits__PerClientBurst=1000000 Vermilion__RateLimits__AuthPerMinute=100000 Vermilion__RateLimits__WritesPerMinute=1000000
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
# The search index and the discovery feed's model are built once, before the server starts, so a benchmark
# measures serving in a steady state, not a first catch-up; each records its time and peak memory.
if [ ! -f "$home/reindex-stats" ]; then
  echo "Building the search index..."
  /usr/bin/time -f "%e %M" -o "$home/reindex-stats.tmp" dotnet "$server" reindex
  mv "$home/reindex-stats.tmp" "$home/reindex-stats"
fi
if [ "${needs_training:-0}" = 1 ] && [ ! -f "$home/train-stats" ]; then
  echo "Training the discovery feed..."
  /usr/bin/time -f "%e %M" -o "$home/train-stats.tmp" dotnet "$server" train >"$home/train.log"
  grep -v '^ ' "$home/train.log" | tail -n 20
  mv "$home/train-stats.tmp" "$home/train-stats"
fi
read -r reindex_seconds reindex_kb <"$home/reindex-stats"
echo "  search index built in $reindex_seconds s (peak $((reindex_kb / 1024)) MB)"
if [ -f "$home/train-stats" ]; then
  read -r train_seconds train_kb <"$home/train-stats"
  echo "  feed trained in $train_seconds s (peak $((train_kb / 1024)) MB)"
fi
# Scheduled training is measured above, not left to start in the middle of a load run.
export Discovery__Feed__TrainInBackground=false
data_description="large demo: 50,000 people, 200,000 notes, 5,000,000 interactions, $provider (seeded in $(cat "$home/seed-seconds") s)"

start_server() {
  dotnet "$server" --urls "http://127.0.0.1:$port" >"$home/server.log" 2>&1 &
  server_pid=$!
  local ready=0
  for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && { ready=1; break; }; sleep 1; done
  if [ "$ready" != 1 ]; then echo "the server did not become ready; see $home/server.log" >&2; return 1; fi
  # Ready is not idle: at start a node loads the feed's model and catalog and catches its search index up. Wait
  # until it has used under a tenth of a core over five seconds, so the load meets a node in its steady state.
  local ticks=$(getconf CLK_TCK)
  for _ in $(seq 1 60); do
    local before=$(awk '{print $14 + $15}' "/proc/$server_pid/stat"); sleep 5
    local after=$(awk '{print $14 + $15}' "/proc/$server_pid/stat")
    [ $(( (after - before) * 100 / (ticks * 5) )) -lt 10 ] && break
  done
}

# One token per connection, each a different demo person, so the load reads as many readers, not one:
#   reader_tokens <file> <count>
reader_tokens() {
  : >"$1"
  for i in $(seq 1 "$2"); do
    local login=$(printf 'user%05d' $((i * 701 % 50000 + 1)))
    curl -sf "http://127.0.0.1:$port/api/auth/token" -H 'content-type: application/json' \
      -d "{\"login\":\"$login\",\"password\":\"vermilion-demo-2026\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])' >>"$1"
  done
}
