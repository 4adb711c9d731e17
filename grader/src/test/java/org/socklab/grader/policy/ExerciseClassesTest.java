package org.socklab.grader.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.socklab.grader.Exercise;

/**
 * Which classes the policy reads in a student's {@code mvn test}: the exercise's classes on the
 * test class path, not the test class (which extends the grader's tests, as it must).
 */
class ExerciseClassesTest {
    private static final String SERVER = """
            package lab.echocaps;
            public class EchoCapsServer {
                public static void serve(java.net.ServerSocket listener) {
                    Runnable task = new Runnable() {
                        public void run() { }
                    };
                }
            }
            """;
    private static final String TEST = """
            package lab.echocaps;
            class EchoCapsServerTest extends org.socklab.grader.score.ScoreCollector {
                EchoCapsServerTest() { super(); }
            }
            """;

    @TempDir
    Path temp;

    @Test
    void should_read_the_exercises_classes_and_leave_out_the_folder_of_the_tests() throws Exception {
        Path classes = write(temp.resolve("classes"), Map.of("lab.echocaps.EchoCapsServer", SERVER));
        Path testClasses = write(temp.resolve("test-classes"), Map.of("lab.echocaps.EchoCapsServerTest", TEST));

        List<String> read = namesSeen(classes, testClasses);

        assertThat(read).containsExactlyInAnyOrder("lab/echocaps/EchoCapsServer", "lab/echocaps/EchoCapsServer$1");
    }

    @Test
    void should_leave_out_only_the_test_class_when_tests_and_code_share_one_folder() throws Exception {
        Path both = write(
                temp.resolve("bin"),
                Map.of("lab.echocaps.EchoCapsServer", SERVER, "lab.echocaps.EchoCapsServerTest", TEST));

        List<String> read = namesSeen(both, both);

        assertThat(read).containsExactlyInAnyOrder("lab/echocaps/EchoCapsServer", "lab/echocaps/EchoCapsServer$1");
    }

    @Test
    void should_read_every_class_of_the_exercise_from_folders_and_jars_given_by_path() throws Exception {
        Path classes = write(temp.resolve("classes"), Map.of("lab.echocaps.EchoCapsServer", SERVER));

        assertThat(ExerciseClasses.in(List.of(classes, temp.resolve("missing.jar")))
                        .of(Exercise.ECHOCAPS))
                .hasSize(2);
        assertThat(ExerciseClasses.in(List.of(classes)).of(Exercise.CHAT)).isEmpty();
    }

    @Test
    void should_check_the_classes_of_another_package_that_the_exercise_calls_and_only_those() throws Exception {
        Path classes = write(
                temp.resolve("classes"),
                Map.of(
                        "lab.echocaps.EchoCapsServer", """
                        package lab.echocaps;
                        public class EchoCapsServer {
                            public static void serve(java.net.ServerSocket listener) throws Exception {
                                lab.util.Helper.help();
                            }
                        }
                        """,
                        "lab.util.Helper", """
                        package lab.util;
                        public class Helper {
                            public static void help() throws Exception {
                                Runtime.getRuntime().exec("sh");
                            }
                        }
                        """,
                        "lab.util.Unused", """
                        package lab.util;
                        public class Unused {
                            static void never() {
                                System.exit(1);
                            }
                        }
                        """));

        List<Violation> violations = PolicyCheck.check(Exercise.ECHOCAPS, List.of(classes));

        assertThat(violations)
                .containsExactly(new Violation("lab.util.Helper", 4, Violation.Kind.CALLS, "java.lang.Runtime.exec"));
    }

    private static List<String> namesSeen(Path classes, Path testClasses) throws Exception {
        URL[] urls = classes.equals(testClasses)
                ? new URL[] {classes.toUri().toURL()}
                : new URL[] {testClasses.toUri().toURL(), classes.toUri().toURL()};
        try (URLClassLoader loader = new URLClassLoader(urls, ExerciseClassesTest.class.getClassLoader())) {
            Class<?> testClass = Class.forName("lab.echocaps.EchoCapsServerTest", false, loader);
            return ExerciseClasses.seenBy(Exercise.ECHOCAPS, loader, testClass).of(Exercise.ECHOCAPS).stream()
                    .map(bytes -> new ClassReader(bytes).getClassName())
                    .toList();
        }
    }

    private static Path write(Path folder, Map<String, String> sources) throws IOException {
        for (byte[] bytes : InMemoryJavac.compile(sources)) {
            Path file = folder.resolve(new ClassReader(bytes).getClassName() + ".class");
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        }
        return folder;
    }
}
