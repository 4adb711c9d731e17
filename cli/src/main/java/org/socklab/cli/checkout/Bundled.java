package org.socklab.cli.checkout;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.socklab.cli.CliFailure;

/**
 * Files that ship inside the command, read the same way from its jar and, in the project's own
 * tests, from a classes folder. Stateless and thread-safe (each call opens its own view of the jar).
 */
public final class Bundled {
    private Bundled() {}

    /** The bytes of one bundled resource. */
    static byte[] bytes(String name) {
        try (InputStream in = Bundled.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new CliFailure("this socklab build lacks " + name + ": rebuild it with mvn package");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    /**
     * Every file under the bundled folder {@code folder} (which holds {@code marker}), by path
     * relative to the folder, {@code /}-separated, in sorted order.
     */
    static SortedMap<String, byte[]> tree(String folder, String marker) {
        URL url = Bundled.class.getClassLoader().getResource(folder + "/" + marker);
        if (url == null) {
            throw new CliFailure("this socklab build lacks " + folder + ": rebuild it with mvn package");
        }
        try {
            if (url.getProtocol().equals("jar")) {
                Path jar = Path.of(((JarURLConnection) url.openConnection())
                        .getJarFileURL()
                        .toURI());
                try (FileSystem zip = FileSystems.newFileSystem(jar)) {
                    return walk(zip.getPath("/" + folder));
                }
            }
            Path file = Path.of(url.toURI());
            Path root = file;
            for (int i = 0; i < marker.split("/").length; i++) {
                root = root.getParent();
            }
            return walk(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every regular file under {@code root}, by relative path. */
    public static SortedMap<String, byte[]> walk(Path root) throws IOException {
        SortedMap<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                if (Files.isRegularFile(path)) {
                    String relative = root.relativize(path).toString().replace('\\', '/');
                    files.put(relative.startsWith("/") ? relative.substring(1) : relative, Files.readAllBytes(path));
                }
            }
        }
        return files;
    }
}
