/**
 * Results back (DOMAIN.md §10, issue 6 item 4), platform side: an exam-site server uploads a signed, hash-chained
 * result package in chunks (resumable, idempotent); the platform verifies signature, chain and sequence (no replay)
 * and takes the candidates in. The ORG sees the intake per package (uploaded within 10 minutes of the slot's end,
 * late, missing) and per candidate registered → signed in → submitted → uploaded with the objective score, every gap
 * flagged. Depends on {@code delivery} for the site's signed requests and the packages it built.
 */
@org.jspecify.annotations.NullMarked
package cn.kaowu.platform.result;
