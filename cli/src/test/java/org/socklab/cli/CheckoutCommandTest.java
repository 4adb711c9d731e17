package org.socklab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socklab.cli.checkout.Bundled;
import org.socklab.cli.checkout.CheckoutKeys;
import org.socklab.cli.checkout.CheckoutState;
import org.socklab.cli.checkout.GraderArtifact;
import org.socklab.cli.checkout.TemplateFile;
import org.socklab.cli.site.BuiltinSite;
import org.socklab.cli.site.SiteIndex;
import org.socklab.cli.site.Sites;
import org.socklab.grader.Exercise;

/**
 * {@code socklab checkout} and {@code socklab site} end to end, in process: from the builtin site,
 * from an exported site in a folder and served over HTTP on loopback, and again in a checkout.
 */
class CheckoutCommandTest {
    private static final String STUB = "src/main/java/lab/echocaps/EchoCapsServer.java";

    @TempDir
    Path temp;

    private Path home;

    @BeforeEach
    void emptyHome() throws IOException {
        home = Files.createDirectories(temp.resolve("home"));
    }

    @Test
    void should_check_out_an_exercise_with_its_pom_stub_test_listener_readme_wrapper_and_grader() throws IOException {
        Path folder = temp.resolve("x");

        Submissions.Run run = socklab("checkout", "echocaps", folder.toString());

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(files(folder))
                .contains(
                        "pom.xml",
                        "mvnw",
                        "mvnw.cmd",
                        ".mvn/wrapper/maven-wrapper.properties",
                        ".mvn/maven.config",
                        ".mvn/jvm.config",
                        ".gitignore",
                        ".gitattributes",
                        ".editorconfig",
                        "README.md",
                        STUB,
                        "src/test/java/lab/echocaps/EchoCapsServerTest.java",
                        "src/test/resources/META-INF/services/org.junit.platform.launcher.TestExecutionListener",
                        CheckoutState.FILE)
                .noneMatch(path -> path.startsWith("src/main/java/lab/http/"));
        assertThat(Files.readString(folder.resolve(STUB)))
                .isEqualTo(Files.readString(
                        Submissions.REPOSITORY.resolve("student-template").resolve(STUB)));
        assertThat(folder.resolve("mvnw")).isExecutable();
        String readme = Files.readString(folder.resolve("README.md"));
        assertThat(readme)
                .contains(
                        "exercise 1: echocaps",
                        "exercício 1: echocaps",
                        "EchoCapsServer",
                        "./mvnw test",
                        "mvnw.cmd test");
        assertThat(folder.resolve(".editorconfig")).content().contains("charset = utf-8");
        assertThat(folder.resolve(".gitattributes")).content().contains("mvnw text eol=lf");
        String pom = Files.readString(folder.resolve("pom.xml"));
        String version = GraderArtifact.current().version();
        assertThat(pom)
                .contains(
                        "<artifactId>socklab-echocaps</artifactId>",
                        "<socklab.version>" + version + "<",
                        "file://${project.basedir}/lib",
                        "<mainClass>org.socklab.grader.score.ScorePrinter</mainClass>")
                .doesNotContain("{{");
        assertThat(folder.resolve("lib/org/socklab/socklab-grader/" + version + "/socklab-grader-" + version + ".jar"))
                .isRegularFile();
        assertThat(run.out()).contains(STUB + ": added", "Checked out echocaps from site builtin");
    }

    @Test
    void should_ship_a_jar_with_the_graded_tests_and_a_version_that_names_its_content() throws IOException {
        GraderArtifact first = GraderArtifact.current();
        GraderArtifact second = GraderArtifact.current();

        assertThat(second.version())
                .isEqualTo(first.version())
                .doesNotContain("SNAPSHOT")
                .endsWith(TemplateFile.sha256(first.jar()).substring(0, 12));
        Path jar = temp.resolve("grader.jar");
        Files.write(jar, first.jar());
        try (var zip = java.nio.file.FileSystems.newFileSystem(jar)) {
            assertThat(zip.getPath("/org/socklab/grader/echocaps/EchoCapsTests.class"))
                    .isRegularFile();
            assertThat(zip.getPath("/org/socklab/grader/score/ScoreReportListener.class"))
                    .isRegularFile();
            assertThat(zip.getPath("/org/socklab/grader/score/ScorePrinter.class"))
                    .as("the pom's score step runs it")
                    .isRegularFile();
            assertThat(zip.getPath("/org/socklab/cli")).doesNotExist();
        }
    }

