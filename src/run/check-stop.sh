#!/usr/bin/env bash
# A check run by hand: stopping Maven stops everything `./mvnw -Prun` started. Runs it on other ports with a data
# folder of its own, waits for the ready block, sends Maven the signal (SIGINT to its whole process group, as Ctrl+C
# in a terminal does; the others to Maven alone) and lists what is left of the run after 90 s: nothing, when it works.
# usage: src/run/check-stop.sh INT|TERM|HUP|KILL [http-port [db-port]]
set -euo pipefail
signal=${1:?usage: $0 INT|TERM|HUP|KILL [http-port [db-port]]}
http=${2:-18080} db=${3:-13307}
cd "$(dirname "$0")/../.."
data=$(mktemp -d /tmp/rounds-stop-check.XXXXXX)
log=$data.log

descendants() { for child in $(pgrep -P "$1" || true); do echo "$child"; descendants "$child"; done; }

set -m # the run gets a process group of its own, where SIGINT is not ignored, as in a terminal
./mvnw -B -Prun -Drounds.run.http.port="$http" -Drounds.run.db.port="$db" -Drounds.run.data="$data" \
  </dev/null >"$log" 2>&1 &
maven=$!
for _ in $(seq 1 900); do
  grep -q "Rounds is ready" "$log" && break
  kill -0 "$maven" 2>/dev/null || { echo "Maven ended before Rounds was ready: see $log"; exit 1; }
  sleep 1
done
grep -q "Rounds is ready" "$log" || { echo "Rounds not ready after 900 s: see $log"; kill -KILL -- -"$maven"; exit 1; }
run=$( (echo "$maven"; descendants "$maven") | paste -sd, -)
echo "ready; the run's processes: $(ps -o pid=,comm= -p "$run" | tr -s ' \n' ' ')"

if [ "$signal" = INT ]; then kill -INT -- -"$maven"; else kill -"$signal" "$maven"; fi
for second in $(seq 1 90); do
  left=$(ps -o pid=,args= -p "$run" | cut -c1-120 || true)
  [ -z "$left" ] && { echo "SIG$signal: all of the run stopped within $second s"; rm -rf "$data"; exit 0; }
  sleep 1
done
echo "SIG$signal: still running after 90 s:"; echo "$left"; exit 1
