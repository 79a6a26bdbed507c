#!/usr/bin/env bash
# bench: 证书查验 over HTTP against 1,000,000 issued certificates (wrk, 2 threads, 64 connections, 30 s, rate limits on), vs a constant JSON endpoint of the same app
# Prints as its last line: lookup: rps=N p99_ms=P ratio_to_static=R static_rps=S static_p99_ms=Q certs=C
# CERTS=n overrides the certificate count, BENCH_SECONDS=s the measured run; HEAP (default 1g here) is the JVM's -Xmx.
set -euo pipefail
if ! command -v wrk >/dev/null 2>&1; then
  echo "lookup: installing wrk (Debian package)" >&2
  if [ "$(id -u)" = 0 ]; then apt-get install -y wrk >&2; else sudo apt-get install -y wrk >&2; fi
fi
source "$(dirname "$0")/../lib.sh"
HEAP="${HEAP:-1g}" bench_main cn.kaowu.platform.portal.LookupBenchmark -Dcerts="${CERTS:-1000000}" \
  -Dseconds="${BENCH_SECONDS:-30}" "$@"