    @Test
    void should_ship_a_grader_pom_with_the_grader_modules_dependencies() throws IOException {
        String module = Files.readString(Submissions.REPOSITORY.resolve("grader/pom.xml"));
        String shipped = new String(GraderArtifact.current().pom(), StandardCharsets.UTF_8);

        assertThat(artifactIds(shipped)).containsAll(artifactIds(compileScope(module)));
        assertThat(artifactIds(compileScope(module)))
                .containsAll(artifactIds(shipped.substring(shipped.indexOf("</dependencyManagement>"))));
    }

    @Test
    void should_offer_all_and_every_exercise_whose_test_class_the_template_has() {
        List<String> expected = new ArrayList<>(List.of(CheckoutKeys.ALL));
        for (Exercise exercise : Exercise.values()) {
            Path tests = Submissions.REPOSITORY.resolve("student-template/src/test/java/lab/" + exercise.key());
            if (Files.isDirectory(tests)) {
                expected.add(exercise.key());
            }
        }

        assertThat(new BuiltinSite().index().keys()).containsExactlyElementsOf(expected);
    }

    @Test
    void should_check_out_all_with_every_stub_and_the_templates_readme() throws IOException {
        Path folder = temp.resolve("all");

        Submissions.Run run = socklab("checkout", "all", folder.toString());

        assertThat(run.status()).as(run.err()).isZero();
        for (Exercise exercise : Exercise.values()) {
            assertThat(folder.resolve(
                            "src/main/java/" + exercise.serverClassName().replace('.', '/') + ".java"))
                    .isRegularFile();
        }
        assertThat(Files.readString(folder.resolve("README.md")))
                .isEqualTo(Files.readString(Submissions.REPOSITORY.resolve("student-template/README.md")));
    }

    @Test
    void should_write_the_same_files_from_an_exported_site_served_over_http_as_from_the_builtin_one()
            throws IOException {
        Path site = temp.resolve("site");
        Submissions.Run export = socklab("site", "export", site.toString());
        assertThat(export.status()).as(export.err()).isZero();
        assertThat(site.resolve(SiteIndex.FILE)).isRegularFile();

        try (StaticSiteServer server = new StaticSiteServer(site)) {
            configure("course = " + server.url());
            Submissions.Run run =
                    socklab("checkout", "echocaps@course", temp.resolve("http").toString());

            assertThat(run.status()).as(run.err()).isZero();
            assertThat(run.out()).contains("from site course (" + server.url() + ")");
        }
        socklab("checkout", "echocaps@builtin", temp.resolve("builtin").toString());
        assertThat(contents(temp.resolve("http"))).isEqualTo(contents(temp.resolve("builtin")));
    }

    @Test
    void should_keep_an_edited_stub_and_update_untouched_files_when_run_again() throws IOException {
        Path site = exportedSite();
        configure("course = " + site);
        Path folder = temp.resolve("x");
        socklab("checkout", "echocaps", folder.toString());
        String edited = "package lab.echocaps; public class EchoCapsServer { /* my work */ }\n";
        Files.writeString(folder.resolve(STUB), edited);
        publish(site, "echocaps", "README.md", "# a newer statement\n");
        publish(site, "echocaps", STUB, "package lab.echocaps; public class EchoCapsServer { /* newer stub */ }\n");

        Submissions.Run run = socklab("checkout", "echocaps", folder.toString());

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(Files.readString(folder.resolve(STUB))).isEqualTo(edited);
        assertThat(Files.readString(folder.resolve("README.md"))).isEqualTo("# a newer statement\n");
        assertThat(run.out()).contains(STUB + ": kept: you changed it", "README.md: updated", "more up to date");

        Submissions.Run again = socklab("checkout", "echocaps", folder.toString());
        assertThat(Files.readString(folder.resolve(STUB))).isEqualTo(edited);
        assertThat(again.out()).contains(STUB + ": kept: you changed it");
    }

    @Test
    void should_overwrite_an_edited_file_only_when_told_to_with_y() throws IOException {
        Path folder = temp.resolve("x");
        socklab("checkout", "echocaps", folder.toString());
        String pristine = Files.readString(folder.resolve(STUB));
        Files.writeString(folder.resolve(STUB), "my work\n");

        Submissions.Run run = socklab("checkout", "echocaps", folder.toString(), "-y");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(Files.readString(folder.resolve(STUB))).isEqualTo(pristine);
        assertThat(run.out()).contains(STUB + ": overwritten");
    }

