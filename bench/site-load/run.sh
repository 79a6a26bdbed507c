#!/usr/bin/env bash
# bench: one exam-site server (separate JVM, fsync on): 400 candidates log in, autosave every 30 s for 60 min (time-compressed), vs bare JDBC upsert+commit
# Prints as its last line:
#   site-load: candidates=N saves=N lost=N p99_ms=P p50_ms=… max_ms=… failed=… login_s=… compression=C baseline_p99_ms=B ratio_to_baseline=R
# The baseline is the database's floor for the same durable save (a bare JDBC batch upsert of the answer rows the save
# changes and a commit, same PostgreSQL, same clients and rate): the ratio is what HTTP, session, Spring and our checks add on top
# of the fsync no durable save avoids. A trivial HTTP GET would leave out that fsync, which dominates, and say less.
# COMPRESSION (default 20: the simulated hour of saves takes 3 minutes, at 20x the real save rate), LOGIN_WINDOW
# (real seconds over which the logins arrive, default 30, twice the issue's rate, so that login_s shows the server's
# headroom; 3 is the issue's minute compressed 20 times), CANDIDATES (400),
# MINUTES (60), BASELINE_MINUTES (10) override; HEAP (default 512m) is the load generator's -Xmx, SITE_HEAP (512m) the
# site's; SITE_JAVA_OPTS adds options to the site's JVM (e.g. -XX:StartFlightRecording=filename=/tmp/site.jfr to profile).
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
bench_site_main cn.kaowu.examsite.bench.SiteLoadBenchmark -Dcompression="${COMPRESSION:-20}" \
  -Dcandidates="${CANDIDATES:-400}" -Dminutes="${MINUTES:-60}" -DbaselineMinutes="${BASELINE_MINUTES:-10}" \
  -DloginWindowSeconds="${LOGIN_WINDOW:-30}" -DsiteHeap="${SITE_HEAP:-512m}" -DsiteJavaOptions="${SITE_JAVA_OPTS:-}"
