#!/usr/bin/env bash
# bench: 50,000-candidate "按证书导入" xlsx (100,000 records) through the real registration import vs raw COPY of the same records
# Prints as its last line: registration-import: rows_per_s=N ratio_to_copy=R peak_heap_mb=M
# ROWS=n overrides the row count; HEAP (default 512m) is the JVM's -Xmx.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
bench_main cn.kaowu.platform.enrollment.RegistrationImportBenchmark -Drows="${ROWS:-50000}"
