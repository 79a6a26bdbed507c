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
import java.util.Random;

import cn.kaowu.exampackage.ChunkManifest;
import org.junit.jupiter.api.Test;

/**
 * Random byte mutations (flip, truncate, insert, delete, overwrite) of valid package, result and chunk-manifest
 * files. Whatever the mutation, reading either succeeds or refuses with a {@code CryptoException} in Chinese: never
 * another exception type, never an {@code OutOfMemoryError}, never a hang. Mutated bodies are also signed again
 * with the right key, which is what a rogue site holding its own key can send, so the parsers behind the signature
 * are fuzzed too. Each test is a seeded loop of {@link Tries}: a failure names the seed and the try to replay.
 */
class PackageFilesFuzzTest {

    private static final Duration BOUND = Duration.ofSeconds(20);
    private static final byte[] RESULT = HostilePackages.resultPackage(HostilePackages.resultHeader(1));
    private static final byte[] RESULT_BODY = body(RESULT);
    private static final byte[] EXAM = HostilePackages.examPackage();
    private static final byte[] EXAM_BODY = body(EXAM);
    private static final byte[] CHUNKS = HostilePackages.withFile(new byte[10_000],
            f -> ChunkManifest.of(f, "RES-1", 1024)).encode();

    @Test
    void mutatedResultPackagesAreRefused() {
        Tries.run(10_001, 150, random -> {
            byte[] mutated = mutate(random, RESULT);
            if (Arrays.equals(mutated, RESULT)) {
                return;
            }
            boolean accepted = assertTimeoutPreemptively(BOUND,
                    () -> acceptedOrRefusedClearly(() -> readResult(mutated, NONE_ACCEPTED)));
            assertThat(accepted).as("a changed file must never pass the signature").isFalse();
        });
    }

    @Test
    void mutatedResultBodiesSignedByTheSiteAreReadOrRefusedClearly() {
        Tries.run(10_002, 250, random -> {
            byte[] resigned = sign(mutate(random, RESULT_BODY), SITE.getPrivate());
            assertTimeoutPreemptively(BOUND,
                    () -> acceptedOrRefusedClearly(() -> readResult(resigned, NONE_ACCEPTED)));
        });
    }

    @Test
    void mutatedExamPackagesAreRefused() {
        Tries.run(10_003, 100, random -> {
            byte[] mutated = mutate(random, EXAM);
            if (Arrays.equals(mutated, EXAM)) {
                return;
            }
            boolean accepted = assertTimeoutPreemptively(BOUND,
                    () -> acceptedOrRefusedClearly(() -> readExam(mutated)));
            assertThat(accepted).as("a changed file must never pass the signature").isFalse();
        });
    }

    @Test
    void mutatedExamBodiesSignedByThePlatformAreReadOrRefusedClearly() {
        Tries.run(10_004, 150, random -> {
            byte[] resigned = sign(mutate(random, EXAM_BODY), PLATFORM.getPrivate());
            assertTimeoutPreemptively(BOUND, () -> acceptedOrRefusedClearly(() -> readExam(resigned)));
        });
    }

    @Test
    void mutatedChunkManifestsAreDecodedOrRefusedClearly() {
        Tries.run(10_005, 250, random -> {
            byte[] mutated = mutate(random, CHUNKS);
            assertTimeoutPreemptively(BOUND, () -> acceptedOrRefusedClearly(() -> ChunkManifest.decode(mutated)));
        });
    }

    @Test
    void randomBytesAreRefused() {
        Tries.run(10_006, 100, random -> {
            byte[] bytes = Tries.bytes(random, 600);
            assertTimeoutPreemptively(BOUND, () -> {
                assertThat(acceptedOrRefusedClearly(() -> readResult(bytes, NONE_ACCEPTED))).isFalse();
                assertThat(acceptedOrRefusedClearly(() -> readExam(bytes))).isFalse();
                assertThat(acceptedOrRefusedClearly(() -> ChunkManifest.decode(bytes))).isFalse();
            });
        });
    }

    /** A random mutation at a random place (wrapped around the file) with up to 12 random bytes. */
    private static byte[] mutate(Random random, byte[] file) {
        return Mutation.any(random, file, (byte) 0);
    }
}
