/**
 * Infrastructure: the database (embedded PostgreSQL when no URL is configured); with
 * {@code kaowu.datasource.replica.url}, the routing of safe requests' read-only transactions to a streaming replica
 * with read-your-writes ({@link cn.kaowu.platform.infra.ReadYourWrites}); the request id of every HTTP request in the
 * logs and the response ({@link cn.kaowu.platform.infra.RequestIdFilter}). Operations (health, metrics, JSON logs,
 * backup) are described in {@code docs/operations.md}.
 */
package cn.kaowu.platform.infra;
