/**
 * Exam delivery (DOMAIN.md §10, issue 6), platform side: exam-site servers enrol with a one-time token from their
 * college; the ORG builds the encrypted packages of a plan's published schedule (per site and subject slot:
 * candidates with photos, the slot's item pool from the question bank, one paper per candidate drawn by the
 * blueprint); an enrolled site lists and downloads its packages with requests it signs with its SM2 key, and gets a
 * package's release key from 30 minutes before the slot ({@code ReleasePolicy}); the ORG can read out the one-time
 * emergency code of a package by phone. Every enrolment, build and release is audited. Formats and keys: the
 * {@code exam-package} library.
 */
@org.jspecify.annotations.NullMarked
package cn.kaowu.platform.delivery;
