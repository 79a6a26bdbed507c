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
    "$main" 2>&1 | grep --line-buffered -v '^\s*$' | grep --line-buffered -v ' WARN \|^WARNING'
  rm -rf platform/target/bench-db platform/target/bench-files
}

# The same for the exam-site server (examsite): compiles its test classes and runs a benchmark's main class with the
# site's data directory (database, key, packages) under examsite/target/bench-site, removed afterwards.
#   bench_site_main MAIN_CLASS [JVM options, e.g. -Dcompression=20]
bench_site_main() {
  local main=$1; shift
  cd "$(dirname "${BASH_SOURCE[0]}")/.."
  ./kw mvn -q -pl examsite -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench.classpath >&2
  rm -rf examsite/target/bench-site
  ./kw java -Xmx"${HEAP:-512m}" -Djava.awt.headless=true -Dkaowu.site.data-dir=examsite/target/bench-site "$@" \
    -cp "examsite/target/test-classes:examsite/target/classes:exam-package/target/classes:$(cat examsite/target/bench.classpath)" \
    "$main" 2>&1 | grep --line-buffered -v '^\s*$' | grep --line-buffered -v ' WARN \|^WARNING'
  rm -rf examsite/target/bench-site
}
