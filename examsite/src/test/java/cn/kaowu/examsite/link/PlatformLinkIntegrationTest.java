package cn.kaowu.examsite.link;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import cn.kaowu.exampackage.CandidateResult;
import cn.kaowu.exampackage.ChunkManifest;
import cn.kaowu.exampackage.ResultPackageHeader;
import cn.kaowu.exampackage.ResultPackageVerifier;
import cn.kaowu.exampackage.ResultPackageWriter;
import cn.kaowu.exampackage.ResultReplayGuard;
import cn.kaowu.exampackage.Sm2Keys;
import cn.kaowu.exampackage.SiteRequest;
import cn.kaowu.examsite.MutableClock;
import cn.kaowu.examsite.Refusal;
import cn.kaowu.examsite.SiteIntegrationTest;
import cn.kaowu.examsite.TestPackages;
import cn.kaowu.examsite.pkg.ExamPackages;
import cn.kaowu.examsite.setup.SiteKeys;
import cn.kaowu.examsite.setup.SiteSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The site's network link against a stand-in for the platform's delivery endpoints (the outside world for the site):
 * the stand-in checks every request's SM2 signature exactly as the platform's {@code Delivery} does — message
 * {@code METHOD\nPATH\nTIME}, the key the site enrolled with — so a change on either side breaks this test. The
 * platform side is tested against the same contract in {@code DeliveryIntegrationTest}.
 */
@SiteIntegrationTest
class PlatformLinkIntegrationTest {

    @Autowired
    PlatformLink link;
    @Autowired
    SiteSettings settings;
    @Autowired
    SiteKeys keys;
    @Autowired
    ExamPackages packages;
    @Autowired
    MutableClock clock;

    final JsonMapper json = JsonMapper.builder().build();

    HttpServer platform;

    final AtomicReference<PublicKey> enrolledKey = new AtomicReference<>();

    TestPackages.Built built;

    final AtomicReference<ChunkManifest> manifest = new AtomicReference<>();

    final java.util.SortedMap<Integer, byte[]> chunks = new java.util.concurrent.ConcurrentSkipListMap<>();

    /** The chunk whose first upload the link loses (a cut cable), -1 once it happened. */
    final java.util.concurrent.atomic.AtomicInteger cutOnce = new java.util.concurrent.atomic.AtomicInteger(1);

    final java.util.concurrent.atomic.AtomicInteger accepted = new java.util.concurrent.atomic.AtomicInteger(-1);

    static final ResultReplayGuard NO_REPLAY = new ResultReplayGuard() {
        @Override
        public boolean alreadyAccepted(String resultPackageId) {
            return false;
        }

        @Override
        public long highestSequence(String examPackageId) {
            return 0;
        }
    };

    private String state() {
        var missing = manifest.get().missing(chunks.keySet());
        return "{\"status\":\"RECEIVING\",\"missing\":" + missing + "}";
    }

