package cn.kaowu.examsite.link;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.kaowu.exampackage.ChunkManifest;
import cn.kaowu.exampackage.ResultPackageHeader;
import cn.kaowu.exampackage.SiteRequest;
import cn.kaowu.examsite.Refusal;
import cn.kaowu.examsite.pkg.ExamPackages;
import cn.kaowu.examsite.setup.SiteKeys;
import cn.kaowu.examsite.setup.SiteSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The site's link to the platform over the network, once the site has enrolled ({@link #enrol}): every request after
 * enrolment is signed with the site's SM2 key (headers {@code X-Kaowu-Site}, {@code X-Kaowu-Time} and
 * {@code X-Kaowu-Signature} over {@code METHOD\nPATH\nTIME}, as the platform's delivery module checks). Without
 * enrolment (no platform address) nothing is fetched: packages are uploaded by hand, release keys pasted or unlocked
 * with the emergency code, and result packages stay files for export — the platform being unreachable on exam day
 * changes nothing but that.
 */
@Component
class HttpPlatformLink implements PlatformLink {

    private static final Logger log = LoggerFactory.getLogger(HttpPlatformLink.class);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SiteSettings settings;

    private final SiteKeys keys;

    private final ExamPackages packages;

    private final Clock clock;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final int uploadRetries;

    HttpPlatformLink(SiteSettings settings, SiteKeys keys, ExamPackages packages, Clock clock,
            @org.springframework.beans.factory.annotation.Value("${kaowu.site.upload-retries:6}") int uploadRetries) {
        this.uploadRetries = uploadRetries;
        this.settings = settings;
        this.keys = keys;
        this.packages = packages;
        this.clock = clock;
    }

