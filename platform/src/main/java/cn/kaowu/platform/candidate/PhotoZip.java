package cn.kaowu.platform.candidate;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import cn.kaowu.platform.kernel.InvalidInputProblem;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.jspecify.annotations.Nullable;

/**
 * Reads a photo zip defensively. Before anything is inflated, from the central directory: at most
 * {@value #MAX_ENTRIES} entries, declared uncompressed sizes summing to at most 2 GB, no entry with an unknown size,
 * no path that is absolute or climbs out ({@code ..}), no symbolic link (unix mode in the central directory); any of
 * these refuses the whole zip. While inflating, the
 * actual bytes are counted: a file is read up to its limit + 1 byte only (a lying header cannot make it larger)
 * and the total may not pass 2 GB either. Nested archives and non-image names are reported per file and never
 * inflated.
 */
final class PhotoZip {

	static final int MAX_ENTRIES = 60_000;

	static final long MAX_TOTAL = 2L * 1024 * 1024 * 1024;

	private PhotoZip() {
	}

	/** One file of the zip: its name, and either its bytes or why it was not read. */
	record Entry(String path, String fileName, byte @Nullable [] content, @Nullable String problemKey) {
	}

	static void read(String fileName, byte[] zipBytes, long maxFileBytes, Consumer<Entry> each) {
		try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(zipBytes)).get()) {
			List<ZipArchiveEntry> entries = new ArrayList<>();
			long declared = 0;
			for (ZipArchiveEntry e : Collections.list(zip.getEntries())) {
				entries.add(e);
				if (entries.size() > MAX_ENTRIES) {
					throw new InvalidInputProblem("file", "candidate.zip.tooManyEntries", fileName, MAX_ENTRIES);
				}
				String path = e.getName();
				if (unsafe(path)) {
					throw new InvalidInputProblem("file", "candidate.zip.traversal", fileName, path);
				}
				if (e.isUnixSymlink()) {
					throw new InvalidInputProblem("file", "candidate.zip.link", fileName, path);
				}
				if (!e.isDirectory()) {
					if (e.getSize() < 0) {
						throw new InvalidInputProblem("file", "candidate.zip.unknownSize", fileName, path);
					}
					declared += e.getSize();
					if (declared > MAX_TOTAL) {
						throw new InvalidInputProblem("file", "candidate.zip.tooLarge", fileName);
					}
				}
			}
			long actual = 0;
			for (ZipArchiveEntry e : entries) {
				String path = e.getName();
				if (e.isDirectory() || path.startsWith("__MACOSX/") || baseName(path).startsWith(".")) {
					continue;
				}
				String name = baseName(path);
				String lower = name.toLowerCase(Locale.ROOT);
				if (lower.matches(".*\\.(zip|rar|7z|gz|tgz|tar|bz2|xz|jar)")) {
					each.accept(new Entry(path, name, null, "candidate.photo.nested"));
					continue;
				}
				if (!lower.matches(".*\\.(jpg|jpeg|png)")) {
					each.accept(new Entry(path, name, null, "candidate.photo.notImage"));
					continue;
				}
				if (e.getSize() > maxFileBytes) {
					each.accept(new Entry(path, name, null, "candidate.photo.tooLarge"));
					continue;
				}
				byte[] content;
				try (InputStream in = zip.getInputStream(e)) {
					content = in.readNBytes((int) maxFileBytes + 1);
				}
				actual += content.length;
				if (actual > MAX_TOTAL) {
					throw new InvalidInputProblem("file", "candidate.zip.tooLarge", fileName);
				}
				if (content.length > maxFileBytes) {
					each.accept(new Entry(path, name, null, "candidate.photo.tooLarge"));
					continue;
				}
				if (content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4) {
					each.accept(new Entry(path, name, null, "candidate.photo.nested"));
					continue;
				}
				each.accept(new Entry(path, name, content, null));
			}
		}
		catch (IOException e) {
			throw new InvalidInputProblem("file", "candidate.zip.unreadable", fileName);
		}
	}

	static boolean unsafe(String path) {
		String p = path.replace('\\', '/');
		if (p.startsWith("/") || p.matches("^[A-Za-z]:.*") || p.indexOf('\0') >= 0) {
			return true;
		}
		for (String part : p.split("/")) {
			if (part.equals("..")) {
				return true;
			}
		}
		return false;
	}

	static String baseName(String path) {
		String p = path.replace('\\', '/');
		return p.substring(p.lastIndexOf('/') + 1);
	}
}