    @BeforeEach
    void startPlatform() throws IOException {
        clock.set(TestPackages.SLOT_START.minus(Duration.ofHours(2)));
        Path work = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "link");
        built = TestPackages.build(work, "PKG-LINK", TestPackages.SITE_CODE, keys.publicKey(), 3);
        platform = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        platform.createContext("/api/v1/delivery/enrol", exchange -> {
            var body = json.readTree(exchange.getRequestBody().readAllBytes());
            if (!"ONE-TIME".equals(body.path("token").asString())) {
                reply(exchange, 422, "{\"detail\":\"注册码无效或已过期，请在平台重新生成\"}");
                return;
            }
            enrolledKey.set(Sm2Keys.publicKeyFromPem(body.path("publicKey").asString()));
            reply(exchange, 200, json.writeValueAsString(java.util.Map.of("platformPublicKey",
                    TestPackages.platformPublicKeyPem())));
        });
        platform.createContext("/api/v1/delivery/site/results", exchange -> {
            if (!signedBySite(exchange)) {
                reply(exchange, 401, "{\"detail\":\"考点服务器身份验证未通过\"}");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (path.contains("/chunks/")) {
                int index = Integer.parseInt(path.substring(path.lastIndexOf('/') + 1));
                if (cutOnce.compareAndSet(index, -1)) {
                    reply(exchange, 503, "{}");
                    return;
                }
                manifest.get().verifyChunk(index, body);
                chunks.put(index, body);
                reply(exchange, 200, state());
            } else if (path.endsWith("/complete")) {
                Path file = Files.createTempFile("result", ".kwres");
                try (var out = Files.newOutputStream(file)) {
                    manifest.get().reassemble(chunks.entrySet().stream()
                            .map(e -> new ChunkManifest.Chunk(e.getKey(), e.getValue())).toList(), out);
                }
                var verified = ResultPackageVerifier.verify(file, TestPackages.SITE_CODE, enrolledKey.get(), NO_REPLAY);
                accepted.set(verified.candidateCount());
                reply(exchange, 200, "{\"status\":\"ACCEPTED\",\"missing\":[]}");
            } else {
                manifest.set(ChunkManifest.decode(body));
                reply(exchange, 200, state());
            }
        });
        platform.createContext("/api/v1/delivery/site/packages", exchange -> {
            if (!signedBySite(exchange)) {
                reply(exchange, 401, "{\"detail\":\"考点服务器身份验证未通过\"}");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            if (path.endsWith("/release")) {
                boolean open = !clock.instant().isBefore(TestPackages.SLOT_START.minus(Duration.ofMinutes(30)));
                reply(exchange, open ? 200 : 409, open
                        ? "{\"releaseKey\":\"" + built.releaseKeyBase64() + "\"}"
                        : "{\"detail\":\"开考前 30 分钟起才能获取解密密钥\"}");
            } else if (path.endsWith("/PKG-LINK")) {
                byte[] file = Files.readAllBytes(built.file());
                exchange.sendResponseHeaders(200, file.length);
                exchange.getResponseBody().write(file);
                exchange.close();
            } else {
                reply(exchange, 200, "[{\"id\":\"PKG-LINK\"}]");
            }
        });
        platform.start();
    }

    @AfterEach
    void stopPlatform() {
        platform.stop(0);
    }

    @Test
    void theSiteEnrolsDownloadsItsPackageAndFetchesTheKeyFromThirtyMinutesBefore() {
        String url = "http://127.0.0.1:" + platform.getAddress().getPort();
        assertThatThrownBy(() -> link.enrol(url, TestPackages.SITE_CODE, "WRONG")).isInstanceOf(Refusal.class)
                .hasMessageContaining("注册码无效");
        link.enrol(url, TestPackages.SITE_CODE, "ONE-TIME");
        assertThat(enrolledKey.get()).isEqualTo(keys.publicKey());
        assertThat(settings.platformPublicKeyPem()).contains(TestPackages.platformPublicKeyPem().strip() + "\n");

        assertThat(link.syncPackages()).containsExactly("PKG-LINK");
        assertThat(link.syncPackages()).as("already imported").isEmpty();
        assertThat(packages.find("PKG-LINK")).isPresent();

        clock.set(TestPackages.SLOT_START.minus(Duration.ofMinutes(31)));
        assertThatThrownBy(() -> link.fetchReleaseKey("PKG-LINK")).isInstanceOf(Refusal.class)
                .hasMessageContaining("30 分钟");
        clock.set(TestPackages.SLOT_START.minus(Duration.ofMinutes(30)));
        byte[] key = link.fetchReleaseKey("PKG-LINK").orElseThrow();
        assertThat(Base64.getEncoder().encodeToString(key)).isEqualTo(built.releaseKeyBase64());
        assertThat(packages.openWithReleaseKey("PKG-LINK", built.releaseKeyBase64()).candidates()).isEqualTo(3);
    }

    @Test
    void aResultPackageGoesUpInChunksAndResumesAfterTheLinkIsCut() throws IOException {
        link.enrol("http://127.0.0.1:" + platform.getAddress().getPort(), TestPackages.SITE_CODE, "ONE-TIME");
        Path file = Files.createTempFile(Files.createDirectories(Path.of("target")), "result", ".kwres");
        var header = ResultPackageHeader.create("PKG-LINK", TestPackages.SITE_CODE, 1, 1, clock.instant());
        try (var out = Files.newOutputStream(file)) {
            ResultPackageWriter writer = ResultPackageWriter.start(out, header, keys.privateKey());
            for (int i = 1; i <= 3; i++) {
                writer.addCandidate(new CandidateResult(TestPackages.ticket(i), new java.util.TreeMap<>(),
                        java.math.BigDecimal.ZERO, List.of(new CandidateResult.Upload("P1", "作品" + i + ".zip",
                                new byte[900_000])), clock.instant(), clock.instant()));
            }
            writer.finish();
        }
        assertThat(ChunkManifest.of(file, header.resultPackageId(), ChunkManifest.DEFAULT_CHUNK_SIZE).chunkCount())
                .isGreaterThan(2);

        assertThat(link.deliverResult(file, header)).as("the link is cut at chunk 1")
                .isEqualTo(PlatformLink.Delivery.EXPORTED_TO_FILE);
        assertThat(chunks).containsOnlyKeys(0);
        assertThat(link.deliverResult(file, header)).isEqualTo(PlatformLink.Delivery.UPLOADED);
        assertThat(accepted.get()).isEqualTo(3);

        // A server that retries by itself (production: 6 times) gets past a cut without the administrator.
        var header2 = ResultPackageHeader.create("PKG-LINK", TestPackages.SITE_CODE, 1, 2, clock.instant());
        Path file2 = Files.createTempFile("result2", ".kwres");
        try (var out = Files.newOutputStream(file2)) {
            ResultPackageWriter writer = ResultPackageWriter.start(out, header2, keys.privateKey());
            writer.addCandidate(new CandidateResult(TestPackages.ticket(1), new java.util.TreeMap<>(),
                    java.math.BigDecimal.ZERO, List.of(new CandidateResult.Upload("P1", "作品.zip",
                            new byte[1_500_000])), clock.instant(), clock.instant()));
            writer.finish();
        }
        cutOnce.set(1);
        chunks.clear(); // the stand-in keeps one upload's chunks
        HttpPlatformLink retrying = new HttpPlatformLink(settings, keys, packages, clock, 1);
        assertThat(retrying.deliverResult(file2, header2)).isEqualTo(PlatformLink.Delivery.UPLOADED);
        assertThat(cutOnce.get()).as("the cut happened").isEqualTo(-1);
        assertThat(accepted.get()).isEqualTo(1);
    }

    /** As the platform checks it ({@link SiteRequest}), with the key the site enrolled. */
    private boolean signedBySite(HttpExchange exchange) {
        var headers = exchange.getRequestHeaders();
        String site = headers.getFirst(SiteRequest.SITE_HEADER);
        String time = headers.getFirst(SiteRequest.TIME_HEADER);
        String signature = headers.getFirst(SiteRequest.SIGNATURE_HEADER);
        return enrolledKey.get() != null && TestPackages.SITE_CODE.equals(site) && time != null && signature != null
                && SiteRequest.fresh(time, clock.instant())
                && SiteRequest.verify(enrolledKey.get(), exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        time, signature);
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
