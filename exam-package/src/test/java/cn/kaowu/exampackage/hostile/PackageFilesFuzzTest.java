package cn.kaowu.exampackage.hostile;

import static cn.kaowu.exampackage.hostile.HostilePackages.NONE_ACCEPTED;
import static cn.kaowu.exampackage.hostile.HostilePackages.PLATFORM;
import static cn.kaowu.exampackage.hostile.HostilePackages.SITE;
import static cn.kaowu.exampackage.hostile.HostilePackages.acceptedOrRefusedClearly;
import static cn.kaowu.exampackage.hostile.HostilePackages.body;
import static cn.kaowu.exampackage.hostile.HostilePackages.readExam;
import static cn.kaowu.exampackage.hostile.HostilePackages.readResult;
import static cn.kaowu.exampackage.hostile.HostilePackages.sign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Arrays;

import cn.kaowu.exampackage.ChunkManifest;
import cn.kaowu.exampackage.hostile.HostilePackages.Mutation;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Random byte mutations (flip, truncate, insert, delete, overwrite) of valid package, result and chunk-manifest
 * files. Whatever the mutation, reading either succeeds or refuses with a {@code CryptoException} in Chinese: never
 * another exception type, never an {@code OutOfMemoryError}, never a hang. Mutated bodies are also signed again
 * with the right key, which is what a rogue site holding its own key can send, so the parsers behind the signature
 * are fuzzed too.
 */
class PackageFilesFuzzTest {

    private static final Duration BOUND = Duration.ofSeconds(20);
    private static final byte[] RESULT = HostilePackages.resultPackage(HostilePackages.resultHeader(1));
    private static final byte[] RESULT_BODY = body(RESULT);
    private static final byte[] EXAM = HostilePackages.examPackage();
    private static final byte[] EXAM_BODY = body(EXAM);
    private static final byte[] CHUNKS = HostilePackages.withFile(new byte[10_000],
            f -> ChunkManifest.of(f, "RES-1", 1024)).encode();

    @Property(tries = 150)
    void mutatedResultPackagesAreRefused(@ForAll Mutation mutation, @ForAll @IntRange(max = 1_000_000) int at,
            @ForAll @Size(max = 12) byte[] bytes) {
        byte[] mutated = mutation.apply(RESULT, at, bytes);
        Assume.that(!Arrays.equals(mutated, RESULT));
        boolean accepted = assertTimeoutPreemptively(BOUND,
                () -> acceptedOrRefusedClearly(() -> readResult(mutated, NONE_ACCEPTED)));
        assertThat(accepted).as("a changed file must never pass the signature").isFalse();
    }

    @Property(tries = 250)
    void mutatedResultBodiesSignedByTheSiteAreReadOrRefusedClearly(@ForAll Mutation mutation,
            @ForAll @IntRange(max = 1_000_000) int at, @ForAll @Size(max = 12) byte[] bytes) {
        byte[] resigned = sign(mutation.apply(RESULT_BODY, at, bytes), SITE.getPrivate());
        assertTimeoutPreemptively(BOUND, () -> acceptedOrRefusedClearly(() -> readResult(resigned, NONE_ACCEPTED)));
    }

    @Property(tries = 100)
    void mutatedExamPackagesAreRefused(@ForAll Mutation mutation, @ForAll @IntRange(max = 1_000_000) int at,
            @ForAll @Size(max = 12) byte[] bytes) {
        byte[] mutated = mutation.apply(EXAM, at, bytes);
        Assume.that(!Arrays.equals(mutated, EXAM));
        boolean accepted = assertTimeoutPreemptively(BOUND, () -> acceptedOrRefusedClearly(() -> readExam(mutated)));
        assertThat(accepted).as("a changed file must never pass the signature").isFalse();
    }

    @Property(tries = 150)
    void mutatedExamBodiesSignedByThePlatformAreReadOrRefusedClearly(@ForAll Mutation mutation,
            @ForAll @IntRange(max = 1_000_000) int at, @ForAll @Size(max = 12) byte[] bytes) {
        byte[] resigned = sign(mutation.apply(EXAM_BODY, at, bytes), PLATFORM.getPrivate());
        assertTimeoutPreemptively(BOUND, () -> acceptedOrRefusedClearly(() -> readExam(resigned)));
    }

    @Property(tries = 250)
    void mutatedChunkManifestsAreDecodedOrRefusedClearly(@ForAll Mutation mutation,
            @ForAll @IntRange(max = 1_000_000) int at, @ForAll @Size(max = 12) byte[] bytes) {
        byte[] mutated = mutation.apply(CHUNKS, at, bytes);
        assertTimeoutPreemptively(BOUND, () -> acceptedOrRefusedClearly(() -> ChunkManifest.decode(mutated)));
    }

    @Property(tries = 100)
    void randomBytesAreRefused(@ForAll @Size(max = 600) byte[] bytes) {
        assertTimeoutPreemptively(BOUND, () -> {
            assertThat(acceptedOrRefusedClearly(() -> readResult(bytes, NONE_ACCEPTED))).isFalse();
            assertThat(acceptedOrRefusedClearly(() -> readExam(bytes))).isFalse();
            assertThat(acceptedOrRefusedClearly(() -> ChunkManifest.decode(bytes))).isFalse();
        });
    }
}
