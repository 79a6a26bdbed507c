package cn.kaowu.examsite.pkg;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PublicKey;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import cn.kaowu.exampackage.CryptoException;
import cn.kaowu.exampackage.ExamPackageContents;
import cn.kaowu.exampackage.ExamPackageManifest;
import cn.kaowu.exampackage.ExamPackageReader;
import cn.kaowu.exampackage.ExtensionApproval;
import cn.kaowu.exampackage.ItemPayload;
import cn.kaowu.exampackage.ItemShape;
import cn.kaowu.exampackage.PackageCandidate;
import cn.kaowu.exampackage.Paper;
import cn.kaowu.exampackage.PaperBuilder;
import cn.kaowu.exampackage.PaperSpec;
import cn.kaowu.exampackage.PoolItem;
import cn.kaowu.exampackage.ReleasePolicy;
import cn.kaowu.exampackage.SubjectKind;
import cn.kaowu.examsite.Refusal;
import cn.kaowu.examsite.infra.SiteDataDir;
import cn.kaowu.examsite.setup.SiteKeys;
import cn.kaowu.examsite.setup.SiteSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imported exam packages: import verifies the platform's signature and the site code and keeps the file;
 * opening decrypts it with the release key (or the emergency code) inside the release window, and stores the
 * candidates with photos and each candidate's paper (built once with {@link PaperBuilder}, which is seeded by
 * package and ticket, so a rebuild would give the identical paper).
 */
@Component
public class ExamPackages {

    private static final Logger log = LoggerFactory.getLogger(ExamPackages.class);
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SiteKeys keys;
    private final SiteSettings settings;
    private final Path packageDir;
    private final JsonMapper json;
    private final Map<String, Map<String, ItemPayload>> itemCache = new ConcurrentHashMap<>();