    @Test
    void should_refuse_in_one_line_to_write_through_a_symbolic_link_in_the_checkout() throws IOException {
        Path folder = temp.resolve("x");
        socklab("checkout", "echocaps", folder.toString());
        Path teacher = Files.writeString(temp.resolve("teacher.txt"), "the teacher's own file\n");
        Files.delete(folder.resolve(STUB));
        Files.createSymbolicLink(folder.resolve(STUB), teacher);

        Submissions.Run run = socklab("checkout", "echocaps", folder.toString(), "-y");

        assertThat(run.status()).isEqualTo(Cli.FAILED);
        assertThat(run.err().strip())
                .contains(STUB + " in ")
                .contains("is a symbolic link: refused, never followed")
                .doesNotContain("\n");
        assertThat(teacher).hasContent("the teacher's own file");
    }

    @Test
    void should_keep_a_backup_of_every_file_it_overwrites_with_y_and_list_them() throws IOException {
        Path folder = temp.resolve("x");
        socklab("checkout", "echocaps", folder.toString());
        Files.writeString(folder.resolve(STUB), "my work\n");
        Files.writeString(folder.resolve("pom.xml"), "my pom\n");

        Submissions.Run run = socklab("checkout", "echocaps", folder.toString(), "-y");

        assertThat(run.status()).as(run.err()).isZero();
        List<String> backups = run.out()
                .lines()
                .map(String::strip)
                .filter(line -> line.startsWith(".socklab/backup/"))
                .toList();
        assertThat(backups)
                .hasSize(2)
                .anySatisfy(backup -> assertThat(backup).endsWith("/" + STUB))
                .anySatisfy(backup -> assertThat(backup).endsWith("/pom.xml"));
        for (String backup : backups) {
            assertThat(Files.readString(folder.resolve(backup))).startsWith("my ");
        }
        assertThat(run.out()).contains(STUB + ": overwritten (-y): your version is saved as .socklab/backup/");
    }

    @Test
    void should_name_a_malformed_line_of_the_sites_file_and_still_serve_the_sites_that_parse() throws IOException {
        Path site = exportedSite();
        configure("this line has no equals sign\nlocal = " + site + "\nbuiltin = /elsewhere\nweb = http://[bad\n");

        Submissions.Run list = socklab("site", "list");
        Submissions.Run fromLocal =
                socklab("checkout", "echocaps@local", temp.resolve("a").toString());
        Submissions.Run fromBuiltin =
                socklab("checkout", "echocaps@builtin", temp.resolve("b").toString());

        assertThat(list.status()).as(list.err()).isZero();
        assertThat(list.out()).contains("local = " + site + "  (default)").contains("builtin = builtin");
        assertThat(list.err().lines().toList())
                .hasSize(3)
                .anySatisfy(line -> assertThat(line).contains("line 1: expected name = URL or folder"))
                .anySatisfy(line -> assertThat(line).contains("line 3: the name builtin is taken"))
                .anySatisfy(line -> assertThat(line).contains("line 4:"));
        assertThat(fromLocal.status()).as(fromLocal.err()).isZero();
        assertThat(fromBuiltin.status()).as(fromBuiltin.err()).isZero();
        assertThat(temp.resolve("b").resolve(STUB)).exists();
    }

    @Test
    void should_ship_a_checksum_beside_every_file_of_the_grader_repository() throws IOException {
        Path folder = temp.resolve("x");
        socklab("checkout", "http", folder.toString());

        List<Path> artifacts;
        try (var files = Files.walk(folder.resolve("lib"))) {
            artifacts = files.filter(file ->
                            file.toString().endsWith(".jar") || file.toString().endsWith(".pom"))
                    .toList();
        }
        assertThat(artifacts).hasSize(2);
        for (Path artifact : artifacts) {
            byte[] content = Files.readAllBytes(artifact);
            assertThat(Files.readString(Path.of(artifact + ".sha1")))
                    .isEqualTo(java.util.HexFormat.of().formatHex(sha("SHA-1", content)));
            assertThat(Files.readString(Path.of(artifact + ".md5")))
                    .isEqualTo(java.util.HexFormat.of().formatHex(sha("MD5", content)));
        }
    }

