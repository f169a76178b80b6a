#!/usr/bin/env bash
# Starts the whole stack on this machine, with no external service:
#   Temporal (the SDK's embedded test server, gRPC on 7233), unless TEMPORAL_ADDRESS names a real one
#   sandbox      http://localhost:8090   Afterpay simulated, its shopper page, ledger and faults
#   worker       http://localhost:8081   Temporal workers (actuator/prometheus)
#   starter-api  http://localhost:8080   merchant API, callbacks, OpenAPI page
# Builds the jars first. Ctrl-C stops everything. Logs: target/local/*.log
#
# Against a real Temporal server (`temporal server start-dev`, UI on http://localhost:8233):
#   TEMPORAL_ADDRESS=127.0.0.1:7233 deploy/local/run.sh
set -euo pipefail

cd "$(dirname "$0")/../.."
root=$PWD
logs=$root/target/local
mkdir -p "$logs"

api_port=${API_PORT:-8080}
worker_port=${WORKER_PORT:-8081}
sandbox_port=${SANDBOX_PORT:-8090}
embedded_temporal_port=7233
# Local runs favour a quick start over peak throughput.
java_opts=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC)

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

ports=("$api_port" "$worker_port" "$sandbox_port")
[ -n "${TEMPORAL_ADDRESS:-}" ] || ports+=("$embedded_temporal_port")
for port in "${ports[@]}"; do
  if port_in_use "$port"; then
    echo "Port $port is already in use: stop what listens there (or an earlier run) first." >&2
    exit 1
  fi
done

echo "Building (./mvnw package -DskipTests) ..."
./mvnw -q -DskipTests package

jar() { ls "$root/$1"/target/"$1"-*-exec.jar; }

pids=()
stop_all() {
  trap - EXIT INT TERM
  if [ ${#pids[@]} -gt 0 ]; then
    kill "${pids[@]}" 2>/dev/null || true
    wait "${pids[@]}" 2>/dev/null || true
  fi
}
trap stop_all EXIT
trap 'exit 130' INT TERM

start() { # name, then the command
  local name=$1; shift
  "$@" >"$logs/$name.log" 2>&1 &
  pids+=($!)
}

if [ -z "${TEMPORAL_ADDRESS:-}" ]; then
  # The worker's jar carries the SDK's test server; Spring Boot's PropertiesLauncher runs its main.
  start temporal java "${java_opts[@]}" -cp "$(jar worker)" \
    -Dloader.main=io.temporal.testserver.TestServer \
    org.springframework.boot.loader.launch.PropertiesLauncher "$embedded_temporal_port"
  export TEMPORAL_ADDRESS=127.0.0.1:$embedded_temporal_port
fi

start sandbox java "${java_opts[@]}" -jar "$(jar sandbox)" --server.port="$sandbox_port"
start worker java "${java_opts[@]}" -jar "$(jar worker)" --server.port="$worker_port" \
  --providers.afterpay.base-url="${PROVIDERS_AFTERPAY_BASE_URL:-http://localhost:$sandbox_port/afterpay}"
start starter-api java "${java_opts[@]}" -jar "$(jar starter-api)" --server.port="$api_port" \
  --callbacks.public-base-url="${CALLBACKS_PUBLIC_BASE_URL:-http://localhost:$api_port}" \
  --flows.afterpay.shopper-checkout-url="http://localhost:$sandbox_port/afterpay/checkout?token={token}"

# Plain bash, so that a machine with only a JDK needs nothing else (no curl).
healthy() { # port
  local answer
  answer=$( (exec 3<>"/dev/tcp/127.0.0.1/$1" &&
    printf 'GET /actuator/health HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3 && cat <&3) 2>/dev/null) || return 1
  [[ $answer == *'"status":"UP"'* ]]
}

wait_healthy() { # name, port
  local deadline=$((SECONDS + 120))
  until healthy "$2"; do
    for pid in "${pids[@]}"; do
      kill -0 "$pid" 2>/dev/null || { echo "A process exited while $1 was starting; see $logs/" >&2; exit 1; }
    done
    if [ $SECONDS -ge $deadline ]; then
      echo "$1 did not become healthy in 120 s; see $logs/$1.log" >&2
      exit 1
    fi
    sleep 1
  done
}
wait_healthy sandbox "$sandbox_port"
wait_healthy worker "$worker_port"
wait_healthy starter-api "$api_port"

cat <<INFO

financing-orchestrator is up (Temporal at $TEMPORAL_ADDRESS).
  Merchant API     http://localhost:$api_port/v1/afterpay/checkouts
  OpenAPI page     http://localhost:$api_port/swagger-ui.html
  Sandbox ledger   http://localhost:$sandbox_port/sandbox/ledger
  Shopper page     http://localhost:$sandbox_port/afterpay/checkout?token=<token>
  Metrics          http://localhost:$worker_port/actuator/prometheus  http://localhost:$api_port/actuator/prometheus
  Logs             $logs/
Press Ctrl-C to stop.
INFO
wait -n "${pids[@]}" || true
echo "A process stopped; stopping the rest. See $logs/" >&2
