#!/usr/bin/env bash
# Kaowu backup (docs/operations.md): the database as one pg_dump archive, plus the secret keys and the stored files.
#   ops/backup.sh [DIR] [-- extra pg_dump options, e.g. --snapshot=…]
# DIR (default ./backups/kaowu-<UTC time>) must not exist yet; it gets
#   kaowu.dump     pg_dump -Fc of the whole database (schema, data, Flyway history), consistent as of its start
#   keys.tar.gz    $KAOWU_DATA/keys: the question bank's and the exam packages' keys; without them the encrypted
#                  items and packages of the dump cannot be read
#   files.tar.gz   $KAOWU_DATA/files: uploads and generated files (local file store only)
#   SHA256SUMS     checksums of the above
# Which database: see ops/lib.sh. The platform keeps running; the dump is taken from one snapshot.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

dir=""
if [ $# -gt 0 ] && [ "$1" != "--" ]; then dir=$1; shift; fi
if [ $# -gt 0 ] && [ "$1" = "--" ]; then shift; fi
dir=${dir:-./backups/kaowu-$(date -u +%Y%m%dT%H%M%SZ)}

need pg_dump
need pg_restore
connect
[ -e "$dir" ] && die "$dir 已存在 (exists): choose a new directory"
mkdir -p "$dir"

pg_dump -Fc --no-password -f "$dir/kaowu.dump" "$@"
pg_restore --list "$dir/kaowu.dump" >/dev/null   # the archive is readable
for part in keys files; do
  if [ -d "$KAOWU_DATA/$part" ]; then
    tar -czf "$dir/$part.tar.gz" -C "$KAOWU_DATA" "$part"
  else
    echo "backup: no $KAOWU_DATA/$part, not in this backup" >&2
  fi
done
(cd "$dir" && sha256sum -- * > SHA256SUMS)
chmod -R go-rwx "$dir"
echo "backup: $dir ($(du -sh "$dir" | cut -f1))"
