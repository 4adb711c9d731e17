package org.socklab.cli.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socklab.cli.Submissions;
import org.socklab.grader.harness.Containment;

/** A grade-all worker's compiler compiles one submission after another, each into its own classes. */
class CompilerServicesTest {
    @TempDir
    Path work;

    @Test
    void should_compile_one_submission_after_another_in_one_warm_compiler() throws Exception {
        Containment containment = Containment.detect();
        Path extra = sources("extra", Submissions.REPOSITORY.resolve("fixtures/reference"));
        Files.writeString(extra.resolve("lab/echocaps/Extra.java"), "package lab.echocaps;\nclass Extra {}\n");
        Path broken = sources("broken", Submissions.REPOSITORY.resolve("fixtures/reference"));
        Files.writeString(broken.resolve("lab/echocaps/Broken.java"), "package lab.echocaps;\nclass Broken {\n");

        Compilation first;
        Compilation second;
        Compilation failed;
        int starts;
        try (CompilerServices compilers = CompilerServices.start(containment)) {
            first = Compilation.of(extra, work.resolve("extra-classes"), compilers);
            second = Compilation.of(
                    sources("stub", Submissions.REPOSITORY.resolve("student-template")),
                    work.resolve("stub-classes"),
                    compilers);
            starts = compilers.starts();
            failed = Compilation.of(broken, work.resolve("broken-classes"), compilers);
        }

        assertThat(first.succeeded()).as(first.errors()).isTrue();
        assertThat(first.classes().resolve("lab/echocaps/Extra.class")).exists();
        assertThat(second.succeeded()).as(second.errors()).isTrue();
        assertThat(second.classes().resolve("lab/echocaps/EchoCapsServer.class"))
                .exists();
        assertThat(second.classes().resolve("lab/echocaps/Extra.class")).doesNotExist();
        assertThat(starts).isEqualTo(containment.sandboxed() ? 1 : 0);
        assertThat(failed.errors()).startsWith("lab/echocaps/Broken.java:").doesNotContain("/socklab");
    }

    private Path sources(String name, Path submission) {
        return Submission.in(submission).copySources(work.resolve(name + "-src"));
    }
}
