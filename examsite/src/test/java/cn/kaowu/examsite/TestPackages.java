package cn.kaowu.examsite;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import javax.imageio.ImageIO;

import cn.kaowu.exampackage.EmergencyCode;
import cn.kaowu.exampackage.ExamPackageManifest;
import cn.kaowu.exampackage.ExamPackageWriter;
import cn.kaowu.exampackage.ItemType;
import cn.kaowu.exampackage.PackageCandidate;
import cn.kaowu.exampackage.PaperSpec;
import cn.kaowu.exampackage.PoolItem;
import cn.kaowu.exampackage.Sm2Keys;
import cn.kaowu.exampackage.SubjectKind;
import cn.kaowu.exampackage.ItemPayload;
import cn.kaowu.exampackage.ItemPayload.Option;

/**
 * Object mother of exam packages as the platform would build them: a fixed platform key pair, site
 * {@value #SITE_CODE}, a 90-minute slot, and a paper of two single-choice, one multiple-choice, one true/false
 * item and one practical task (2 + 2 + 4 + 1 + 20 points).
 */
public final class TestPackages {

    public static final String SITE_CODE = "S-TEST-01";
    public static final Instant SLOT_START = Instant.parse("2026-06-13T01:00:00Z"); // 09:00 Asia/Shanghai
    public static final Instant SLOT_END = SLOT_START.plus(Duration.ofMinutes(90));
    public static final KeyPair PLATFORM = Sm2Keys.generateKeyPair();

    /** Candidates' tickets: 15 digits, the initial password is the last six. */
    public static String ticket(int n) {
        return "2026061300" + String.format("%05d", n);
    }

    public static String password(int n) {
        return ticket(n).substring(ticket(n).length() - 6);
    }

    public static final List<String> NAMES = List.of("张伟", "王芳", "李娜", "刘洋", "陈静");

    /** A built package file with its keys. */
    public record Built(Path file, String packageId, byte[] releaseKey) {
        public String emergencyCode() {
            return EmergencyCode.forPackage(releaseKey, packageId);
        }

        public String releaseKeyBase64() {
            return java.util.Base64.getEncoder().encodeToString(releaseKey);
        }
    }

    private TestPackages() {
    }

    public static String platformPublicKeyPem() {
        return Sm2Keys.toPem(PLATFORM.getPublic());
    }

    public static List<PoolItem> items() {
        return List.of(
                item("s1", new ItemPayload(ItemType.SINGLE_CHOICE, "Linux 中查看当前目录的命令是？",
                        List.of(new Option("A", "pwd"), new Option("B", "ls"), new Option("C", "cd"),
                                new Option("D", "mkdir")), List.of("A"), new BigDecimal("2"))),
                item("s2", new ItemPayload(ItemType.SINGLE_CHOICE, "HTTP 默认端口是？",
                        List.of(new Option("A", "21"), new Option("B", "80"), new Option("C", "443"),
                                new Option("D", "8080")), List.of("B"), new BigDecimal("2"))),
                item("m1", new ItemPayload(ItemType.MULTIPLE_CHOICE, "以下哪些是关系型数据库？",
                        List.of(new Option("A", "PostgreSQL"), new Option("B", "Redis"), new Option("C", "MySQL"),
                                new Option("D", "MongoDB")), List.of("A", "C"), new BigDecimal("4"))),
                item("t1", new ItemPayload(ItemType.TRUE_FALSE, "TCP 是面向连接的协议。",
                        List.of(new Option("T", "正确"), new Option("F", "错误")), List.of("T"), new BigDecimal("1"))),
                item("p1", new ItemPayload(ItemType.PRACTICAL, "在虚拟机中安装 Nginx，并将首页改为“考点测试”。",
                        List.of(), List.of(), new BigDecimal("20"))));
    }

    private static PoolItem item(String id, ItemPayload payload) {
        return new PoolItem(id, payload.encode());
    }

