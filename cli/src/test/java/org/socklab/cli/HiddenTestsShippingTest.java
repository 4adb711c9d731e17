package org.socklab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socklab.cli.checkout.GraderArtifact;

/**
 * Hidden tests run in the teacher's grading and reach no student: every entry of every artifact a
 * student gets (the grader jar of {@code lib/}, a site made by {@code site export}, a checkout, the
 * template's build) is listed, jars opened, and none holds a file of the hidden package, nor the
 * name of a hidden class or hidden test in its content.
 */
class HiddenTestsShippingTest {
    private static final String HIDDEN_PATH = "org/socklab/hidden";
    private static final String HIDDEN_PACKAGE = "org.socklab.hidden";
    private static final String HIDDEN_CLASS = HIDDEN_PACKAGE + ".echocaps.EchoCapsHiddenTests";
    private static final String MENTION = " (names a hidden class or test)";
    private static final List<String> HIDDEN_NAMES = hiddenNames();

    @TempDir
    Path temp;

    @Test
    void should_have_the_hidden_tests_in_the_command_that_grades_officially() throws ClassNotFoundException {
        assertThat(Class.forName(HIDDEN_CLASS)).isNotNull();
        assertThat(HIDDEN_NAMES).contains("EchoCapsHiddenTests", "decodesLongCharactersSentOneByteAtATime");
    }

    @Test
    void should_leave_the_hidden_tests_out_of_the_grader_jar_a_checkout_ships() throws IOException {
        List<String> entries = new ArrayList<>();
        collect("grader.jar", GraderArtifact.current().jar(), entries);

        assertThat(entries).anyMatch(entry -> entry.endsWith("org/socklab/grader/echocaps/EchoCapsTests.class"));
        assertThat(entries).noneMatch(HiddenTestsShippingTest::namesHidden);
    }

    @Test
    void should_leave_the_hidden_tests_out_of_every_file_of_an_exported_site() throws IOException {
        Path site = temp.resolve("site");
        assertThat(Submissions.socklab("site", "export", site.toString()).status())
                .isZero();

        List<String> entries = everyEntry(site);

        assertThat(entries).anyMatch(entry -> entry.endsWith("org/socklab/grader/echocaps/EchoCapsTests.class"));
        assertThat(entries).noneMatch(HiddenTestsShippingTest::namesHidden);
    }

    @Test
    void should_leave_the_hidden_tests_out_of_every_file_of_a_checkout() throws IOException {
        Path checkout = temp.resolve("all");
        assertThat(Submissions.socklab("checkout", "all", checkout.toString()).status())
                .isZero();

        List<String> entries = everyEntry(checkout);

        assertThat(entries).anyMatch(entry -> entry.endsWith("org/socklab/grader/echocaps/EchoCapsTests.class"));
        assertThat(entries).noneMatch(HiddenTestsShippingTest::namesHidden);
    }

    @Test
    void should_build_the_template_and_the_assignment_workflow_without_the_hidden_module() throws IOException {
        for (String file : List.of(
                "student-template/pom.xml",
                "cli/src/main/resources/socklab/checkout/pom.xml.template",
                "cli/src/main/resources/socklab/assignment/socklab.yml.template")) {
            assertThat(Files.readString(Submissions.REPOSITORY.resolve(file)))
                    .as(file)
                    .doesNotContain("hidden");
        }
    }

    /** Every file under the folder as {@code path}, each jar's entries as {@code path!entry}, and whether its bytes name the hidden package. */
    private static List<String> everyEntry(Path folder) throws IOException {
        List<String> entries = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                collect(folder.relativize(file).toString(), Files.readAllBytes(file), entries);
            }
        }
        return entries;
    }

    private static void collect(String name, byte[] content, List<String> entries) throws IOException {
        entries.add(mentionsHidden(content) ? name + MENTION : name);
        if (!name.endsWith(".jar")) {
            return;
        }
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                collect(name + "!" + entry.getName(), zip.readAllBytes(), entries);
            }
        }
    }

    private static boolean mentionsHidden(byte[] content) {
        String text = new String(content, StandardCharsets.ISO_8859_1);
        return HIDDEN_NAMES.stream().anyMatch(text::contains);
    }

    private static boolean namesHidden(String entry) {
        return entry.contains(HIDDEN_PATH + "/") || entry.endsWith(MENTION);
    }

    /** The hidden classes' simple names and their graded methods' names, from the hidden module as compiled. */
    private static List<String> hiddenNames() {
        try {
            Path location = Path.of(Class.forName(HIDDEN_CLASS)
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            List<String> names = new ArrayList<>();
            // the module's classes folder (mvn test) or its jar (mvn verify): read either as a tree
            java.nio.file.FileSystem jar = Files.isDirectory(location)
                    ? null
                    : java.nio.file.FileSystems.newFileSystem(location, (ClassLoader) null);
            Path root = jar == null ? location : jar.getPath("/");
            try (jar;
                    Stream<Path> files = Files.walk(root.resolve(HIDDEN_PATH))) {
                for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                    String name =
                            root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                    Class<?> type = Class.forName(name);
                    names.add(type.getSimpleName());
                    for (var method : type.getDeclaredMethods()) {
                        if (method.isAnnotationPresent(org.socklab.grader.Points.class)) {
                            names.add(method.getName());
                        }
                    }
                }
            }
            names.removeIf(String::isEmpty);
            return List.copyOf(names);
        } catch (IOException | ClassNotFoundException | java.net.URISyntaxException e) {
            throw new IllegalStateException(
                    "cannot list the hidden tests (the cli's tests run on compiled classes)", e);
        }
    }
}
