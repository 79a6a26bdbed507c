#!/usr/bin/env bash
# Multi-node test on loopback (issue 9 part 3), from a clean machine:
#   PostgreSQL 15 primary + streaming replica (Debian packages), two platform nodes behind nginx, one exam-site server
#   enrolled through nginx. Then:
#   1. a 30,000-row candidate import is submitted; the node that claimed the job is killed (kill -9) mid-import; the
#      surviving node queues it again and runs it to the end: exactly 30,000 new candidates, one success, no duplicate;
#   2. 20 s of public-lookup load (wrk, distinct client addresses) through nginx; one node is killed after 7 s:
#      no 5xx and no 429 (nginx retries lookups sent to the dead node; a response it had begun to send breaks — at most
#      one in flight per connection), and the replica served reads;
#   3. the killed node is started again and both nodes answer readiness.
# Exits non-zero on the first broken promise. Everything lives under $KW_MULTI_DIR (default /tmp/kaowu-multinode),
# removed at the start and left for inspection at the end (logs: node-a.log, node-b.log, site.log, pg/*.log).
# Needs root for apt-get (when packages are missing) and to run PostgreSQL as the postgres user.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
W=${KW_MULTI_DIR:-/tmp/kaowu-multinode}
ROWS=${ROWS:-30000}
PG=/usr/lib/postgresql/15/bin
# Every port lies below the kernel's ephemeral range (32768–60999 here): an embedded PostgreSQL or client socket left
# by the test suite just before can hold any port in that range (CI once found 55432 taken that way).
P_PRIMARY=25432 P_REPLICA=25433 P_A=18081 P_B=18082 P_LB=18080 P_SITE=18090
LB=http://127.0.0.1:$P_LB
PASSWORD='Kaowu#2026demo'

say() { printf '\n== %s\n' "$*"; }
fail() { printf '\nFAIL: %s\n' "$*" >&2; exit 1; }
psql_p() { "$PG/psql" -h 127.0.0.1 -p "$P_PRIMARY" -U postgres -d kaowu -Atq -c "$1"; }
psql_r() { "$PG/psql" -h 127.0.0.1 -p "$P_REPLICA" -U postgres -d kaowu -Atq -c "$1"; }
json() { sed -n "s/.*\"$1\":\"\\{0,1\\}\\([^,\"}]*\\).*/\\1/p" | head -n 1; }