    @Override
    public void enrol(String platformUrl, String siteCode, String token) {
        String base = platformUrl.strip().replaceAll("/+$", "");
        if (!base.matches("https?://[^\\s]+")) {
            throw new Refusal("平台地址应以 http:// 或 https:// 开头");
        }
        String body = JSON.writeValueAsString(Map.of("siteCode", siteCode.strip(), "token", token.strip(),
                "publicKey", keys.publicKeyPem()));
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/delivery/enrol"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new Refusal("平台拒绝注册：" + detail(response.body()));
        }
        String platformKey = JSON.readTree(response.body()).path("platformPublicKey").asString();
        settings.configure(siteCode, platformKey);
        settings.linkPlatform(base);
    }

    @Override
    public List<String> syncPackages() {
        String base = base();
        String path = "/api/v1/delivery/site/packages";
        HttpResponse<String> list = send(signed("GET", path, base), HttpResponse.BodyHandlers.ofString());
        if (list.statusCode() != 200) {
            throw new Refusal("平台拒绝列出试卷包：" + detail(list.body()));
        }
        List<String> imported = new ArrayList<>();
        for (JsonNode p : JSON.readTree(list.body())) {
            String id = p.path("id").asString();
            if (packages.find(id).isPresent()) {
                continue;
            }
            HttpResponse<byte[]> file = send(signed("GET", path + "/" + id, base), HttpResponse.BodyHandlers.ofByteArray());
            if (file.statusCode() != 200) {
                throw new Refusal("下载试卷包 " + id + " 失败：HTTP " + file.statusCode());
            }
            packages.importPackage(new ByteArrayInputStream(file.body()));
            imported.add(id);
        }
        return imported;
    }

    @Override
    public Optional<byte[]> fetchReleaseKey(String packageId) {
        if (settings.platformUrl().isEmpty()) {
            return Optional.empty();
        }
        String path = "/api/v1/delivery/site/packages/" + packageId + "/release";
        HttpResponse<String> response = send(signed("POST", path, base()), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new Refusal("平台未发放解密密钥：" + detail(response.body()));
        }
        return Optional.of(Base64.getDecoder().decode(JSON.readTree(response.body()).path("releaseKey").asString()));
    }

    /**
     * Uploads the result package in chunks: the manifest first (the platform answers which chunks it still lacks, so
     * a second call after a broken link sends only those), then the chunks, then "complete". Without enrolment, or
     * when the link breaks, the package stays a file for export and a later call resumes.
     *
     * @throws Refusal when the platform refuses the package itself (signature, chain, replay)
     */
    @Override
    public Delivery deliverResult(Path resultPackage, ResultPackageHeader header) {
        if (settings.platformUrl().isEmpty()) {
            log.info("Result package {} (sequence {}) of exam package {} kept for export: {}",
                    header.resultPackageId(), header.sequence(), header.examPackageId(), resultPackage);
            return Delivery.EXPORTED_TO_FILE;
        }
        // A cut link often comes back within a minute: retry with the chunks the platform still lacks before
        // leaving the package to the administrator's 上传到平台 (or the file).
        for (int attempt = 0;; attempt++) {
            try {
                return uploadOnce(resultPackage, header);
            }
            catch (LinkDown e) {
                if (attempt >= uploadRetries) {
                    log.warn("Result package {} not uploaded ({}); kept for export and a later retry",
                            header.resultPackageId(), e.getMessage());
                    return Delivery.EXPORTED_TO_FILE;
                }
                Duration pause = Duration.ofSeconds(Math.min(15, 2L << attempt));
                log.warn("Result package {}: link down ({}), resuming in {} s (attempt {} of {})",
                        header.resultPackageId(), e.getMessage(), pause.toSeconds(), attempt + 1, uploadRetries);
                try {
                    Thread.sleep(pause);
                }
                catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return Delivery.EXPORTED_TO_FILE;
                }
            }
        }
    }

    private Delivery uploadOnce(Path resultPackage, ResultPackageHeader header) {
        String base = base();
        String path = "/api/v1/delivery/site/results/" + header.resultPackageId();
        ChunkManifest manifest = ChunkManifest.of(resultPackage, header.resultPackageId(),
                ChunkManifest.DEFAULT_CHUNK_SIZE);
        HttpResponse<String> started = send(signed("PUT", path, base, manifest.encode()),
                HttpResponse.BodyHandlers.ofString());
        JsonNode state = JSON.readTree(started.body());
        if (started.statusCode() == 200 && "ACCEPTED".equals(state.path("status").asString())) {
            return Delivery.UPLOADED;
        }
        if (started.statusCode() != 200) {
            throw new Refusal("平台拒收成绩包：" + detail(started.body()));
        }
        for (JsonNode missing : state.path("missing")) {
            int index = missing.asInt();
            HttpResponse<String> sent = send(signed("PUT", path + "/chunks/" + index, base,
                    manifest.readChunk(resultPackage, index)), HttpResponse.BodyHandlers.ofString());
            if (sent.statusCode() >= 500) {
                // a gateway or the platform itself is down for the moment: like a cut link, retried
                throw new LinkDown("平台暂时无法接收分块 " + index + "（HTTP " + sent.statusCode() + "）", null);
            }
            if (sent.statusCode() != 200) {
                log.warn("Chunk {} of result package {} not taken: HTTP {}", index, header.resultPackageId(),
                        sent.statusCode());
                return Delivery.EXPORTED_TO_FILE;
            }
        }
        HttpResponse<String> done = send(signed("POST", path + "/complete", base, null),
                HttpResponse.BodyHandlers.ofString());
        if (done.statusCode() == 422) {
            throw new Refusal("平台拒收成绩包：" + detail(done.body()));
        }
        return done.statusCode() == 200 ? Delivery.UPLOADED : Delivery.EXPORTED_TO_FILE;
    }

    /** The platform could not be reached: not a refusal, the upload resumes later. */
    static final class LinkDown extends Refusal {

        LinkDown(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private String base() {
        return settings.platformUrl().orElseThrow(() -> new Refusal("本站点尚未连接平台，请先注册"));
    }

    private HttpRequest.Builder signed(String method, String path, String base) {
        return signed(method, path, base, null);
    }

    private HttpRequest.Builder signed(String method, String path, String base, byte @org.jspecify.annotations.Nullable [] body) {
        String time = String.valueOf(clock.millis());
        return HttpRequest.newBuilder(URI.create(base + path))
                .header(SiteRequest.SITE_HEADER, settings.siteCode().orElse(""))
                .header(SiteRequest.TIME_HEADER, time)
                .header(SiteRequest.SIGNATURE_HEADER, SiteRequest.sign(keys.privateKey(), method, path, time))
                .timeout(timeout(body))
                .header("Content-Type", "application/octet-stream")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
    }

    /**
     * A chunk must arrive within 20 s plus 1 s per 32 KiB (a 1 MiB chunk: 52 s, enough at 256 kbit/s), so a cut
     * link is noticed in a minute rather than hanging; requests without a body (downloads) keep 5 minutes.
     */
    static Duration timeout(byte @org.jspecify.annotations.Nullable [] body) {
        return body == null ? Duration.ofMinutes(5) : Duration.ofSeconds(20 + body.length / 32_768);
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request.build(), handler);
        }
        catch (IOException e) {
            throw new LinkDown("无法连接平台：" + e.getMessage(), e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LinkDown("连接平台被中断", e);
        }
    }

    private static String detail(String problem) {
        try {
            // RFC 9457 as the platform writes it: the detail, then each field's message ("token：注册码无效或已过期").
            JsonNode node = JSON.readTree(problem);
            StringBuilder text = new StringBuilder(node.path("detail").asString(problem));
            for (JsonNode error : node.path("errors")) {
                text.append("；").append(error.path("message").asString(""));
            }
            return text.toString();
        }
        catch (RuntimeException e) {
            return problem;
        }
    }
}
