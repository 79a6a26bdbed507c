/**
 * Personal data (PIPL; issue 10 part 3): the candidate's right of access (§45) — everything the platform holds about
 * one candidate as a zip (profile with full values, registrations, scores, certificates, audit entries about them,
 * photo), exported by the college's exam office and audited ({@code personal-data.exported}). The sealing of ID and
 * phone numbers and files itself is {@link cn.kaowu.platform.kernel.PersonalData}, used by each owning module; the
 * rules are in {@code docs/privacy.md}.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "kernel", "candidate", "enrollment", "score",
		"certificate", "audit", "catalog" })
package cn.kaowu.platform.privacy;
