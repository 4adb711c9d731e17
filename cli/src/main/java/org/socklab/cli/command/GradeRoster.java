package org.socklab.cli.command;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.socklab.cli.classreport.ClassGradebook;
import org.socklab.cli.classreport.ClassReport;
import org.socklab.cli.grading.GradeAll;
import org.socklab.cli.grading.RosterGrading;
import org.socklab.cli.report.Console;
import org.socklab.cli.roster.Deadline;
import org.socklab.cli.roster.LatePolicy;
import org.socklab.cli.roster.RepositoryFetcher;
import org.socklab.cli.roster.Roster;
import org.socklab.cli.shard.Shard;
import org.socklab.grader.Exercise;
import org.socklab.grader.feedback.Language;
import org.socklab.grader.harness.Containment;

/**
 * {@code grade-all --roster FILE --deadline WHEN --out DIR}: the roster (or one shard of it) graded
 * into a class folder, its gradebook appended to {@code $GITHUB_STEP_SUMMARY} when there is one.
 * Everything it is given was checked before it runs. Stateless.
 */
final class GradeRoster {
    private GradeRoster() {}

    static int run(
            Terminal terminal,
            Path rosterFile,
            Deadline deadline,
            Path out,
            LatePolicy late,
            Shard shard,
            Set<Exercise> exercises,
            Language language,
            int jobs,
            Duration timeout,
            Containment containment) {
        Roster roster = shard.of(Roster.read(rosterFile));
        GradeAll gradeAll = new GradeAll(exercises, language, jobs, timeout, containment);
        String title = "socklab: class report, deadline " + deadline.text()
                + (shard.equals(Shard.WHOLE) ? "" : ", shard " + shard);
        ClassGradebook gradebook = new RosterGrading(gradeAll, new RepositoryFetcher(timeout, deadline, late))
                .grade(roster, out, title, line -> terminal.out().println(Console.sanitized(line)));
        terminal.out()
                .println("Gradebook of " + gradebook.rows().size() + " students and class report written to " + out);
        StepSummary.append(terminal, ClassReport.markdown(title, gradebook));
        return 0;
    }
}
