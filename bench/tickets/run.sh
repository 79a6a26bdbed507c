#!/usr/bin/env bash
# bench: 10,000 admission tickets with photos, one PDF per room of 30, all in one zip, vs a bare PDFBox loop writing the same texts and photos
# Prints as its last line: tickets: pages_per_s=N ratio_to_bare=R peak_heap_mb=M
# TICKETS=n overrides the ticket count; HEAP (default 512m) is the JVM's -Xmx.
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
"$JAVA" -Xmx"${HEAP:-512m}" -Djava.awt.headless=true -Dtickets="${TICKETS:-10000}" \
  -cp "platform/target/test-classes:platform/target/classes:exam-package/target/classes:$(cat platform/target/bench.classpath)" \
  cn.kaowu.platform.materials.TicketsBenchmark 2>&1 | grep -v '^\s*$' | grep -v ' WARN \|^WARNING'
