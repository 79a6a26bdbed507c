# Shared by ops/backup.sh and ops/restore.sh: which PostgreSQL to talk to, as libpq settings.
# First match wins:
#   1. PGHOST or PGPORT set: the libpq variables as they are (PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD).
#   2. SPRING_DATASOURCE_URL (jdbc:postgresql://host[:port]/db[?…]) with SPRING_DATASOURCE_USERNAME / _PASSWORD,
#      as the platform itself uses them (the JDBC parameters after '?' are not passed on: use 1. for sslmode etc.).
#   3. The embedded server of a running platform: the port from $KAOWU_DATA/platform/postmaster.pid
#      (KAOWU_DATA defaults to ./data), user and database postgres.

die() { echo "$(basename "$0"): $*" >&2; exit 1; }

need() {
  command -v "$1" >/dev/null 2>&1 \
    || die "需要 $1 (needs $1): apt-get install postgresql-client (its major version must be >= the server's)"
}

connect() {
  KAOWU_DATA=${KAOWU_DATA:-./data}
  if [ -n "${PGHOST:-}" ] || [ -n "${PGPORT:-}" ]; then
    DB_SOURCE="PG* environment"
  elif [ -n "${SPRING_DATASOURCE_URL:-}" ]; then
    local url=${SPRING_DATASOURCE_URL#jdbc:postgresql://}
    [ "$url" != "$SPRING_DATASOURCE_URL" ] || die "SPRING_DATASOURCE_URL is not jdbc:postgresql://…: $SPRING_DATASOURCE_URL"
    url=${url%%\?*}
    local hostport=${url%%/*}
    export PGDATABASE=${url#*/}
    export PGHOST=${hostport%%:*}
    if [ "$hostport" != "$PGHOST" ]; then export PGPORT=${hostport#*:}; fi
    [ -n "${SPRING_DATASOURCE_USERNAME:-}" ] && export PGUSER=$SPRING_DATASOURCE_USERNAME
    [ -n "${SPRING_DATASOURCE_PASSWORD:-}" ] && export PGPASSWORD=$SPRING_DATASOURCE_PASSWORD
    DB_SOURCE="SPRING_DATASOURCE_URL"
  else
    local pid="$KAOWU_DATA/platform/postmaster.pid"
    [ -f "$pid" ] || die "没有数据库连接 (no database): set PGHOST/PGPORT or SPRING_DATASOURCE_URL, or start the platform (no $pid)"
    export PGHOST=localhost PGPORT; PGPORT=$(sed -n 4p "$pid")
    export PGUSER=${PGUSER:-postgres} PGDATABASE=${PGDATABASE:-postgres}
    DB_SOURCE="embedded server of $KAOWU_DATA/platform"
  fi
  echo "$(basename "$0"): database ${PGDATABASE:-?} at ${PGHOST:-local}:${PGPORT:-5432} (from $DB_SOURCE)" >&2
}
