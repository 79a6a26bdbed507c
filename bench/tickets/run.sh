#!/usr/bin/env bash
# bench: 10,000 admission tickets with photos, one PDF per room of 30, all in one zip, vs a bare PDFBox loop writing the same texts and photos
# Prints as its last line: tickets: pages_per_s=N ratio_to_bare=R peak_heap_mb=M
# TICKETS=n overrides the ticket count; HEAP (default 512m) is the JVM's -Xmx.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
bench_main cn.kaowu.platform.materials.TicketsBenchmark -Dtickets="${TICKETS:-10000}"
