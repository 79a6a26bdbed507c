/**
 * Infrastructure: the database (embedded PostgreSQL when no URL is configured) and, with
 * {@code kaowu.datasource.replica.url}, the routing of safe requests' read-only transactions to a streaming replica
 * with read-your-writes ({@link cn.kaowu.platform.infra.ReadYourWrites}).
 */
package cn.kaowu.platform.infra;
