/**
 * Audit trail: every state change (who, when, what, from/to) in an append-only table whose entries are
 * chained with SM3 so that a changed or deleted entry is detected.
 */
package cn.kaowu.platform.audit;
