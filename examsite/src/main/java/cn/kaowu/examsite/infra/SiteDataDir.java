package cn.kaowu.examsite.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The site's data directory ({@code kaowu.site.data-dir}, default {@code ./data/examsite}): the database under
 * {@code pg/}, the site key, imported packages and exported result packages. Back it up as one directory.
 */
@Component
public class SiteDataDir {

    private final Path root;

    SiteDataDir(@Value("${kaowu.site.data-dir:./data/examsite}") String dir) {
        this.root = Path.of(dir).toAbsolutePath().normalize();
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the site data directory " + root, e);
        }
    }

    public Path root() {
        return root;
    }

    public Path resolve(String child) {
        return root.resolve(child);
    }

    /** A sub-directory, created when missing. */
    public Path directory(String child) {
        Path dir = root.resolve(child);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        return dir;
    }
}
