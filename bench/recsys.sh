#!/usr/bin/env bash
# Offline recommender evaluation on the shared reference datasets, by their published protocols.
# Writes bench/results/recsys-<dataset>.json and .log; the tables in bench/results/recsys.md come from these.
set -euo pipefail
cd "$(dirname "$0")/.."
data=../shared/data/recsys
out=bench/results
dotnet build src/Vermilion.Server -c Release -v q -nologo >/dev/null

run() {
  local name=$1; shift
  echo "== $name: eval recsys $*"
  dotnet run -c Release --no-build --project src/Vermilion.Server -- eval recsys "$@" --json "$out/recsys-$name.json" \
    | grep -v '^{' | tee "$out/recsys-$name.log" | tail -n 16
}

run beauty        --data "$data/Beauty.txt" --protocol loo-full
run lastfm        --data "$data/LastFM.txt" --protocol loo-full
run ml-100k       --data "$data/ml-100k/ml-100k.inter" --protocol random-split
run lastfm-social --data "$data/lastfm-social/data1.txt" --protocol given-split --test "$data/lastfm-social/test1.txt"
