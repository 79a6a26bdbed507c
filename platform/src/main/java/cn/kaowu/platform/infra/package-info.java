/** Infrastructure: the database (embedded PostgreSQL when no URL is configured). */
package cn.kaowu.platform.infra;