    private static byte[] sha(String algorithm, byte[] content) {
        try {
            return java.security.MessageDigest.getInstance(algorithm).digest(content);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void should_restore_a_deleted_file_and_leave_the_rest_alone() throws IOException {
        Path folder = temp.resolve("x");
        socklab("checkout", "echocaps", folder.toString());
        Files.delete(folder.resolve("README.md"));

        Submissions.Run run = socklab("checkout", "echocaps", folder.toString());

        assertThat(folder.resolve("README.md")).isRegularFile();
        assertThat(run.out()).contains("README.md: restored").doesNotContain(": added");
    }

    @Test
    void should_remove_an_untouched_file_the_template_dropped_and_keep_a_changed_one() throws IOException {
        Path site = exportedSite();
        configure("course = " + site);
        Path folder = temp.resolve("x");
        socklab("checkout", "echocaps", folder.toString());
        Files.writeString(folder.resolve(".gitignore"), "target/\n*.log\n");
        unpublish(
                site,
                "echocaps",
                "README.md",
                ".gitignore",
                ".mvn/maven.config",
                ".mvn/jvm.config",
                ".mvn/wrapper/maven-wrapper.properties");

        Submissions.Run run = socklab("checkout", "echocaps", folder.toString());

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(folder.resolve("README.md")).doesNotExist();
        assertThat(folder.resolve(".mvn")).doesNotExist();
        assertThat(folder.resolve(".gitignore")).hasContent("target/\n*.log");
        assertThat(run.out()).contains("README.md: removed", ".gitignore: kept: no longer in the template");
    }

    @Test
    void should_refuse_an_unknown_key_listing_the_known_ones() {
        Submissions.Run run = socklab("checkout", "echocapz", temp.resolve("x").toString());

        assertThat(run.status()).isEqualTo(Cli.FAILED);
        assertThat(run.err().lines())
                .singleElement()
                .asString()
                .contains("unknown key echocapz", "known keys: all, echocaps");
        assertThat(temp.resolve("x")).doesNotExist();
    }

    @Test
    void should_refuse_an_unknown_site_listing_the_known_ones() {
        Submissions.Run run =
                socklab("checkout", "echocaps@nowhere", temp.resolve("x").toString());

        assertThat(run.status()).isEqualTo(Cli.FAILED);
        assertThat(run.err().lines()).singleElement().asString().contains("unknown site nowhere", "builtin");
    }

    @Test
    void should_refuse_an_unreachable_site_saying_which_and_why() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        configure("course = http://127.0.0.1:" + closedPort + "/site/");

        Submissions.Run run = socklab("checkout", "echocaps", temp.resolve("x").toString());

        assertThat(run.status()).isEqualTo(Cli.FAILED);
        assertThat(run.err().lines())
                .singleElement()
                .asString()
                .contains(
                        "site course (http://127.0.0.1:" + closedPort + "/site/) is unreachable: ",
                        "cannot connect to 127.0.0.1:" + closedPort);
        assertThat(temp.resolve("x")).doesNotExist();
    }

    @Test
    void should_refuse_a_web_server_that_is_not_a_site() {
        try (StaticSiteServer server = new StaticSiteServer(temp)) {
            configure("course = " + server.url());

            Submissions.Run run =
                    socklab("checkout", "echocaps", temp.resolve("x").toString());

            assertThat(run.status()).isEqualTo(Cli.FAILED);
            assertThat(run.err().lines())
                    .singleElement()
                    .asString()
                    .contains("site course", "answered HTTP 404", SiteIndex.FILE);
        }
    }

    @Test
    void should_refuse_a_folder_that_is_not_a_checkout_and_write_nothing() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("x"));
        Files.writeString(folder.resolve("pom.xml"), "mine");

        Submissions.Run run = socklab("checkout", "echocaps", folder.toString());

