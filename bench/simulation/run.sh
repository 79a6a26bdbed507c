#!/usr/bin/env bash
# bench: a national exam end to end through the services: 3 ORGs, 31 provinces, 800 colleges, 300,000 candidates from pilot approval to signed-off certificates; prints each stage's seconds
# Prints as its last line: simulation: candidates=N seconds=S peak_heap_mb=M
# --small runs 5,000 candidates (a quick check, under 3 minutes); CANDIDATES=n any size; THREADS=n the worker
# threads and concurrent jobs (default 2); SAMPLE_SITES=n the sites that enrol a server, get exam packages and send
# results (default 31, one per province; 3 with --small: a package costs about 0.6 s of key derivation or more);
# HEAP (default 3g) is the JVM's -Xmx.
set -euo pipefail
candidates=${CANDIDATES:-300000}
sample=${SAMPLE_SITES:-31}
for arg in "$@"; do
  case "$arg" in
    --small) candidates=${CANDIDATES:-5000}; sample=${SAMPLE_SITES:-3} ;;
    *) echo "simulation: unknown argument '$arg' (use --small)" >&2; exit 2 ;;
  esac
done
HEAP=${HEAP:-3g}
source "$(dirname "$0")/../lib.sh"
bench_main cn.kaowu.platform.simulation.NationalSimulation -Dcandidates="$candidates" -Dthreads="${THREADS:-2}" -DsampleSites="$sample"
