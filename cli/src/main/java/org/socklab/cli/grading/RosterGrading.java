package org.socklab.cli.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.socklab.cli.classreport.ClassGradebook;
import org.socklab.cli.classreport.ClassReport;
import org.socklab.cli.classreport.ClassRow;
import org.socklab.cli.classreport.HiddenShare;
import org.socklab.cli.classreport.RowStatus;
import org.socklab.cli.report.Gradebook;
import org.socklab.cli.report.ReportFolder;
import org.socklab.cli.report.Reports;
import org.socklab.cli.roster.Fetched;
import org.socklab.cli.roster.Member;
import org.socklab.cli.roster.RepositoryFetcher;
import org.socklab.cli.roster.Roster;

/**
 * {@code grade-all --roster}: fetches each student's repository at the commit the deadline names,
 * grades those fetched with {@link GradeAll} (hidden tests included), and writes the class folder
 * ({@link ClassReport}): one gradebook row per student of the roster, whatever happened to them.
 *
 * <p>The repositories are fetched into a scratch folder that is deleted afterwards; only the
 * reports are kept. Not thread-safe: one instance grades one roster once.
 */
public final class RosterGrading {
    private static final List<String> KEPT_REPORTS = List.of(Reports.SCORE, Reports.SUMMARY, Reports.GRADESCOPE);

    private final GradeAll gradeAll;
    private final RepositoryFetcher fetcher;

    public RosterGrading(GradeAll gradeAll, RepositoryFetcher fetcher) {
        this.gradeAll = gradeAll;
        this.fetcher = fetcher;
    }

    /**
     * Grades the roster into the class folder {@code out}.
     *
     * @param progress receives one line per student, as they are fetched and graded (text from
     *     students: the caller sanitizes it)
     */
    public ClassGradebook grade(Roster roster, Path out, String title, Consumer<String> progress) {
        fetcher.requireGit();
        Path scratch;
        try {
            scratch = Files.createTempDirectory("socklab-roster-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Map<String, Fetched> fetched = new HashMap<>();
            for (Member member : roster.members()) {
                Fetched one = fetcher.fetch(member, scratch.resolve(member.student()));
                if (one.folder().isEmpty()) {
                    ReportFolder.deleteTree(scratch.resolve(member.student()));
                    progress.accept(member.student() + ": not graded (" + one.reason() + ")");
                }
                fetched.put(member.student(), one);
            }
            Map<String, Gradebook.Row> graded = new HashMap<>();
            for (Gradebook.Row row : gradeAll.grade(
                    scratch,
                    row -> progress.accept(row.student() + ": " + row.total() + "/" + row.max()
                            + (row.reason().isEmpty() ? "" : " (" + row.reason() + ")")))) {
                graded.put(row.student(), row);
            }
            List<ClassRow> rows = new ArrayList<>();
            for (Member member : roster.members()) {
                rows.add(row(fetched.get(member.student()), graded.get(member.student()), scratch, out));
            }
            List<String> exercises = gradeAll.exercises().stream()
                    .map(org.socklab.grader.Exercise::key)
                    .toList();
            ClassGradebook gradebook = new ClassGradebook(exercises, rows);
            ClassReport.write(out, title, gradebook);
            return gradebook;
        } finally {
            ReportFolder.deleteTree(scratch);
        }
    }

    private ClassRow row(Fetched fetched, Gradebook.Row graded, Path scratch, Path out) {
        String student = fetched.member().student();
        int exercises = gradeAll.exercises().size();
        if (fetched.folder().isEmpty() || graded == null) {
            String reason = fetched.reason().isEmpty() ? "not graded" : fetched.reason();
            return ClassRow.notGraded(student, exercises, reason, fetched.laterCommits());
        }
        Path reports = ClassReport.reportsOf(out, student);
        keepReports(scratch.resolve(student).resolve("target/socklab"), reports);
        HiddenShare hidden = HiddenShare.of(reports.resolve(Reports.SCORE));
        return new ClassRow(
                student,
                graded.total(),
                graded.max(),
                graded.points(),
                hidden.points(),
                hidden.max(),
                "graded".equals(graded.status()) ? RowStatus.GRADED : RowStatus.FAILED,
                graded.reason(),
                fetched.graded().map(commit -> commit.sha()).orElse(""),
                fetched.graded().map(commit -> commit.time().toString()).orElse(""),
                fetched.laterCommits());
    }

    private static void keepReports(Path from, Path to) {
        try {
            Files.createDirectories(to);
            for (String name : KEPT_REPORTS) {
                if (Files.isRegularFile(from.resolve(name))) {
                    Files.copy(from.resolve(name), to.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the reports of " + from, e);
        }
    }
}
