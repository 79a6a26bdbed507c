package cn.kaowu.platform.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.kaowu.platform.kernel.Role;

/**
 * The access-control rules of every endpoint, read from {@code access-rules.tsv} (test resources): one line per
 * {@code METHOD PATTERN WHO SCOPE}, tab-separated, {@code #} comments. WHO is {@code public} (anyone, also without a
 * login), {@code any} (every logged-in role), {@code none} (no caller) or a comma-separated list of {@link Role}
 * names. SCOPE is {@code own} (path ids must belong to the caller's organisation, province or city: another's
 * answers like a missing id), {@code any} (path ids are shared data every allowed role may read, such as the catalog
 * or a published plan), {@code own:ROLE,ROLE} (own for these roles, shared for the other allowed ones: a plan is the
 * ORG's own but every college may read it) or {@code -} (no path variable that names an owned object). The platform
 * ADMIN sees every organisation and is never checked for foreign ids.
 */
record AccessRules(Map<String, Rule> byEndpoint) {

	static final String FILE = "/access-rules.tsv";

	enum Scoping {
		OWN, ANY, NONE
	}

	/**
	 * One endpoint's rule; {@code roles} is empty for {@code public} together with {@code open}; {@code scoped}: the
	 * roles whose path ids must be their own.
	 */
	record Rule(String method, String pattern, boolean open, Set<Role> roles, Scoping scoping, Set<Role> scoped) {

		String key() {
			return key(method, pattern);
		}

		static String key(String method, String pattern) {
			return method + " " + pattern;
		}

		/** Whether this caller ({@code null}: not logged in) may call the endpoint. */
		boolean allows(Role role) {
			return open || (role != null && roles.contains(role));
		}
	}

	static AccessRules load() {
		try (InputStream in = AccessRules.class.getResourceAsStream(FILE)) {
			if (in == null) {
				throw new IllegalStateException(FILE + " is missing");
			}
			return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static AccessRules parse(String text) {
		Map<String, Rule> rules = new LinkedHashMap<>();
		List<String> errors = new ArrayList<>();
		int n = 0;
		for (String line : text.split("\n")) {
			n++;
			String trimmed = line.strip();
			if (trimmed.isEmpty() || trimmed.startsWith("#")) {
				continue;
			}
			String[] f = trimmed.split("\t+");
			if (f.length != 4) {
				errors.add("line " + n + ": expected 4 tab-separated fields: " + line);
				continue;
			}
			boolean open = f[2].equals("public");
			Set<Role> roles = EnumSet.noneOf(Role.class);
			if (f[2].equals("any")) {
				roles = EnumSet.allOf(Role.class);
			}
			else if (!open && !f[2].equals("none")) {
				for (String r : f[2].split(",")) {
					roles.add(Role.valueOf(r.strip()));
				}
			}
			Set<Role> scoped = EnumSet.noneOf(Role.class);
			Scoping scoping;
			if (f[3].equals("own")) {
				scoping = Scoping.OWN;
				scoped = EnumSet.allOf(Role.class);
			}
			else if (f[3].startsWith("own:")) {
				scoping = Scoping.OWN;
				for (String r : f[3].substring(4).split(",")) {
					scoped.add(Role.valueOf(r.strip()));
				}
			}
			else if (f[3].equals("any")) {
				scoping = Scoping.ANY;
			}
			else if (f[3].equals("-")) {
				scoping = Scoping.NONE;
			}
			else {
				throw new IllegalArgumentException("line " + n + ": scope must be own, own:ROLES, any or -: " + f[3]);
			}
			Rule rule = new Rule(f[0], f[1], open, roles, scoping, scoped);
			if (rules.put(rule.key(), rule) != null) {
				errors.add("line " + n + ": a second rule for " + rule.key());
			}
		}
		if (!errors.isEmpty()) {
			throw new IllegalStateException(String.join("\n", errors));
		}
		return new AccessRules(rules);
	}

	/** The line for a rule, as written in the file (to paste observed rules in). */
	static String line(String method, String pattern, boolean open, Set<Role> roles, Scoping scoping,
			Set<Role> leaked) {
		String who = open ? "public"
				: roles.equals(EnumSet.allOf(Role.class)) ? "any"
						: String.join(",", roles.stream().map(Role::name).toList());
		Set<Role> scoped = EnumSet.noneOf(Role.class);
		roles.stream().filter(r -> r != Role.ADMIN && !leaked.contains(r)).forEach(scoped::add);
		String scope = switch (scoping) {
			case OWN -> leaked.isEmpty() ? "own"
					: scoped.isEmpty() ? "any" : "own:" + String.join(",", scoped.stream().map(Role::name).toList());
			case ANY -> "any";
			case NONE -> "-";
		};
		return method + "\t" + pattern + "\t" + (who.isEmpty() ? "none" : who) + "\t" + scope;
	}
}
