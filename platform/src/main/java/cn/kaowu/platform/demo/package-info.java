/**
 * Demo data: with the {@code demo} profile the platform loads a small coherent world (a province, a city,
 * the three ORGs of the seeds with their certificates, three colleges, one account per role). Idempotent.
 */
package cn.kaowu.platform.demo;
