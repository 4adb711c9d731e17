package org.socklab.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socklab.cli.checkout.Assignment;
import org.socklab.cli.site.BuiltinSite;
import org.socklab.cli.site.SiteExport;
import org.socklab.grader.Exercise;
import org.socklab.grader.feedback.Language;

/**
 * Nothing that reaches a student holds a solution or a fixture: the command's own classes and
 * resources (what the shaded {@code socklab.jar} takes from the cli module), the shaded jar itself
 * when it has been built, a site from {@code site export} (every key's checkout, the grader in
 * {@code lib/} included), and an assignment repository. Every entry is listed, jars opened
 * recursively; an entry fails when it is a class of {@code lab.*} (a compiled submission), lies
 * under a {@code fixtures} folder, or has the very bytes of a source file of {@code fixtures/}
 * (other than the template's own files, which fixtures may keep unchanged).
 */
class StudentArtifactsTest {
    private static final Set<String> FIXTURE_SOURCES = new HashSet<>();

    @TempDir
    Path temp;

    @BeforeAll
    static void fixtureSources() throws IOException {
        Set<String> template = new HashSet<>();
        for (Path file : files(Workflow.REPOSITORY.resolve("student-template"))) {
            template.add(sha256(Files.readAllBytes(file)));
        }
        for (Path file : files(Workflow.REPOSITORY.resolve("fixtures"))) {
            if (file.toString().endsWith(".java")) {
                String sha = sha256(Files.readAllBytes(file));
                if (!template.contains(sha)) {
                    FIXTURE_SOURCES.add(sha);
                }
            }
        }
        assertThat(FIXTURE_SOURCES).as("the fixtures' sources were found").hasSizeGreaterThan(20);
    }

    @Test
    void should_bundle_no_fixture_in_the_commands_own_classes_and_resources() throws IOException, URISyntaxException {
        Path classes = Path.of(org.socklab.cli.Main.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());

        assertThat(offending(classes)).isEmpty();
    }

    @Test
    void should_bundle_no_fixture_in_the_shaded_jar_students_download() throws IOException {
        Path jar = Workflow.REPOSITORY.resolve("cli/target/socklab.jar");
        assumeTrue(Files.isRegularFile(jar), "cli/target/socklab.jar is made at package: not built in this run");

        assertThat(offending(jar)).isEmpty();
    }

    @Test
    void should_publish_no_fixture_on_an_exported_site() throws IOException {
        Path site = temp.resolve("site");
        SiteExport.export(new BuiltinSite(), site);

        assertThat(offending(site)).isEmpty();
        assertThat(files(site))
                .as("the grader in lib/ is among what was listed")
                .anySatisfy(file -> assertThat(file.toString()).endsWith(".jar"));
    }

    @Test
    void should_put_no_fixture_in_an_assignment_repository() throws IOException {
        Path jar = Workflow.REPOSITORY.resolve("cli/target/socklab.jar");
        if (!Files.isRegularFile(jar)) {
            jar = temp.resolve("launcher.jar");
            GraderCheckout.writeLauncherJar(jar);
        }
        Path assignment = temp.resolve("assignment");
        Assignment.write(assignment, EnumSet.allOf(Exercise.class), Language.ENGLISH, Files.readAllBytes(jar));

        assertThat(offending(assignment)).isEmpty();
    }

    /** Every entry of a folder or a jar, nested jars opened, that holds a solution or a fixture. */
    private static List<String> offending(Path artifact) throws IOException {
        List<String> found = new ArrayList<>();
        if (Files.isDirectory(artifact)) {
            for (Path file : files(artifact)) {
                check(artifact.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file), found);
            }
        } else {
            check(artifact.getFileName().toString(), Files.readAllBytes(artifact), found);
        }
        return found;
    }

    private static void check(String name, byte[] content, List<String> found) throws IOException {
        if (name.matches("(.*/)?fixtures/.*")
                || name.matches("(.*!/)?lab/.*\\.class")
                || name.contains("org/socklab/fixtures/")
                || FIXTURE_SOURCES.contains(sha256(content))) {
            found.add(name);
        }
        if (name.endsWith(".jar")) {
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
                for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    if (!entry.isDirectory()) {
                        check(name + "!/" + entry.getName(), zip.readAllBytes(), found);
                    } else if (entry.getName().contains("fixtures/")
                            || entry.getName().startsWith("socklab/reference")) {
                        found.add(name + "!/" + entry.getName());
                    }
                }
            }
        }
    }

    private static List<Path> files(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            // a module's build output (fixtures/target holds the compiled fixtures) is not what is shipped
            return paths.filter(Files::isRegularFile)
                    .filter(path -> !("/" + folder.relativize(path).toString().replace('\\', '/')).contains("/target/"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
