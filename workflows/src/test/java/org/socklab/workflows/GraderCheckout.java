package org.socklab.workflows;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * What the workflow's checkout of the grader gives, made from this repository's working tree
 * instead of a pinned tag: the real {@code socklab} launcher, and in place of the jar it would
 * build on first use, a manifest-only {@code cli/target/socklab.jar} whose class path is this
 * test's own (the command's classes just compiled, the grader, their libraries).
 *
 * <p>Why not let the launcher build the jar: that is a nested Maven build of this repository in
 * the middle of its own, slow, and stale or missing under {@code mvn test} (the shaded jar is made
 * at {@code package}). The launcher's build is the CLI's business; the workflow's is calling it.
 *
 * <p>Stateless.
 */
final class GraderCheckout {
    private GraderCheckout() {}

    /** Fills {@code folder} as {@code actions/checkout} of the grader would (emptying it first, as it does). */
    static void into(Path folder) {
        try {
            deleteTree(folder);
            Files.createDirectories(folder.resolve("cli/target"));
            Path launcher = folder.resolve("socklab");
            Files.copy(Workflow.REPOSITORY.resolve("socklab"), launcher, StandardCopyOption.COPY_ATTRIBUTES);
            launcher.toFile().setExecutable(true);
            writeLauncherJar(folder.resolve("cli/target/socklab.jar"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A jar with no class of its own that runs the command from this test's class path. */
    static void writeLauncherJar(Path jar) throws IOException {
        List<String> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                // a folder's URL ends with '/', which the manifest's Class-Path needs to read it as one
                urls.add(Path.of(entry).toAbsolutePath().toUri().toString());
            }
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "org.socklab.cli.Main");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", urls));
        try (OutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.flush();
        }
    }

    static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
