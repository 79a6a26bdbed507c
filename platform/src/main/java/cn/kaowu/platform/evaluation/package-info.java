/**
 * Biennial site evaluation (002 ch.6): the ORG opens a round for a certificate's sites, each site submits
 * its report and next-period plan by the deadline, the ORG rates it (pass, warning, suspension,
 * rectification by a deadline, revocation reported to the province). Suspension and revocation change the
 * site's operating status through the site module.
 */
package cn.kaowu.platform.evaluation;
