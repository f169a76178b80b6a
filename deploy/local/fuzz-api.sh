#!/usr/bin/env bash
# Fuzzes starter-api against its own OpenAPI document with Schemathesis: every operation of
# /v3/api-docs gets generated requests, valid and invalid, as the demo merchant; the run fails on
#   not_a_server_error            any 5xx that is not documented for the operation (a 500 never is)
#   status_code_conformance       a status the operation does not document
#   content_type_conformance      a Content-Type the operation does not document for that status
#   response_schema_conformance   a body that does not match the documented schema
#
#   deploy/local/run.sh                 # in another terminal: the local stack
#   deploy/local/fuzz-api.sh            # exit 0: no failure; 1: failures (listed), 2: no API
#
# Settings (environment):
#   API_URL             the API to fuzz                       http://localhost:8080
#   MERCHANT_KEY        a merchant's API key                  the local profile's demo merchant
#   FUZZ_MAX_EXAMPLES   generated requests per operation      200 (about a minute on the local stack)
#   FUZZ_SEED           Hypothesis's seed, to repeat a run    random (the run prints it)
#   FUZZ_REPORT_DIR     JUnit XML report                      target/fuzz-api
# Arguments after the script's own go to `schemathesis run` as they are (e.g. --include-path ...).
#
# What it does not check, and why:
#   - The callbacks' 303 Location and the merchant's business rules: the fuzzer cannot know a
#     valid sig or order token, so on the callbacks it sees only refusals (400, 404), which is
#     what must hold for forged callbacks anyway.
#   - negative_data_rejection and positive_data_acceptance: the API is stricter than JSON Schema
#     can say (amounts with at most 2 decimals, the merchant's redirect hosts, an order total
#     Afterpay accepts, a refund not over what is left), so "valid by the schema" requests are
#     refused by design (400/404/409/422), and the schema cannot name all our refusals.
#   - stateful (linked) sequences: a checkout's links lead to the shopper's approval on the
#     sandbox, which is no API call.
# Its warnings are expected, not failures: "Missing test data" (generated flow ids name no flow:
# 404, as an unknown flow must), "Schema validation mismatch" (the rules above refuse most
# generated bodies, 400 naming the field).
# The /codec endpoints are not in the document (operators' tool, not the merchant API); their
# protocol, auth and CORS have their own tests (CodecServerApiTest).
set -euo pipefail

cd "$(dirname "$0")/../.."

api_url=${API_URL:-http://localhost:8080}
merchant_key=${MERCHANT_KEY:-local-demo-key-7d3f9c1a5e2b4f80}
max_examples=${FUZZ_MAX_EXAMPLES:-200}
report_dir=${FUZZ_REPORT_DIR:-target/fuzz-api}

say() { echo "$*" >&2; }

schemathesis=$(deploy/local/tools.sh schemathesis) || exit 2

# Plain bash, as run.sh: the API must answer before the fuzzer starts.
host_port=${api_url#*://}
host_port=${host_port%%/*}
host=${host_port%:*}
port=${host_port##*:}
[ "$port" != "$host_port" ] || port=80
if ! (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null; then
  say "Nothing answers at $api_url: start the local stack first (deploy/local/run.sh)."
  exit 2
fi

mkdir -p "$report_dir"
report_dir=$(cd "$report_dir" && pwd)
seed_args=()
[ -z "${FUZZ_SEED:-}" ] || seed_args=(--seed "$FUZZ_SEED")

say "Fuzzing $api_url/v3/api-docs, $max_examples examples per operation ..."
set +e
# From the report folder: Schemathesis keeps the failures it found in ./.schemathesis/ and tries
# them again first on the next run (git-ignored there, under target/).
cd "$report_dir"
"$schemathesis" run "$api_url/v3/api-docs" \
  --url "$api_url" \
  --header "Authorization: Bearer $merchant_key" \
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
  --phases examples,coverage,fuzzing \
  --max-examples "$max_examples" \
  --generation-database none \
  --request-timeout 30 \
  --no-color \
  --report junit --report-dir . \
  "${seed_args[@]}" "$@"
status=$?
set -e

case $status in
  0) say "Fuzzing found no failure (JUnit report: $report_dir/)." ;;
  *) say "Fuzzing found failures (exit $status): see the summary above and $report_dir/." ;;
esac
exit "$status"
