package cn.kaowu.exampackage;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads an exam package written by {@link ExamPackageWriter}. {@link #verify} checks the platform's signature
 * over the whole file before anything else; nothing is decrypted or even parsed before that.
 *
 * <p>Format ({@code KWEXPKG1}, inside the signed container of {@code SignedContainer}):
 * <pre>
 * header   manifest (format version, package id, plan id, site code, plan subject id, slot start/end, created at)
 *          wrapped content key = SM2(site public key, SM4-GCM(release key, content key, aad "kaowu/content-key/v1" + id))
 *          KDF iterations, emergency salt (16 bytes)
 *          emergency slot = SM2(site public key, SM4-GCM(PBKDF2-HMAC-SM3(code), release key, aad))
 * records  type 1 candidate, 2 item, 3 paper spec, 9 end (counts), each SM4-GCM(content key, record,
 *          aad = package id + record index + type), so records cannot be moved, dropped or swapped
 * </pre>
 */
public final class ExamPackageReader {

    private static final String ZH = "考试包";
    private static final String EN = "exam package";

    private final SignedContainer.Verified container;
    private final ExamPackageManifest manifest;
    private final byte[] wrappedContentKey;
    private final int kdfIterations;
    private final byte[] emergencySalt;
    private final byte[] emergencySlot;

    private ExamPackageReader(SignedContainer.Verified container) {
        this.container = container;
        Binary.In in = new Binary.In(container.header(), "考试包头", "exam package header");
        this.manifest = ExamPackageManifest.readFrom(in);
        this.wrappedContentKey = in.bytes();
        this.kdfIterations = in.i32();
        this.emergencySalt = in.bytes();
        this.emergencySlot = in.bytes();
        in.end();
        if (kdfIterations < 1) {
            throw in.malformed();
        }
    }

    /**
     * Verifies the platform's signature over the whole file and reads the manifest.
     *
     * @throws CryptoException when the file was altered in any byte, truncated, or signed by another key
     */
    public static ExamPackageReader verify(Path file, PublicKey platformPublicKey) {
        return new ExamPackageReader(SignedContainer.verify(file, ExamPackageWriter.MAGIC, platformPublicKey, ZH, EN));
    }

    public ExamPackageManifest manifest() {
        return manifest;
    }

    /**
     * The release key recovered with the emergency code read out by the platform, for when the site cannot
     * fetch it; then {@link #read} as usual.
     *
     * @throws CryptoException for a mistyped code (check digit), a wrong code, the code of another package, or
     *         another site's private key
     */
    public byte[] releaseKeyFromEmergencyCode(PrivateKey sitePrivateKey, String emergencyCode) {
        String digits = EmergencyCode.normalise(emergencyCode);
        byte[] slot = Sm2Cipher.decrypt(sitePrivateKey, emergencySlot);
        return EmergencyCode.open(slot, digits, manifest.packageId(), emergencySalt, kdfIterations);
    }

    /**
     * Decrypts the records one by one and hands them to {@code visitor} in file order.
     *
     * @throws CryptoException for another site's private key, a wrong release key, or a file changed since
     *         {@link #verify} (detected at the latest after the last record)
     */
    public void read(PrivateKey sitePrivateKey, byte[] releaseKey, ExamPackageVisitor visitor) {
        Objects.requireNonNull(visitor, "visitor");
        String packageId = manifest.packageId();
        byte[] contentKey = contentKey(sitePrivateKey, releaseKey);
        long[] index = {0};
        int[] counts = new int[3];
        boolean[] ended = {false};
        container.read((type, data) -> {
            if (ended[0]) {
                throw SignedContainer.malformed(ZH, EN);
            }
            byte[] plain = Sm4Gcm.decrypt(contentKey, data,
                    ExamPackageWriter.recordLabel(packageId, index[0]++, type));
            switch (type) {
                case ExamPackageWriter.CANDIDATE -> {
                    counts[0]++;
                    visitor.candidate(PackageCandidate.decode(plain));
                }
                case ExamPackageWriter.ITEM -> {
                    counts[1]++;
                    visitor.item(PoolItem.decode(plain));
                }
                case ExamPackageWriter.PAPER -> {
                    counts[2]++;
                    visitor.paper(PaperSpec.decode(plain));
                }
                case ExamPackageWriter.END -> {
                    Binary.In in = new Binary.In(plain, "考试包尾", "exam package end record");
                    if (in.i32() != counts[0] || in.i32() != counts[1] || in.i32() != counts[2]) {
                        throw in.malformed();
                    }
                    in.end();
                    ended[0] = true;
                }
                default -> throw SignedContainer.malformed(ZH, EN);
            }
        });
        if (!ended[0]) {
            throw SignedContainer.malformed(ZH, EN);
        }
    }

    /** {@link #read} into memory, checking that every paper's items are in the pool. */
    public ExamPackageContents readAll(PrivateKey sitePrivateKey, byte[] releaseKey) {
        List<PackageCandidate> candidates = new ArrayList<>();
        Map<String, PoolItem> items = new LinkedHashMap<>();
        Map<String, PaperSpec> papers = new LinkedHashMap<>();
        read(sitePrivateKey, releaseKey, new ExamPackageVisitor() {
            @Override
            public void candidate(PackageCandidate candidate) {
                candidates.add(candidate);
            }

            @Override
            public void item(PoolItem item) {
                items.put(item.itemId(), item);
            }

            @Override
            public void paper(PaperSpec paper) {
                papers.put(paper.ticketNumber(), paper);
            }
        });
        for (PaperSpec paper : papers.values()) {
            for (PaperSpec.Section section : paper.sections()) {
                for (String itemId : section.itemIds()) {
                    if (!items.containsKey(itemId)) {
                        throw new CryptoException("考生 " + paper.ticketNumber() + " 的试卷引用了包中没有的题目 " + itemId
                                + " (paper of " + paper.ticketNumber() + " names item " + itemId
                                + " that is not in the package)");
                    }
                }
            }
        }
        return new ExamPackageContents(manifest, candidates, items, papers);
    }

    private byte[] contentKey(PrivateKey sitePrivateKey, byte[] releaseKey) {
        Objects.requireNonNull(releaseKey, "releaseKey");
        byte[] sealed = Sm2Cipher.decrypt(sitePrivateKey, wrappedContentKey);
        try {
            return Sm4Gcm.decrypt(releaseKey, sealed, ExamPackageWriter.contentKeyLabel(manifest.packageId()));
        } catch (CryptoException e) {
            throw new CryptoException("发布密钥错误或不属于此考试包 (wrong release key, or the key of another package)", e);
        }
    }
}
