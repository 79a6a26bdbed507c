# Shared by bench/*/run.sh: compiles the test classes (where the benchmarks live) and runs a benchmark's main class
# on the JDK ./kw picks, with its own throw-away database and file store under platform/target.
#   bench_main MAIN_CLASS [JVM options, e.g. -Drows=50000]
# HEAP (default 512m) is the JVM's -Xmx.
bench_main() {
  local main=$1; shift
  cd "$(dirname "${BASH_SOURCE[0]}")/.."
  ./kw mvn -q -pl platform -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench.classpath >&2
  rm -rf platform/target/bench-db platform/target/bench-files
  ./kw java -Xmx"${HEAP:-512m}" -Djava.awt.headless=true \
    -Dkaowu.embedded-db.data-dir=platform/target/bench-db -Dkaowu.storage.dir=platform/target/bench-files "$@" \
    -cp "platform/target/test-classes:platform/target/classes:exam-package/target/classes:$(cat platform/target/bench.classpath)" \
    "$main" 2>&1 | grep -v '^\s*$' | grep -v ' WARN \|^WARNING'
  rm -rf platform/target/bench-db platform/target/bench-files
}
