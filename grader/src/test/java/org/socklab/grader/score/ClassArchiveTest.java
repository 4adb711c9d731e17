package org.socklab.grader.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socklab.grader.feedback.Language;
import org.socklab.grader.harness.Containment;

class ClassArchiveTest {
    private static final Path JAVA_HOME = Path.of(System.getProperty("java.home"));

    @TempDir
    Path cache;

    @Test
    void should_make_no_archive_for_a_class_path_with_a_folder() {
        List<Path> classPath = GradingJvm.graderClassPath();
        assumeTrue(classPath.stream().anyMatch(Files::isDirectory), "a build's class path holds its classes folders");

        assertThat(ClassArchive.make(JAVA_HOME, Optional.of(cache), classPath)).isEmpty();
    }

    @Test
    void should_make_an_archive_that_a_sandboxed_jvm_maps_once_and_find_it_the_next_time() throws IOException {
        Containment containment = Containment.detect();
        assumeTrue(containment.sandboxed(), () -> containment.line().render(Language.ENGLISH));
        List<Path> jars = GradingJvm.graderClassPath().stream()
                .filter(entry -> entry.getFileName().toString().endsWith(".jar"))
                .filter(Files::isRegularFile)
                .toList();

        Optional<Path> made = ClassArchive.make(JAVA_HOME, Optional.of(cache), jars);

        assertThat(made)
                .hasValueSatisfying(
                        archive -> assertThat(archive).isRegularFile().hasParent(cache));
        Object madeFile = fileKey(made.get());
        Files.setLastModifiedTime(made.get(), FileTime.from(Instant.now().minus(Duration.ofDays(2))));
        assertThat(ClassArchive.make(JAVA_HOME, Optional.of(cache), jars)).isEqualTo(made);
        assertThat(fileKey(made.get())).as("the same file, not made again").isEqualTo(madeFile);
        assertThat(Files.getLastModifiedTime(made.get()).toInstant())
                .as("marked as used now, so that no other build's command takes it for stale")
                .isAfter(Instant.now().minus(Duration.ofDays(1)));
        try (var left = Files.list(cache)) {
            assertThat(left).as("nothing but the archive in the cache").containsExactly(made.get());
        }
    }

    private static Object fileKey(Path file) throws IOException {
        return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    }
}