        assertThat(run.status()).isEqualTo(Cli.FAILED);
        assertThat(run.err().lines()).singleElement().asString().contains("is not a socklab checkout");
        assertThat(files(folder)).containsExactly("pom.xml");
        assertThat(folder.resolve("pom.xml")).hasContent("mine");
    }

    @Test
    void should_refuse_a_checkout_of_another_exercise() throws IOException {
        Path folder = temp.resolve("x");
        socklab("checkout", "echocaps", folder.toString());

        Submissions.Run run = socklab("checkout", "all", folder.toString());

        assertThat(run.status()).isEqualTo(Cli.FAILED);
        assertThat(run.err().lines()).singleElement().asString().contains("is a checkout of echocaps, not all");
    }

    @Test
    void should_write_nothing_when_a_file_does_not_match_its_checksum() throws IOException {
        Path site = exportedSite();
        configure("course = " + site);
        Files.writeString(site.resolve("echocaps/README.md"), "tampered\n");

        Submissions.Run run = socklab("checkout", "echocaps", temp.resolve("x").toString());

        assertThat(run.status()).isEqualTo(Cli.FAILED);
        assertThat(run.err().lines()).singleElement().asString().contains("does not match its checksum");
        assertThat(temp.resolve("x")).doesNotExist();
    }

    @Test
    void should_default_to_the_first_configured_site_and_update_from_the_site_it_came_from() throws IOException {
        Path site = exportedSite();
        configure("# the course's sites\nfirst = " + site + "\nsecond = " + temp.resolve("nothing-here"));

        Submissions.Run list = socklab("site", "list");
        Submissions.Run run = socklab("checkout", "echocaps", temp.resolve("x").toString());
        configure("other = " + temp.resolve("nothing-here"));
        Submissions.Run again =
                socklab("checkout", "echocaps", temp.resolve("x").toString());

        assertThat(list.out().lines())
                .containsExactly(
                        "first = " + site + "  (default)",
                        "second = " + temp.resolve("nothing-here"),
                        "builtin = builtin");
        assertThat(run.out()).contains("from site first (" + site + ")");
        assertThat(again.status()).as(again.err()).isZero();
        assertThat(again.out()).contains("from site first (" + site + ")");
    }

    @Test
    void should_refuse_an_index_that_would_write_outside_the_checkout() {
        for (String path : List.of("../evil", "/etc/passwd", "a/../../b", ".socklab/checkout.properties", "C:\\x")) {
            String index = SiteIndex.HEADER + "\necho\t" + "0".repeat(64) + "\t-\t" + path + "\techo/x\n";

            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> SiteIndex.parse(index)))
                    .as(path)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("line 2");
        }
    }

    private Submissions.Run socklab(String... args) {
        return Submissions.socklab(Map.of(Sites.HOME_VARIABLE, home.toString()), args);
    }

    private void configure(String sites) {
        try {
            Files.writeString(home.resolve(Sites.FILE), sites + "\n");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Path exportedSite() {
        Path site = temp.resolve("site");
        Submissions.Run export = socklab("site", "export", site.toString());
        assertThat(export.status()).as(export.err()).isZero();
        return site;
    }

    /** A teacher's update: a new version of one file of one key, and its checksum in the index. */
    private static void publish(Path site, String key, String path, String content) throws IOException {
        SiteIndex index = SiteIndex.parse(Files.readString(site.resolve(SiteIndex.FILE)));
        List<SiteIndex.Entry> entries = new ArrayList<>();
        for (SiteIndex.Entry entry : index.entries()) {
            if (entry.key().equals(key) && entry.path().equals(path)) {
                String sitePath = key + "/" + path + ".v2";
                Files.createDirectories(site.resolve(sitePath).getParent());
                Files.writeString(site.resolve(sitePath), content);
                entry = new SiteIndex.Entry(
                        key,
                        TemplateFile.sha256(content.getBytes(StandardCharsets.UTF_8)),
                        entry.executable(),
                        path,
                        sitePath);
            }
            entries.add(entry);
        }
        Files.writeString(site.resolve(SiteIndex.FILE), new SiteIndex(entries).write());
    }

    private static void unpublish(Path site, String key, String... paths) throws IOException {
        SiteIndex index = SiteIndex.parse(Files.readString(site.resolve(SiteIndex.FILE)));
        List<String> dropped = List.of(paths);
        Files.writeString(
                site.resolve(SiteIndex.FILE),
                new SiteIndex(index.entries().stream()
                                .filter(entry -> !(entry.key().equals(key) && dropped.contains(entry.path())))
                                .toList())
                        .write());
    }

    private static List<String> files(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(Files::isRegularFile)
                    .map(path -> folder.relativize(path).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }

    /** Every file's content (as text, for readable failures) except the state, which names its site. */
    private static Map<String, String> contents(Path folder) throws IOException {
        SortedMap<String, byte[]> files = Bundled.walk(folder);
        files.remove(CheckoutState.FILE);
        Map<String, String> text = new java.util.TreeMap<>();
        files.forEach((path, bytes) -> text.put(path, TemplateFile.sha256(bytes)));
        return text;
    }

    private static List<String> artifactIds(String pom) {
        List<String> ids = new ArrayList<>();
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile(
                        "<dependency>\\s*<groupId>[^<]+</groupId>\\s*<artifactId>([^<]+)</artifactId>")
                .matcher(pom);
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        return ids.stream().filter(id -> !id.equals("junit-bom")).toList();
    }

    /** The dependencies of a pom without a test scope. */
    private static String compileScope(String pom) {
        return pom.replaceAll("(?s)<dependency>(?:(?!</dependency>).)*<scope>test</scope>\\s*</dependency>", "");
    }
}
