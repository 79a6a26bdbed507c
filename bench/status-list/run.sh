#!/usr/bin/env bash
# bench: GET of the revocation status list over 100,000 certificates: served from the cache vs rebuilt after a status change
# Prints as its last line: status-list: certificates=N cached_ms=C rebuild_ms=R ratio_rebuild_to_cached=X jwt_bytes=B
# CERTIFICATES=n overrides the count; HEAP (default 512m) is the JVM's -Xmx.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
bench_main cn.kaowu.platform.certificate.StatusListBenchmark -Dcertificates="${CERTIFICATES:-100000}"
