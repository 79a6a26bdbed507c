/**
 * Background jobs (imports, scheduling runs, PDF batches, certificate generation): one table, one runner.
 * A job is submitted with its input, picked up by any node ({@code FOR UPDATE SKIP LOCKED}), reports progress
 * that pages follow live (SSE), and ends SUCCEEDED or FAILED with a message and optional result/report files.
 * A job left RUNNING by a crashed node is marked FAILED at the next start ("never half-applied" is the
 * handler's duty: it applies its changes in one transaction or idempotently).
 */
package cn.kaowu.platform.job;