    public static PaperSpec paper(String ticket) {
        return new PaperSpec(ticket, List.of(new PaperSpec.Section("一、单选题", List.of("s1", "s2")),
                new PaperSpec.Section("二、多选题", List.of("m1")), new PaperSpec.Section("三、判断题", List.of("t1")),
                new PaperSpec.Section("四、实操题", List.of("p1"))));
    }

    public static Built build(Path dir, String packageId, String siteCode, PublicKey siteKey, int candidates) {
        return build(dir, packageId, siteCode, siteKey, 1, candidates);
    }

    /** Candidates {@code ticket(first)} to {@code ticket(first + count - 1)}. */
    public static Built build(Path dir, String packageId, String siteCode, PublicKey siteKey, int first, int count) {
        return build(dir, packageId, siteCode, siteKey, first, count, SLOT_START, SLOT_END);
    }

    /** A package for another slot, e.g. one running now for a test against the real clock. */
    public static Built build(Path dir, String packageId, String siteCode, PublicKey siteKey, int first, int count,
            Instant slotStart, Instant slotEnd) {
        return build(dir, packageId, siteCode, siteKey, first, count, slotStart, slotEnd, SubjectKind.THEORY);
    }

    /** The room of the i-th candidate of a package (from 0): the first three in 101, the others in 102. */
    public static String room(int i) {
        return i < 3 ? "101" : "102";
    }

    /** The seat of the i-th candidate of a package in {@link #room}. */
    public static int seat(int i) {
        return i < 3 ? i + 1 : i - 2;
    }

    /** A theory (理论) or practice (实操) slot. */
    public static Built build(Path dir, String packageId, String siteCode, PublicKey siteKey, int first, int count,
            Instant slotStart, Instant slotEnd, SubjectKind kind) {
        return build(dir, packageId, siteCode, siteKey, first, count, slotStart, slotEnd, kind, items(),
                TestPackages::paper);
    }

    /** A package with another item pool and papers (e.g. a full-size paper for the site-load benchmark). */
    public static Built build(Path dir, String packageId, String siteCode, PublicKey siteKey, int first, int count,
            Instant slotStart, Instant slotEnd, List<PoolItem> items, Function<String, PaperSpec> papers) {
        return build(dir, packageId, siteCode, siteKey, first, count, slotStart, slotEnd, SubjectKind.THEORY, items,
                papers);
    }

    private static Built build(Path dir, String packageId, String siteCode, PublicKey siteKey, int first, int count,
            Instant slotStart, Instant slotEnd, SubjectKind kind, List<PoolItem> items,
            Function<String, PaperSpec> papers) {
        byte[] releaseKey = ExamPackageWriter.generateReleaseKey();
        Path file = dir.resolve(packageId + ".kwpkg");
        try {
            Files.createDirectories(dir);
            try (OutputStream out = Files.newOutputStream(file)) {
                ExamPackageWriter writer = ExamPackageWriter.start(out,
                        ExamPackageManifest.of(packageId, 7, siteCode, 42, kind.label(), kind, slotStart, slotEnd,
                                slotStart.minus(Duration.ofDays(7))),
                        releaseKey, siteKey, PLATFORM.getPrivate());
                List<String> tickets = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    int n = first + i;
                    tickets.add(ticket(n));
                    writer.addCandidate(new PackageCandidate(ticket(n), NAMES.get(i % NAMES.size()),
                            "3201**********" + String.format("%04d", n), room(i), seat(i), photo(n)));
                }
                items.forEach(writer::addItem);
                tickets.forEach(ticket -> writer.addPaper(papers.apply(ticket)));
                writer.finish();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Built(file, packageId, releaseKey);
    }

    /** A 3:4 JPEG in a colour per candidate, standing in for the registration photo. */
    public static byte[] photo(int n) {
        BufferedImage image = new BufferedImage(90, 120, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(120 + 30 * (n % 4), 150, 200 - 25 * (n % 5)));
        g.fillRect(0, 0, 90, 120);
        g.setColor(new Color(240, 220, 200));
        g.fillOval(25, 20, 40, 48);
        g.fillRoundRect(15, 75, 60, 45, 30, 30);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
