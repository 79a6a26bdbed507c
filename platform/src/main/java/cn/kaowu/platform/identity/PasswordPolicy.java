package cn.kaowu.platform.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The password rules: at least {@value #MIN_LENGTH} characters, at least {@value #MIN_CLASSES} of the four
 * character classes (upper case, lower case, digit, other), not a commonly used password, not containing
 * the user name.
 */
public final class PasswordPolicy {

	public static final int MIN_LENGTH = 8;

	public static final int MAX_LENGTH = 64;

	public static final int MIN_CLASSES = 3;

	private final Set<String> common;

	public PasswordPolicy(Set<String> commonPasswords) {
		this.common = Set.copyOf(commonPasswords);
	}

	/** The policy with the bundled list of common passwords. */
	public static PasswordPolicy standard() {
		Set<String> words = new HashSet<>();
		try (var in = Objects.requireNonNull(PasswordPolicy.class.getResourceAsStream("common-passwords.txt"));
				var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			reader.lines()
				.map(String::trim)
				.filter(l -> !l.isEmpty() && !l.startsWith("#"))
				.forEach(l -> words.add(l.toLowerCase(Locale.ROOT)));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return new PasswordPolicy(words);
	}

	/** Message keys of every broken rule; empty when the password is acceptable. */
	public List<String> violations(String password, String username) {
		List<String> problems = new ArrayList<>();
		if (password.length() < MIN_LENGTH) {
			problems.add("password.tooShort");
		}
		if (password.length() > MAX_LENGTH) {
			problems.add("password.tooLong");
		}
		if (characterClasses(password) < MIN_CLASSES) {
			problems.add("password.classes");
		}
		if (common.contains(password.toLowerCase(Locale.ROOT))) {
			problems.add("password.common");
		}
		// User names have at least 4 characters; shorter ones (none in practice) would forbid too much.
		if (username.length() >= 4 && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
			problems.add("password.containsUsername");
		}
		return problems;
	}

	static int characterClasses(String password) {
		boolean upper = false, lower = false, digit = false, other = false;
		for (int i = 0; i < password.length(); i++) {
			char c = password.charAt(i);
			if (c >= 'A' && c <= 'Z') {
				upper = true;
			}
			else if (c >= 'a' && c <= 'z') {
				lower = true;
			}
			else if (c >= '0' && c <= '9') {
				digit = true;
			}
			else {
				other = true;
			}
		}
		return (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
	}
}
