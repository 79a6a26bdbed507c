package cn.kaowu.platform.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

import cn.kaowu.exampackage.Sm3;
import cn.kaowu.platform.kernel.InvalidInputProblem;
import cn.kaowu.platform.kernel.NotFoundProblem;
import cn.kaowu.platform.kernel.PersonalData;
import cn.kaowu.platform.kernel.Scope;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Checks uploads and stores files. Bytes are written before the metadata row is inserted in the caller's
 * transaction: if that transaction rolls back, an orphan blob may remain (harmless, never referenced),
 * but a row never points at a missing file.
 */
@Service
public class FileStorage {

	static final int MAX_NAME_LENGTH = 120;

	private final JdbcClient jdbc;

	private final BlobStore blobs;

	private final Clock clock;

	private final PersonalData personalData;

	FileStorage(JdbcClient jdbc, BlobStore blobs, Clock clock, PersonalData personalData) {
		this.jdbc = jdbc;
		this.blobs = blobs;
		this.clock = clock;
		this.personalData = personalData;
	}

	/**
	 * Checks an upload against the rules; the message names the field, the file and what is wrong.
	 *
	 * @return the type recognised from the content
	 */
	public static FileType check(String field, String originalName, byte[] content, UploadRules rules) {
		String name = safeName(originalName);
		if (content.length == 0) {
			throw new InvalidInputProblem(field, "upload.empty", name);
		}
		if (content.length > rules.maxBytes()) {
			throw new InvalidInputProblem(field, "upload.tooLarge", name,
					String.format("%.1f", content.length / (double) UploadRules.MB), rules.maxBytes() / UploadRules.MB);
		}
		FileType type = FileType.detect(Arrays.copyOf(content, Math.min(content.length, 16)))
			.filter(rules.types()::contains)
			.orElseThrow(() -> new InvalidInputProblem(field, "upload.wrongType", name, rules.typeList()));
		return type;
	}

	/** Checks and stores an uploaded multipart file. */
	@Transactional
	public StoredFile store(Scope scope, String category, String field, MultipartFile file, UploadRules rules) {
		try {
			return store(scope, category, field, String.valueOf(file.getOriginalFilename()), file.getBytes(), rules);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Transactional
	public StoredFile store(Scope scope, String category, String field, String originalName, byte[] content,
			UploadRules rules) {
		FileType type = check(field, originalName, content, rules);
		return save(scope, category, safeName(originalName), type.contentType(), content);
	}

	/** Stores a file the platform generated itself (PDFs, exports); no upload rules apply. */
	@Transactional
	public StoredFile saveGenerated(Scope scope, String category, String name, String contentType, byte[] content) {
		return save(scope, category, safeName(name), contentType, content);
	}

	/** Stores a large file the platform produced (a verified result package) without reading it into memory. */
	@Transactional
	public StoredFile saveGenerated(Scope scope, String category, String name, String contentType, Path content) {
		UUID id = UUID.randomUUID();
		blobs.put(id, content);
		long size;
		try {
			size = Files.size(content);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return record(scope, id, category, safeName(name), contentType, size, Sm3.hex(content));
	}

	/**
	 * Files held in memory — uploads (photos, scans, attachments), import inputs, failed-row reports, generated
	 * PDFs — are sealed at rest under the personal-data file key (issue 10 part 3): nothing in the blob store is a
	 * readable image or spreadsheet. Large files written from a path (verified result packages, signed and already
	 * protected by their own format) are stored as they are.
	 */
	private StoredFile save(Scope scope, String category, String name, String contentType, byte[] content) {
		UUID id = UUID.randomUUID();
		blobs.put(id, personalData.sealFile(content));
		return record(scope, id, category, name, contentType, content.length, Sm3.hex(content));
	}

	private StoredFile record(Scope scope, UUID id, String category, String name, String contentType, long size,
			String sm3) {
		Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
		StoredFile file = new StoredFile(id, category, name, contentType, size, sm3, scope.organisationId(), now);
		jdbc.sql("""
				INSERT INTO stored_file (id, category, original_name, content_type, size_bytes, sm3, organisation_id,
				  created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, category, name, contentType, size, file.sm3(), scope.organisationId(), scope.accountId(),
					Timestamp.from(now))
			.update();
		return file;
	}

	@Transactional(readOnly = true)
	public Optional<StoredFile> find(UUID id) {
		return jdbc.sql("SELECT * FROM stored_file WHERE id = ?").param(id).query(MAPPER).optional();
	}

	/** The file's bytes; the caller has checked that the scope may see the record referencing it. */
	public byte[] read(UUID id) {
		return personalData.openFile(blobs.get(id).orElseThrow(() -> new NotFoundProblem("文件", id)));
	}

	/**
	 * The file's content as a stream, for large files (result packages) that should not be held in memory; the
	 * caller closes it, and has checked that the scope may see the record referencing it.
	 */
	public InputStream open(UUID id) {
		InputStream in = new java.io.BufferedInputStream(blobs.open(id).orElseThrow(() -> new NotFoundProblem("文件", id)));
		try {
			in.mark(8);
			byte[] head = in.readNBytes(8);
			in.reset();
			if (PersonalData.isSealedFile(head)) {
				try (in) {
					return new java.io.ByteArrayInputStream(personalData.openFile(in.readAllBytes()));
				}
			}
			return in;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * A name safe to store and to send back in a Content-Disposition header: no directories, no control
	 * characters, at most {@value #MAX_NAME_LENGTH} characters.
	 */
	public static String safeName(@Nullable String originalName) {
		String name = originalName == null ? "" : originalName;
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		name = name.replaceAll("[\\p{Cntrl}\"<>|:*?]", "_").trim();
		if (name.isEmpty() || name.equals(".") || name.equals("..")) {
			name = "file";
		}
		return name.length() > MAX_NAME_LENGTH ? name.substring(name.length() - MAX_NAME_LENGTH) : name;
	}

	private static final RowMapper<StoredFile> MAPPER = (rs, n) -> new StoredFile(rs.getObject("id", UUID.class),
			rs.getString("category"), rs.getString("original_name"), rs.getString("content_type"),
			rs.getLong("size_bytes"), rs.getString("sm3"), (Long) rs.getObject("organisation_id"),
			rs.getTimestamp("created_at").toInstant());
}
