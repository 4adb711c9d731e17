package org.socklab.cli.classreport;

import java.util.List;

/**
 * A student's own report, {@code reports/<student>/report.html}, linked from the class report:
 * the commit graded and every test with its points and feedback, hidden ones marked. Stateless.
 */
final class StudentHtml {
    static final String FILE = "report.html";

    private StudentHtml() {}

    /** Where the class report links to, relative to it. */
    static String link(String student) {
        return ClassReport.REPORTS + "/" + student + "/" + FILE;
    }

    static String render(ClassRow row, List<TestResult> tests) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n")
                .append(Html.HEAD)
                .append("<title>")
                .append(Html.text(row.student()))
                .append("</title>\n<style>\n")
                .append(Html.STYLE)
                .append("</style>\n</head>\n<body>\n<p><a href=\"../../")
                .append(ClassHtml.FILE)
                .append("\">class report</a></p>\n");
        out.append("<h1>")
                .append(Html.text(row.student()))
                .append(": ")
                .append(row.total())
                .append('/')
                .append(row.max())
                .append("</h1>\n<p class=\"summary\">");
        if (row.hiddenMax() > 0) {
            out.append("Hidden tests: ")
                    .append(row.hidden())
                    .append('/')
                    .append(row.hiddenMax())
                    .append(". ");
        }
        out.append(
                row.commit().isEmpty()
                        ? "No commit recorded."
                        : "Commit " + Html.text(row.commit()) + " of " + Html.text(row.commitTime()) + ".");
        if (row.laterCommits() > 0) {
            out.append(" <span class=\"late\">")
                    .append(row.laterCommits())
                    .append(" later commits, not graded.</span>");
        }
        if (!row.reason().isEmpty()) {
            out.append(" ").append(Html.text(row.reason()));
        }
        out.append(
                "</p>\n<table>\n<thead><tr><th>Exercise</th><th>Test</th><th>Points</th><th>Feedback</th></tr></thead>\n<tbody>\n");
        for (TestResult test : tests) {
            out.append("<tr class=\"")
                    .append(test.earned() ? "passed" : "failed")
                    .append("\"><td>")
                    .append(test.number())
                    .append(". ")
                    .append(Html.text(test.exercise()))
                    .append("</td><td>")
                    .append(Html.text(test.name()))
                    .append(test.hidden() ? "<span class=\"tag\">hidden</span>" : "")
                    .append("</td><td class=\"num\">")
                    .append(test.points())
                    .append('/')
                    .append(test.max())
                    .append("</td><td><pre>")
                    .append(Html.text(test.feedback()))
                    .append("</pre></td></tr>\n");
        }
        return out.append("</tbody>\n</table>\n</body>\n</html>\n").toString();
    }
}
