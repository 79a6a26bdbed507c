#!/usr/bin/env bash
# bench: logged-in page requests with sessions in PostgreSQL (Spring Session JDBC) vs the servlet container's in-memory sessions
# Prints as its last line: sessions: jdbc_req_per_s=N memory_req_per_s=M ratio_to_memory=R
# REQUESTS=n (default 3000) per store, THREADS=t (default 8) concurrent clients, each with its own login.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
bench_main cn.kaowu.platform.identity.SessionStoreBenchmark -Drequests="${REQUESTS:-3000}" -Dthreads="${THREADS:-8}"
