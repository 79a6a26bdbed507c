package cn.kaowu.examsite.setup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;

import cn.kaowu.exampackage.Sm2Keys;
import cn.kaowu.examsite.infra.SiteDataDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The site's SM2 key pair: generated on first start, private key kept as PEM in {@code <data-dir>/site-key.pem}
 * (mode 0600), never shown. Packages are wrapped for its public key; result packages are signed with it.
 */
@Component
public class SiteKeys {

    private static final Logger log = LoggerFactory.getLogger(SiteKeys.class);
    static final String FILE = "site-key.pem";
    static final String PUBLIC_FILE = "site-key.pub.pem";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    SiteKeys(SiteDataDir dataDir) {
        Path file = dataDir.resolve(FILE);
        Path publicFile = dataDir.resolve(PUBLIC_FILE);
        try {
            if (Files.exists(file)) {
                this.privateKey = Sm2Keys.privateKeyFromPem(Files.readString(file, StandardCharsets.US_ASCII));
                this.publicKey = Sm2Keys.publicKeyFromPem(Files.readString(publicFile, StandardCharsets.US_ASCII));
            } else {
                KeyPair pair = Sm2Keys.generateKeyPair();
                // Public key first: a crash in between leaves no private key, and the next start begins afresh.
                Files.writeString(publicFile, Sm2Keys.toPem(pair.getPublic()), StandardCharsets.US_ASCII);
                // Created with 0600 in one step, so the key is never readable by others, not even briefly.
                Files.writeString(Files.createFile(file,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))),
                        Sm2Keys.toPem(pair.getPrivate()), StandardCharsets.US_ASCII,
                        StandardOpenOption.TRUNCATE_EXISTING);
                this.privateKey = pair.getPrivate();
                this.publicKey = pair.getPublic();
                log.info("Generated the site SM2 key pair in {}", file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the site key " + file, e);
        }
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** What the administrator registers with the platform. */
    public String publicKeyPem() {
        return Sm2Keys.toPem(publicKey);
    }
}
