#!/usr/bin/env bash
# The benchmark (BENCHMARKS.md): throughput, the shopper's wait and the cost of parked flows, for
# the stack against the engine floor and a direct baseline, on the real dev server and then on
# the SDK's test server. Not a test, and not part of CI: it prints figures. About 35 minutes for
# one provider on both servers (parking 10,000 flows takes most of it).
#
# Separate processes, each as deploy/local/run.sh starts it (the same JVM flags): the Temporal
# server, the sandbox (no latency), the worker and starter-api (run.sh itself starts these four,
# with the demo merchant and no webhooks), the engine floor's worker, the direct baseline, and
# the load driver, which plays merchants and shoppers over HTTP with 64 flows in flight.
# Its ports are run.sh's plus 10000 (18080, 17233, ...), so a running local stack may stay up.
#
#   deploy/local/benchmark.sh                      both servers, full windows
#   deploy/local/benchmark.sh --servers=dev-server --window=PT20S --parked=1000   a quicker look
# Other options go to the driver (BenchmarkDriver): --in-flight, --warm-up, --window, --rounds,
# --parked; and --add keeps the figures of the run before (to measure providers in two runs).
# Figures: target/benchmark/figures/<server>-<time>.json; the report (BenchmarkReport) prints
# them, rewrites the figures section of BENCHMARKS.md and draws docs/images/benchmark.png.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
out=$root/target/benchmark
# The JVMs' flags: run.sh's own (quick start: the JIT's first tier only), or with --jvm=server
# the JIT's full optimizer, as the images run (the same serial collector, which the JVM picks
# on two cores anyway).
local_flags="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
server_flags="-XX:+UseSerialGC"

servers=dev-server,test-server
driver_args=()
add=false
jvm=local
for arg in "$@"; do
  case $arg in
    --servers=*) servers=${arg#--servers=} ;;
    --add) add=true ;;
    --jvm=local) jvm=local ;;
    --jvm=server) jvm=server local_flags=$server_flags ;;
    --jvm=*) echo "--jvm is local or server" >&2; exit 2 ;;
    *) driver_args+=("$arg") ;;
  esac
done

export LOCAL_JAVA_OPTS=$local_flags
read -r -a java_opts <<<"$local_flags"

export API_PORT=18080 WORKER_PORT=18081 SANDBOX_PORT=18090 \
  API_MANAGEMENT_PORT=19080 WORKER_MANAGEMENT_PORT=19081 SANDBOX_MANAGEMENT_PORT=19090 \
  TEMPORAL_PORT=17233 TEMPORAL_UI_PORT=18233
direct_port=18070
api_key=local-demo-key-7d3f9c1a5e2b4f80 # the local profile's demo merchant (README)

say() { echo "$*" >&2; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

echo "Building (./mvnw package -DskipTests) ..."
./mvnw -q -DskipTests package
bench_jar=$(ls "$root"/benchmark/target/benchmark-*-exec.jar)
temporal_cli=$(deploy/local/tools.sh temporal)

# Each server's figures of this run; --add keeps an earlier run's (another provider's, say), and
# the report shows them all, each run with its own floor.
figures=$out/figures
$add || rm -rf "$figures"
mkdir -p "$figures"

children=()
stop_children() {
  if [ ${#children[@]} -gt 0 ]; then
    kill "${children[@]}" 2>/dev/null || true
    wait "${children[@]}" 2>/dev/null || true
  fi
  children=()
}
trap stop_children EXIT
trap 'exit 130' INT TERM

run_server() { # dev-server | test-server
  local server=$1 dir=$out/$1
  rm -rf "$dir"
  mkdir -p "$dir/pids"
  say "=== $server: starting the stack (logs: ${dir#"$root"/}/) ..."
  LOCAL_DIR=$dir SKIP_BUILD=true TEMPORAL_SERVER=$server DEMO_WEBHOOKS=false \
    deploy/local/run.sh >"$dir/stack.out" 2>&1 &
  children+=($!)
  local stack=$!
  until grep -q "financing-orchestrator is up" "$dir/stack.out"; do
    kill -0 "$stack" 2>/dev/null || { say "The stack did not start:"; tail -20 "$dir/stack.out" >&2; exit 1; }
    sleep 1
  done

  java "${java_opts[@]}" -Dloader.main=org.financingorchestrator.benchmark.floor.FloorWorker -jar "$bench_jar" \
    "127.0.0.1:$TEMPORAL_PORT" >"$dir/floor-worker.log" 2>&1 &
  children+=($!)
  echo $! >"$dir/pids/floor-worker.pid"
  java "${java_opts[@]}" -Dloader.main=org.financingorchestrator.benchmark.direct.DirectApplication -jar "$bench_jar" \
    --server.port=$direct_port --providers.afterpay.base-url="http://localhost:$SANDBOX_PORT/afterpay" \
    --providers.affirm.base-url="http://localhost:$SANDBOX_PORT/affirm" \
    --providers.chargeafter.base-url="http://localhost:$SANDBOX_PORT/chargeafter" \
    --providers.flexiti.base-url="http://localhost:$SANDBOX_PORT/flexiti" \
    >"$dir/direct.log" 2>&1 &
  children+=($!)
  echo $! >"$dir/pids/direct.pid"
  local deadline=$((SECONDS + 120))
  until port_open $direct_port; do
    [ $SECONDS -lt $deadline ] || { say "The direct baseline did not start; see $dir/direct.log"; exit 1; }
    sleep 1
  done

  say "=== $server: measuring ..."
  java -Dloader.main=org.financingorchestrator.benchmark.BenchmarkDriver -jar "$bench_jar" \
    --server="$server" --pids="$dir/pids" --db="$dir/temporal.db" \
    --api="http://localhost:$API_PORT" --sandbox="http://localhost:$SANDBOX_PORT" \
    --direct="http://localhost:$direct_port" --temporal="127.0.0.1:$TEMPORAL_PORT" \
    --api-key="$api_key" --jvm="$jvm $local_flags" --out="$dir/figures.json" "${driver_args[@]}"
  cp "$dir/figures.json" "$figures/$server-$(date -u +%Y%m%dT%H%M%S).json"
  stop_children
}

IFS=, read -r -a server_list <<<"$servers"
for server in "${server_list[@]}"; do
  run_server "$server"
done

java -Dloader.main=org.financingorchestrator.benchmark.report.BenchmarkReport -jar "$bench_jar" \
  --figures="$figures" --servers=dev-server,test-server --markdown="$root/BENCHMARKS.md" --chart="$root/docs/images/benchmark.png" \
  --temporal-cli="Temporal CLI $("$temporal_cli" --version | head -1 | sed 's/^temporal version //')"
