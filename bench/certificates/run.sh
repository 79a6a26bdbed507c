#!/usr/bin/env bash
# bench: 10,000 signed electronic certificates (one A4 PDF each: font subset, photo, stamp, QR, SHA256withRSA signature) streamed into one zip on 2 threads, vs the same certificates drawn unsigned
# Prints as its last line: certificates: pages_per_s=N count=C seconds=S baseline_pages_per_s=B ratio=R threads=T zip_mb=Z peak_heap_mb=M
# CERTIFICATES=n overrides the count, THREADS=n the worker threads (default: the machine's cores); HEAP (default 512m) is the JVM's -Xmx.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
bench_main cn.kaowu.platform.certificate.CertificatesBenchmark -Dcertificates="${CERTIFICATES:-10000}" \
  ${THREADS:+-Dthreads="$THREADS"}
