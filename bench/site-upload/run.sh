#!/usr/bin/env bash
# bench: results of 400 candidates (100 KiB practical work each) from the exam-site server to the platform over a 10 Mbit/s link, once clean and once cut half-way
# Prints as its last line: site-upload: candidates=N seconds=S resumed=yes missing=0 … (ratio_to_raw: the same bytes PUT through the same link)
# CANDIDATES, WORK_KB and MBIT override the size. Runs the packaged site server (built here) as its own process, in its
# own network namespace when run as root ('ip netns'), else on loopback; the link is a throttling proxy in the bench JVM.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
( cd "$(dirname "$0")/../.." && ./kw mvn -q -pl examsite -am package -DskipTests >&2 )
HEAP=${HEAP:-1g} bench_main cn.kaowu.platform.delivery.SiteUploadBenchmark -Dcandidates="${CANDIDATES:-400}" \
  -DworkKb="${WORK_KB:-100}" -Dmbit="${MBIT:-10}"
