#!/usr/bin/env bash
# bench: scheduling a national plan: 200,000 registration records, 500 sites, 5,000 rooms (run + publish)
# Prints as its last line: schedule: records=N seconds=S
# SITES=n and PER_SITE=n (candidates per site) override the size; HEAP (default 512m) is the JVM's -Xmx.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
bench_main cn.kaowu.platform.schedule.ScheduleBenchmark -Dsites="${SITES:-500}" -DperSite="${PER_SITE:-200}"
