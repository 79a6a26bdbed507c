package cn.kaowu.exampackage;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Writes one exam package as a stream (format: {@link ExamPackageReader}); only the record being added is in
 * memory, so packages of hundreds of MB of photos are written with a constant footprint.
 *
 * <pre>{@code
 * var writer = ExamPackageWriter.start(out, manifest, releaseKey, sitePublicKey, platformSigningKey);
 * candidates.forEach(writer::addCandidate);
 * items.forEach(writer::addItem);
 * papers.forEach(writer::addPaper);
 * writer.finish();
 * }</pre>
 *
 * Not thread-safe. The caller closes {@code out}; a package without {@link #finish()} has no signature and
 * every reader refuses it.
 */
public final class ExamPackageWriter {

    static final byte[] MAGIC = "KWEXPKG1".getBytes(StandardCharsets.US_ASCII);
    static final int CANDIDATE = 1;
    static final int ITEM = 2;
    static final int PAPER = 3;
    static final int END = 9;
    private static final String CONTENT_KEY_LABEL = "kaowu/content-key/v1\0";
    private static final String RECORD_LABEL = "kaowu/record/v1\0";

    private final SignedContainer.Writer container;
    private final String packageId;
    private final byte[] contentKey;
    private final Set<String> tickets = new HashSet<>();
    private final Set<String> itemIds = new HashSet<>();
    private final Set<String> papers = new HashSet<>();
    private long index;
    private boolean finished;

    private ExamPackageWriter(OutputStream out, ExamPackageManifest manifest, byte[] releaseKey, PublicKey siteKey,
            PrivateKey signingKey, int kdfIterations) {
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(releaseKey, "releaseKey");
        Sm2Keys.requireSm2(siteKey);
        this.packageId = manifest.packageId();
        this.contentKey = Sm4Gcm.generateKey();
        byte[] wrappedContentKey = Sm2Cipher.encrypt(siteKey,
                Sm4Gcm.encrypt(releaseKey, contentKey, contentKeyLabel(packageId)));
        byte[] salt = new byte[EmergencyCode.SALT_LENGTH];
        BouncyCastle.RANDOM.nextBytes(salt);
        byte[] emergencySlot = Sm2Cipher.encrypt(siteKey,
                EmergencyCode.seal(releaseKey, packageId, salt, kdfIterations));
        Binary.Out header = new Binary.Out();
        manifest.writeTo(header);
        header.bytes(wrappedContentKey).i32(kdfIterations).bytes(salt).bytes(emergencySlot);
        this.container = new SignedContainer.Writer(out, MAGIC, signingKey, header.toByteArray());
    }

    /**
     * Starts a package and writes its header.
     *
     * @param releaseKey the package's release key (16 bytes, {@link #generateReleaseKey()}); the platform keeps it
     *        and hands it to the site from T-30 ({@link ReleasePolicy})
     * @param sitePublicKey the SM2 public key the site registered
     * @param platformSigningKey the platform's SM2 signing key
     */
    public static ExamPackageWriter start(OutputStream out, ExamPackageManifest manifest, byte[] releaseKey,
            PublicKey sitePublicKey, PrivateKey platformSigningKey) {
        return new ExamPackageWriter(out, manifest, releaseKey, sitePublicKey, platformSigningKey,
                EmergencyCode.ITERATIONS);
    }

    /** A lower work factor keeps the test suite fast; production packages always use the constant. */
    static ExamPackageWriter start(OutputStream out, ExamPackageManifest manifest, byte[] releaseKey,
            PublicKey sitePublicKey, PrivateKey platformSigningKey, int kdfIterations) {
        return new ExamPackageWriter(out, manifest, releaseKey, sitePublicKey, platformSigningKey, kdfIterations);
    }

    /** A fresh release key (SM4, 128 bits); one per package. */
    public static byte[] generateReleaseKey() {
        return Sm4Gcm.generateKey();
    }

    public void addCandidate(PackageCandidate candidate) {
        if (!tickets.add(candidate.ticketNumber())) {
            throw new IllegalArgumentException("candidate " + candidate.ticketNumber() + " added twice");
        }
        write(CANDIDATE, candidate.encode());
    }

    public void addItem(PoolItem item) {
        if (!itemIds.add(item.itemId())) {
            throw new IllegalArgumentException("item " + item.itemId() + " added twice");
        }
        write(ITEM, item.encode());
    }

    public void addPaper(PaperSpec paper) {
        if (!papers.add(paper.ticketNumber())) {
            throw new IllegalArgumentException("paper of " + paper.ticketNumber() + " added twice");
        }
        write(PAPER, paper.encode());
    }

    /** Writes the counts and the signature. */
    public void finish() {
        write(END, new Binary.Out().i32(tickets.size()).i32(itemIds.size()).i32(papers.size()).toByteArray());
        container.finish();
        finished = true;
    }

    private void write(int type, byte[] plain) {
        if (finished) {
            throw new IllegalStateException("package already finished");
        }
        container.record(type, Sm4Gcm.encrypt(contentKey, plain, recordLabel(packageId, index++, type)));
    }

    static byte[] contentKeyLabel(String packageId) {
        return (CONTENT_KEY_LABEL + packageId).getBytes(StandardCharsets.UTF_8);
    }

    /** Binds each record to its package, position and type, so records cannot be moved between or within packages. */
    static byte[] recordLabel(String packageId, long index, int type) {
        return new Binary.Out().string(RECORD_LABEL + packageId).i64(index).u8(type).toByteArray();
    }
}
