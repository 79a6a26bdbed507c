#!/usr/bin/env bash
# bench: 50,000-candidate "按证书导入" xlsx (100,000 records) through the real registration import vs raw COPY of the same records
# Prints as its last line: registration-import: rows_per_s=N ratio_to_copy=R peak_heap_mb=M
# ROWS=n overrides the row count; HEAP (default 512m) is the JVM's -Xmx.
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
"$JAVA" -Xmx"${HEAP:-512m}" -Drows="${ROWS:-50000}" \
  -Dkaowu.embedded-db.data-dir=platform/target/bench-db -Dkaowu.storage.dir=platform/target/bench-files \
  -cp "platform/target/test-classes:platform/target/classes:exam-package/target/classes:$(cat platform/target/bench.classpath)" \
  cn.kaowu.platform.enrollment.RegistrationImportBenchmark 2>&1 | grep -v '^\s*$' | grep -v ' WARN \|^WARNING'
rm -rf platform/target/bench-db platform/target/bench-files
