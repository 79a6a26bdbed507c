#!/usr/bin/env bash
# bench: scheduling a national plan: 200,000 registration records, 500 sites, 5,000 rooms (run + publish)
# Prints as its last line: schedule: records=N seconds=S
# SITES=n and PER_SITE=n (candidates per site) override the size; HEAP (default 512m) is the JVM's -Xmx.
set -euo pipefail
cd "$(dirname "$0")/../.."
./kw mvn -q -pl platform -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench.classpath >&2
pick_java() {
  local best="" bestv=0 d v
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then best=$JAVA_HOME; fi
  for d in /usr/lib/jvm/*/; do
    d=${d%/}
    [ -x "$d/bin/javac" ] || continue
    v=$("$d/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | cut -d. -f1)
    if [ "${v:-0}" -ge 21 ] && [ "${v:-0}" -gt "$bestv" ]; then best=$d; bestv=$v; fi
  done
  echo "$best/bin/java"
}
JAVA=$(pick_java)
rm -rf platform/target/bench-db platform/target/bench-files
"$JAVA" -Xmx"${HEAP:-512m}" -Dsites="${SITES:-500}" -DperSite="${PER_SITE:-200}" \
  -Dkaowu.embedded-db.data-dir=platform/target/bench-db -Dkaowu.storage.dir=platform/target/bench-files \
  -cp "platform/target/test-classes:platform/target/classes:exam-package/target/classes:$(cat platform/target/bench.classpath)" \
  cn.kaowu.platform.schedule.ScheduleBenchmark 2>&1 | grep -v '^\s*$' | grep -v ' WARN \|^WARNING'
rm -rf platform/target/bench-db platform/target/bench-files