    ExamPackages(JdbcClient jdbc, Clock clock, SiteKeys keys, SiteSettings settings, SiteDataDir dataDir,
            JsonMapper json) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.keys = keys;
        this.settings = settings;
        this.packageDir = dataDir.directory("packages");
        this.json = json;
    }

    /**
     * Verifies an uploaded package and keeps it.
     *
     * @throws Refusal when the site is not set up, the signature does not verify, the package is for another
     *         site, or it was imported before
     */
    public PackageSummary importPackage(InputStream upload) {
        PublicKey platformKey = settings.platformPublicKey()
                .orElseThrow(() -> new Refusal("请先在站点设置中填写站点代码和平台公钥"));
        String siteCode = settings.siteCode().orElseThrow();
        Path temp = packageDir.resolve("upload-" + UUID.randomUUID() + ".part");
        try {
            Files.copy(upload, temp);
            ExamPackageManifest manifest;
            try {
                manifest = ExamPackageReader.verify(temp, platformKey).manifest();
            } catch (CryptoException e) {
                throw new Refusal("考试包校验失败，文件可能已损坏或被篡改，或不是本平台签发：" + e.getMessage(), e);
            }
            if (!manifest.siteCode().equals(siteCode)) {
                throw new Refusal("该考试包属于站点 " + manifest.siteCode() + "，本站点代码为 " + siteCode);
            }
            if (find(manifest.packageId()).isPresent()) {
                throw new Refusal("考试包 " + manifest.packageId() + " 已导入过");
            }
            String fileName = manifest.packageId() + ".kwpkg";
            Files.move(temp, packageDir.resolve(fileName), StandardCopyOption.ATOMIC_MOVE);
            jdbc.sql("""
                    insert into exam_package (package_id, plan_id, site_code, plan_subject_id, subject_name,
                                              subject_kind, slot_start, slot_end, file_name, imported_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(manifest.packageId(), manifest.planId(), manifest.siteCode(), manifest.planSubjectId(),
                            manifest.subjectName(), manifest.subjectKind().name(),
                            Timestamp.from(manifest.slotStart()), Timestamp.from(manifest.slotEnd()), fileName,
                            Timestamp.from(clock.instant()))
                    .update();
            log.info("Imported exam package {} (slot {} – {})", manifest.packageId(), manifest.slotStart(),
                    manifest.slotEnd());
            return get(manifest.packageId());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the uploaded package", e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                log.warn("cannot delete {}", temp, e);
            }
        }
    }

    /** Opens with the release key, pasted as base64. */
    @Transactional
    public PackageSummary openWithReleaseKey(String packageId, String releaseKeyBase64) {
        byte[] releaseKey;
        try {
            releaseKey = Base64.getDecoder().decode(releaseKeyBase64 == null ? "" : releaseKeyBase64.strip());
        } catch (IllegalArgumentException e) {
            throw new Refusal("发布密钥格式错误：应为 Base64 文本");
        }
        if (releaseKey.length != 16) {
            throw new Refusal("发布密钥格式错误：应为 16 字节的 Base64 文本");
        }
        return open(packageId, reader -> releaseKey, "RELEASE_KEY");
    }

    /** Opens with the emergency code read out by the platform on the phone. */
    @Transactional
    public PackageSummary openWithEmergencyCode(String packageId, String code) {
        return open(packageId, reader -> reader.releaseKeyFromEmergencyCode(keys.privateKey(), code == null ? "" : code),
                "EMERGENCY_CODE");
    }

    private interface KeySource {
        byte[] releaseKey(ExamPackageReader reader);
    }

    private PackageSummary open(String packageId, KeySource keySource, String openedWith) {
        PackageSummary summary = get(packageId);
        // Lock the row so that two administrators opening at once do not both insert the candidates.
        jdbc.sql("select package_id from exam_package where package_id = ? for update").param(packageId)
                .query(String.class).single();
        if (get(packageId).opened()) {
            throw new Refusal("考试包已解密，无需重复操作");
        }
        Instant now = clock.instant();
        if (!ReleasePolicy.mayRelease(now, summary.slotStart(), summary.slotEnd())) {
            throw new Refusal("现在不能解密：试卷只能在开考前 30 分钟（" + TIME.format(ReleasePolicy.releaseFrom(summary.slotStart()))
                    + "）至考试结束（" + TIME.format(summary.slotEnd()) + "）之间解密，以本机时间为准");
        }
        PublicKey platformKey = settings.platformPublicKey().orElseThrow();
        ExamPackageContents contents;
        byte[] extensionKey;
        try {
            ExamPackageReader reader = ExamPackageReader.verify(packageDir.resolve(packageId + ".kwpkg"), platformKey);
            byte[] releaseKey = keySource.releaseKey(reader);
            contents = reader.readAll(keys.privateKey(), releaseKey);
            // Only the key derived for the ORG's extension codes is kept, never the release key.
            extensionKey = ExtensionApproval.siteKey(releaseKey, packageId);
        } catch (CryptoException e) {
            throw new Refusal("解密失败：" + e.getMessage(), e);
        }
        Map<String, ItemPayload> payloads = new HashMap<>();
        Map<String, ItemShape> shapes = new HashMap<>();
        for (PoolItem item : contents.items().values()) {
            ItemPayload payload;
            try {
                payload = ItemPayload.decode(item.itemId(), item.payload());
            } catch (CryptoException e) {
                throw new Refusal(e.getMessage(), e);
            }
            payloads.put(item.itemId(), payload);
            shapes.put(item.itemId(), payload.shape(item.itemId()));
            jdbc.sql("insert into package_item (package_id, item_id, payload) values (?, ?, ?)")
                    .params(packageId, item.itemId(), item.payload()).update();
        }
        for (PackageCandidate candidate : contents.candidates()) {
            PaperSpec spec = contents.papers().get(candidate.ticketNumber());
            if (spec == null) {
                throw new Refusal("考试包中考生 " + candidate.ticketNumber() + " 没有试卷");
            }
            Paper paper = PaperBuilder.build(packageId, spec, shapes::get);
            jdbc.sql("""
                    insert into candidate (package_id, ticket_number, name, masked_id_number, room_code, seat_number,
                                           photo, paper)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(packageId, candidate.ticketNumber(), candidate.name(), candidate.maskedIdNumber(),
                            candidate.roomCode(), candidate.seatNumber(), candidate.photo(),
                            json.writeValueAsString(paper))
                    .update();
        }
        jdbc.sql("update exam_package set opened_at = ?, opened_with = ?, extension_key = ? where package_id = ?")
                .params(Timestamp.from(now), openedWith, extensionKey, packageId).update();
        log.info("Opened exam package {} with {}: {} candidates, {} items", packageId, openedWith,
                contents.candidates().size(), payloads.size());
        return get(packageId);
    }

    public List<PackageSummary> list() {
        return jdbc.sql(SELECT + " order by p.slot_start desc").query(ExamPackages::summary).list();
    }

    public Optional<PackageSummary> find(String packageId) {
        return jdbc.sql(SELECT + " where p.package_id = ?").param(packageId).query(ExamPackages::summary).optional();
    }

    public PackageSummary get(String packageId) {
        return find(packageId).orElseThrow(() -> new Refusal("没有考试包 " + packageId));
    }

    /**
     * The stored item payloads of an opened package (unmodifiable). Kept in memory once read: the rows are written
     * once, in the committed opening, and never change, and every paper page (twice per candidate's login) needs all
     * of them decoded.
     */
    public Map<String, ItemPayload> items(String packageId) {
        Map<String, ItemPayload> cached = itemCache.get(packageId);
        if (cached != null) {
            return cached;
        }
        Map<String, ItemPayload> items = new HashMap<>();
        jdbc.sql("select item_id, payload from package_item where package_id = ?").param(packageId)
                .query((rs, n) -> items.put(rs.getString(1), ItemPayload.decode(rs.getString(1), rs.getBytes(2))))
                .list();
        if (items.isEmpty()) {
            return Map.of(); // not opened (yet): nothing to keep
        }
        Map<String, ItemPayload> read = Map.copyOf(items);
        itemCache.putIfAbsent(packageId, read);
        return read;
    }

    /** The key for checking the ORG's extension approval codes ({@link ExtensionApproval}), once opened. */
    public byte[] extensionKey(String packageId) {
        return jdbc.sql("select extension_key from exam_package where package_id = ?").param(packageId)
                .query(byte[].class).optional().filter(key -> key != null && key.length > 0)
                .orElseThrow(() -> new Refusal("考试包尚未解密"));
    }

    private static final String SELECT = """
            select p.package_id, p.plan_id, p.site_code, p.plan_subject_id, p.subject_name, p.subject_kind,
                   p.slot_start, p.slot_end, p.imported_at, p.opened_at, p.opened_with, (select count(*) from candidate c where c.package_id = p.package_id) as candidates
            from exam_package p""";

    private static PackageSummary summary(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        Timestamp opened = rs.getTimestamp("opened_at");
        return new PackageSummary(rs.getString("package_id"), rs.getLong("plan_id"), rs.getString("site_code"),
                rs.getLong("plan_subject_id"), rs.getString("subject_name"),
                SubjectKind.valueOf(rs.getString("subject_kind")), rs.getTimestamp("slot_start").toInstant(),
                rs.getTimestamp("slot_end").toInstant(), rs.getTimestamp("imported_at").toInstant(),
                opened == null ? null : opened.toInstant(), rs.getString("opened_with"), rs.getInt("candidates"));
    }
}
