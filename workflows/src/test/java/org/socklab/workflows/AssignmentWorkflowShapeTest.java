package org.socklab.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the assignment workflow promises that a run cannot show: one workflow in two places, the
 * grader pinned in one obvious place, and nothing that needs GitHub Classroom (retired in August
 * 2026), so that it keeps working in any repository.
 */
class AssignmentWorkflowShapeTest {
    private final Workflow workflow = Workflow.load(Workflow.ASSIGNMENT);

    @Test
    void should_ship_the_same_workflow_in_the_template_as_the_one_teachers_copy() throws IOException {
        assertThat(Files.readString(Workflow.TEMPLATE))
                .as("student-template/.github/workflows/socklab.yml is a copy of .github/assignment/socklab.yml")
                .isEqualTo(Files.readString(Workflow.ASSIGNMENT));
    }

    @Test
    void should_pin_the_grader_in_the_workflow_env_and_check_it_out_from_there() {
        assertThat(workflow.env()).containsKeys("SOCKLAB_REPOSITORY", "SOCKLAB_REF");
        assertThat(workflow.env().get("SOCKLAB_REPOSITORY")).matches("[\\w.-]+/[\\w.-]+");
        assertThat(workflow.env().get("SOCKLAB_REF")).as("a tag or a full commit, not a branch")
                .matches("v\\d+\\.\\d+\\.\\d+(-[\\w.]+)?|[0-9a-f]{40}");
        assertThat(workflow.steps("grade")).filteredOn(step -> step.with().containsKey("repository"))
                .singleElement().satisfies(step -> {
                    assertThat(step.with().get("repository")).isEqualTo("${{ env.SOCKLAB_REPOSITORY }}");
                    assertThat(step.with().get("ref")).isEqualTo("${{ env.SOCKLAB_REF }}");
                });
    }

    @Test
    void should_use_only_plain_actions_from_github() {
        List<String> actions = workflow.steps("grade").stream().map(Workflow.Step::uses)
                .filter(uses -> uses != null).toList();

        assertThat(actions).isNotEmpty().allSatisfy(uses -> assertThat(uses)
                .matches("actions/(checkout|setup-java|upload-artifact)@v\\d+"));
    }

    @Test
    void should_install_the_sandbox_lift_apparmors_userns_restriction_and_grade_only_with_the_sandbox() {
        List<String> scripts = workflow.steps("grade").stream().map(Workflow.Step::run)
                .filter(run -> run != null).toList();

        assertThat(scripts).anySatisfy(run -> assertThat(run).contains("apt-get install -y -qq bubblewrap",
                "sysctl -w kernel.apparmor_restrict_unprivileged_userns=0"));
        assertThat(scripts).filteredOn(run -> run.contains("socklab\" grade")).singleElement()
                .satisfies(run -> assertThat(run).contains("--sandbox required"));
    }
}