cleanup() {
  set +e
  for pidfile in "$W"/*.pid; do [ -f "$pidfile" ] && kill "$(cat "$pidfile")" 2>/dev/null; done
  [ -f "$W/nginx/nginx.pid" ] && nginx -p "$W/nginx" -c nginx.conf -s stop 2>/dev/null
  for d in primary replica; do
    [ -d "$W/pg/$d" ] && runuser -u postgres -- "$PG/pg_ctl" -D "$W/pg/$d" -m fast stop >/dev/null 2>&1
  done
}
trap cleanup EXIT

say "packages"
need=()
for p in postgresql-15 nginx-light wrk curl iproute2; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ "${#need[@]}" -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

say "build (platform and exam-site jars, test classes for the file generator)"
cd "$ROOT"
# Two runs: packaging together with dependency:build-classpath in one run left exam-package out of the boot jar.
./kw mvn -q -DskipTests package -pl exam-package,examsite,platform >/dev/null
./kw mvn -q -DskipTests test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/multinode.classpath -pl exam-package,platform >/dev/null
JAVA=$(./kw java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.home = //p')/bin/java

rm -rf "$W"; mkdir -p "$W/pg" "$W/files" "$W/keys" "$W/nginx/logs" "$W/site"
chown postgres "$W/pg"; chmod 755 "$W"

say "PostgreSQL primary :$P_PRIMARY and streaming replica :$P_REPLICA"
for port in $P_PRIMARY $P_REPLICA $P_A $P_B $P_LB $P_SITE; do
  for _ in $(seq 30); do ss -Hltn "sport = :$port" | grep -q . || continue 2; sleep 1; done
  ss -ltnp "sport = :$port" >&2; fail "port $port is taken (above: who holds it)"
done
pg_start() { # data-dir log: start, or print the server's log and stop here
  runuser -u postgres -- "$PG/pg_ctl" -D "$1" -l "$2" -w start >/dev/null || { tail -n 20 "$2" >&2; fail "PostgreSQL in $1 did not start"; }
}
runuser -u postgres -- "$PG/initdb" -D "$W/pg/primary" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
cat >> "$W/pg/primary/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $P_PRIMARY
unix_socket_directories = '$W/pg'
wal_level = replica
max_wal_senders = 5
max_connections = 200
timezone = 'Asia/Shanghai'
EOF
pg_start "$W/pg/primary" "$W/pg/primary.log"
"$PG/createdb" -h 127.0.0.1 -p $P_PRIMARY -U postgres kaowu
# The nodes connect as a role of their own; Flyway migrates as the owner and grants it everything but changing the
# audit trail (docs/operations.md, Audit trail). Roles replicate, so the replica knows it too.
"$PG/psql" -h 127.0.0.1 -p $P_PRIMARY -U postgres -d kaowu -q \
  -c "CREATE ROLE kaowu_app LOGIN" -c "GRANT CONNECT ON DATABASE kaowu TO kaowu_app"
runuser -u postgres -- "$PG/pg_basebackup" -h 127.0.0.1 -p $P_PRIMARY -U postgres -D "$W/pg/replica" -R -X stream --checkpoint=fast
sed -i "s/^port = $P_PRIMARY/port = $P_REPLICA/" "$W/pg/replica/postgresql.conf"
pg_start "$W/pg/replica" "$W/pg/replica.log"
[ "$(psql_r 'SELECT pg_is_in_recovery()')" = t ] || fail "the replica is not a standby"

node() { # name port extra-args…
  local name=$1 port=$2; shift 2
  "$JAVA" -Xmx768m -jar "$ROOT/platform/target/kaowu-platform.jar" --server.port="$port" \
    --spring.datasource.url="jdbc:postgresql://127.0.0.1:$P_PRIMARY/kaowu" --spring.datasource.username=kaowu_app \
    --spring.flyway.user=postgres --kaowu.db.app-role=kaowu_app \
    --kaowu.datasource.replica.url="jdbc:postgresql://127.0.0.1:$P_REPLICA/kaowu" \
    --kaowu.node-name="node-$name" --kaowu.storage.dir="$W/files" --kaowu.document.key-dir="$W/keys" \
    --kaowu.delivery.key-dir="$W/keys" --kaowu.bank.key-file="$W/keys/bank.key" \
    --kaowu.privacy.key-file="$W/keys/personal-data.key" \
    --kaowu.portal.trusted-proxies=127.0.0.1 --kaowu.base-url="$LB" --kaowu.portal.base-url="$LB" \
    "$@" >"$W/node-$name.log" 2>&1 &
  echo $! >"$W/node-$name.pid"
}
ready() { # port [seconds]
  local i
  for i in $(seq 1 "${2:-240}"); do
    curl -fsS "http://127.0.0.1:$1/actuator/health/readiness" >/dev/null 2>&1 && return 0
    sleep 1
  done
  return 1
}

say "platform node A :$P_A (loads the demo world), then node B :$P_B"
node a $P_A --spring.profiles.active=demo
ready $P_A || { tail -50 "$W/node-a.log"; fail "node A did not become ready"; }
[ "$(psql_p "SELECT has_table_privilege('kaowu_app', 'audit_entry', 'INSERT')::text || has_table_privilege('kaowu_app', 'audit_entry', 'UPDATE')::text || has_table_privilege('kaowu_app', 'audit_entry', 'DELETE')::text")" = truefalsefalse ] \
  || fail "the application's role may change the audit trail"
node b $P_B
ready $P_B || { tail -50 "$W/node-b.log"; fail "node B did not become ready"; }

say "nginx :$P_LB in front of both"
cat > "$W/nginx/nginx.conf" <<EOF
worker_processes 2;
pid $W/nginx/nginx.pid;
error_log $W/nginx/logs/error.log warn;
events { worker_connections 2048; }
http {
  access_log off;
  upstream platform {
    server 127.0.0.1:$P_A max_fails=1 fail_timeout=10s;
    server 127.0.0.1:$P_B max_fails=1 fail_timeout=10s;
    keepalive 64;
  }
  server {
    listen 127.0.0.1:$P_LB;
    client_max_body_size 60m;
    proxy_http_version 1.1;
    proxy_set_header Connection "";
    proxy_set_header Host \$http_host;
    proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
    proxy_connect_timeout 2s;
    proxy_read_timeout 300s;
    proxy_next_upstream error timeout http_502 http_503;
    # Public lookups change nothing: a lookup cut by a dying node is answered by the other one.
    location /api/v1/portal/ {
      proxy_pass http://platform;
      proxy_next_upstream error timeout http_502 http_503 non_idempotent;
    }
    location / { proxy_pass http://platform; }
  }
}
EOF
nginx -p "$W/nginx" -c nginx.conf
sleep 1

token() { curl -fsS -X POST "$LB/api/v1/auth/tokens" -H 'Content-Type: application/json' \
  -d "{\"username\":\"$1\",\"password\":\"$PASSWORD\"}" | json token; }
NJIT=$(token njit)
[ -n "$NJIT" ] || fail "no API token for njit through nginx"

say "exam-site server :$P_SITE enrols through nginx"
SITE_ID=$(psql_p "SELECT s.id FROM exam_site s JOIN organisation o ON o.id = s.college_id WHERE o.code = '10850' AND s.code IS NOT NULL LIMIT 1")
SITE_CODE=$(psql_p "SELECT code FROM exam_site WHERE id = $SITE_ID")
ENROL=$(curl -fsS -X POST -H "Authorization: Bearer $NJIT" "$LB/api/v1/delivery/sites/$SITE_ID/enrolment-token" | json token)
"$JAVA" -Xmx384m -jar "$ROOT/examsite/target/kaowu-examsite.jar" --server.port=$P_SITE \
  --kaowu.site.data-dir="$W/site" --kaowu.site.admin-initial-password='Site#2026multi' >"$W/site.log" 2>&1 &
echo $! >"$W/site.pid"
for i in $(seq 1 120); do curl -fsS "http://127.0.0.1:$P_SITE/api/v1/site/status" >/dev/null 2>&1 && break; sleep 1; done
S=(curl -fsS -o /dev/null -b "$W/site.cookies" -c "$W/site.cookies")
"${S[@]}" -d 'username=admin&password=Site%232026multi' "http://127.0.0.1:$P_SITE/admin/login"
"${S[@]}" -d 'current=Site%232026multi&replacement=Site%232026multi-changed' "http://127.0.0.1:$P_SITE/admin/password"
"${S[@]}" --data-urlencode "platformUrl=$LB" --data-urlencode "siteCode=$SITE_CODE" --data-urlencode "token=$ENROL" \
  "http://127.0.0.1:$P_SITE/admin/enrol"
[ "$(psql_p "SELECT count(*) FROM site_link WHERE site_id = $SITE_ID")" = 1 ] \
  || { tail -30 "$W/site.log"; fail "the exam site did not enrol through nginx"; }
echo "site $SITE_CODE enrolled"

say "1. kill the node running a $ROWS-row candidate import"
CP="$ROOT/platform/target/test-classes:$ROOT/platform/target/classes:$ROOT/exam-package/target/classes:$(cat "$ROOT/platform/target/multinode.classpath")"
"$JAVA" -cp "$CP" cn.kaowu.platform.candidate.CandidateFileGenerator "$W/candidates.xlsx" "$ROWS" 7 >/dev/null
before=$(psql_p "SELECT count(*) FROM candidate")
JOB=$(curl -fsS -X POST -H "Authorization: Bearer $NJIT" -F "file=@$W/candidates.xlsx" \
  "$LB/api/v1/candidates/imports?kind=COLLEGE" | json id)
[ -n "$JOB" ] || fail "the import was not accepted"
victim=""
for i in $(seq 1 600); do
  row=$(psql_p "SELECT state || ' ' || coalesce(claimed_by, '') || ' ' || processed FROM job WHERE id = '$JOB'")
  set -- $row
  if [ "$1" = RUNNING ] && [ -n "${2:-}" ] && [ "${3:-0}" -gt 0 ]; then victim=${2#node-}; break; fi
  [ "$1" = SUCCEEDED ] && fail "the import finished before a node could be killed; raise ROWS"
  sleep 0.05
done
[ -n "$victim" ] || fail "the import never started"
kill -9 "$(cat "$W/node-$victim.pid")"
echo "killed node $victim while it ran job $JOB ($row)"
survivor=$([ "$victim" = a ] && echo b || echo a)
for i in $(seq 1 180); do
  state=$(psql_p "SELECT state FROM job WHERE id = '$JOB'")
  [ "$state" = SUCCEEDED ] || [ "$state" = FAILED ] && break
  sleep 1
done
row=$(psql_p "SELECT state || ' ' || attempts || ' ' || claimed_by || ' ' || succeeded || ' ' || failed FROM job WHERE id = '$JOB'")
echo "job after the kill: $row"
after=$(psql_p "SELECT count(*) FROM candidate")
[ "$state" = SUCCEEDED ] || fail "the import did not succeed on the surviving node: $row"
[ "$(echo "$row" | cut -d' ' -f2)" = 2 ] || fail "expected exactly two claims (killed, then resumed): $row"
[ "$(echo "$row" | cut -d' ' -f3)" = "node-$survivor" ] || fail "the surviving node did not run it: $row"
[ $((after - before)) -eq "$ROWS" ] || fail "expected $ROWS new candidates, found $((after - before))"
[ "$(psql_p "SELECT count(*) FROM (SELECT 1 FROM candidate GROUP BY id_type, id_number_index HAVING count(*) > 1) d")" = 0 ] \
  || fail "duplicate candidates"
curl -fsS -H "Authorization: Bearer $NJIT" "$LB/api/v1/jobs/$JOB" | grep -q SUCCEEDED || fail "the job page through nginx"
echo "import: $ROWS rows stored exactly once; job claimed twice, finished on node-$survivor"

say "2. public-lookup load through nginx, node $survivor killed after 7 s"
node "$victim" "$( [ "$victim" = a ] && echo $P_A || echo $P_B )"
ready "$( [ "$victim" = a ] && echo $P_A || echo $P_B )" || fail "node $victim did not come back"
sleep 11 # nginx's fail_timeout: let it send requests to the restarted node again
# wrk's LuaJIT is Lua 5.1: no bit operators. A miss (404, the uniform answer) is a correct answer to the user; what
# must not happen is a 5xx, a 429 (each request has its own address and ID number) or a broken connection.
cat > "$W/lookup.lua" <<'EOF'
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) counter = 0; bad = 0; answered = 0 end
request = function()
  counter = counter + 1
  local n = math.random(1, 2000000000)
  local ip = string.format("10.%d.%d.%d", math.floor(n / 65536) % 256, math.floor(n / 256) % 256, n % 256)
  local body = string.format('{"number":"1530003007010027-%010d","idNumber":"11010119900101%04d"}', n % 1000000, counter % 10000)
  return wrk.format("POST", "/api/v1/portal/certificates/verify",
    { ["Content-Type"] = "application/json", ["X-Forwarded-For"] = ip }, body)
end
response = function(status, headers, body)
  if status >= 500 or status == 429 then bad = bad + 1 else answered = answered + 1 end
end
done = function(summary, latency, requests)
  local b, a = 0, 0
  for _, t in ipairs(threads) do b = b + t:get("bad"); a = a + t:get("answered") end
  io.write(string.format("bad_responses: %d answered: %d\n", b, a))
end
EOF
reads_before=$(psql_r "SELECT xact_commit FROM pg_stat_database WHERE datname = 'kaowu'")
wrk -t2 -c32 -d20s --timeout 10s -s "$W/lookup.lua" "$LB" >"$W/wrk.txt" 2>&1 &
WRK=$!
sleep 7
kill -9 "$(cat "$W/node-$survivor.pid")"
echo "killed node $survivor under load"
wait $WRK || true
cat "$W/wrk.txt"
reads_after=$(psql_r "SELECT xact_commit FROM pg_stat_database WHERE datname = 'kaowu'")
requests=$(sed -n 's/^ *\([0-9]*\) requests in.*/\1/p' "$W/wrk.txt")
bad=$(sed -n 's/^bad_responses: \([0-9]*\) answered.*/\1/p' "$W/wrk.txt")
[ -n "$bad" ] || fail "wrk's script did not report (see $W/wrk.txt)"
sockerr=$(sed -n 's/.*Socket errors: connect \([0-9]*\), read \([0-9]*\), write \([0-9]*\), timeout \([0-9]*\).*/\1+\2+\3+\4/p' "$W/wrk.txt")
sockerr=$((${sockerr:-0}))
[ "${requests:-0}" -gt 1000 ] || fail "too few lookups: ${requests:-0}"
[ "$bad" -eq 0 ] || fail "$bad lookups failed (5xx or 429) across the node kill"
# A response the killed node had started to send cannot be retried by nginx: its client connection breaks. Those are
# the in-flight requests the issue allows, at most one per connection (32); anything else must be answered.
[ "$sockerr" -le 32 ] || fail "$sockerr socket errors across the node kill (more than the 32 requests in flight)"
[ $((reads_after - reads_before)) -gt 100 ] || fail "the replica served no lookups ($reads_before → $reads_after)"
echo "lookups: $requests, failed 0 (5xx/429), broken in flight $sockerr, replica transactions +$((reads_after - reads_before))"

say "3. restart node $survivor; both ready"
node "$survivor" "$( [ "$survivor" = a ] && echo $P_A || echo $P_B )"
ready $P_A && ready $P_B || fail "a node did not come back"
lag=$(psql_p "SELECT coalesce(max(pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)), -1) FROM pg_stat_replication")
echo "replica lag: $lag bytes"
echo
echo "multinode: ok imports_rows=$ROWS lookups=$requests failed=0 in_flight_broken=$sockerr replica_xacts=$((reads_after - reads_before))"
