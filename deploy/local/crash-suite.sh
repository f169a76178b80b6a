#!/usr/bin/env bash
# The crash suite's long run (README, "Reliability"). The short run is part of ./mvnw verify.
#
# Separate processes, as in production: the real Temporal dev server on a database file, the
# sandbox with 300 ms per provider call, two workers on the same task queues, starter-api. It
# starts 1,000 flows across every provider, each with a scripted end, while it kills a worker
# with SIGKILL in the middle of a provider call ten times, kills starter-api while shoppers'
# callbacks are in flight four times, restarts the Temporal dev server twice, stops starter-api
# and a worker with SIGTERM twice each (each must exit within its bound), and arms provider
# faults on every call in eight rounds; then it checks every flow's end, the ledger (one effect
# each) and every status against the ledger, and prints the figures. About 10 minutes on 2 cores.
#
# Any -Dcrash.* given here overrides the long run's (see CrashPlan), e.g.
#   deploy/local/crash-suite.sh -Dcrash.flows=2000 -Dcrash.duration=PT15M
# Figures: starter-api/target/crash-suite/figures.txt. Logs of each process: starter-api/target/temporal/crash-*.log
set -euo pipefail
cd "$(dirname "$0")/../.."

# The dev server: the pinned Temporal CLI, installed on first use.
deploy/local/tools.sh temporal >/dev/null

exec ./mvnw -q -pl starter-api -am test \
  -Dtest=CrashSuiteTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dcrash.flows=1000 -Dcrash.duration=PT8M -Dcrash.concurrency=32 \
  -Dcrash.worker-kills=10 -Dcrash.api-kills=4 -Dcrash.server-restarts=2 -Dcrash.graceful-stops=2 -Dcrash.fault-rounds=8 \
  "$@"
