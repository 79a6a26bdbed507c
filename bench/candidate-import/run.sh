#!/usr/bin/env bash
# bench: 50,000-row candidate xlsx through the real import (embedded PostgreSQL) vs raw COPY of the same rows
# Prints as its last line: candidate-import: rows_per_s=N ratio_to_copy=R peak_heap_mb=M
# ROWS=n overrides the row count; HEAP (default 512m) is the JVM's -Xmx.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
bench_main cn.kaowu.platform.candidate.CandidateImportBenchmark -Drows="${ROWS:-50000}"
