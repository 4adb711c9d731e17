package org.socklab.cli.classreport;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code class.html}: the class at a glance, one self-contained page (inline CSS and SVG, no
 * script, nothing fetched). Students by exercises as a colour grid (each student's name links to
 * their own report), the score distribution of each exercise, and the tests most students fail
 * with the feedback they got most often.
 *
 * <p>The same gradebook and scores give the same bytes: nothing depends on the time or the order
 * files were found in. Stateless.
 */
public final class ClassHtml {
    static final String FILE = "class.html";
    private static final int MOST_FAILED = 10;

    private ClassHtml() {}

    /**
     * @param title what the class and the grading are, e.g. the deadline
     * @param gradebook the rows, in roster order
     * @param scores each graded student's tests, by student (a student without one has no test detail)
     */
    static String render(String title, ClassGradebook gradebook, Map<String, List<TestResult>> scores) {
        List<String> exercises = gradebook.exercises();
        Map<String, Integer> maxByExercise = exerciseMax(exercises, scores);
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n")
                .append(Html.HEAD)
                .append("<title>")
                .append(Html.text(title))
                .append("</title>\n<style>\n")
                .append(Html.STYLE)
                .append("</style>\n</head>\n<body>\n");
        out.append("<h1>").append(Html.text(title)).append("</h1>\n");
        summary(out, gradebook);
        grid(out, gradebook, maxByExercise, scores);
        distributions(out, gradebook, maxByExercise);
        mostFailed(out, scores);
        return out.append("</body>\n</html>\n").toString();
    }

    private static void summary(StringBuilder out, ClassGradebook gradebook) {
        List<ClassRow> rows = gradebook.rows();
        long graded =
                rows.stream().filter(row -> row.status() == RowStatus.GRADED).count();
        long failed =
                rows.stream().filter(row -> row.status() == RowStatus.FAILED).count();
        long notGraded = rows.stream()
                .filter(row -> row.status() == RowStatus.NOT_GRADED)
                .count();
        long late = rows.stream().filter(row -> row.laterCommits() > 0).count();
        double mean = rows.stream()
                .filter(row -> row.status() == RowStatus.GRADED)
                .mapToInt(ClassRow::total)
                .average()
                .orElse(0);
        int max = rows.stream().mapToInt(ClassRow::max).max().orElse(0);
        out.append("<p class=\"summary\" id=\"summary\">")
                .append(rows.size())
                .append(" students: ")
                .append(graded)
                .append(" graded, ")
                .append(failed)
                .append(" failed, ")
                .append(notGraded)
                .append(" not graded; mean of the graded ")
                .append(Html.decimal(mean))
                .append(" of ")
                .append(max)
                .append("; ")
                .append(late)
                .append(" with commits after the deadline.</p>\n");
    }

    private static void grid(
            StringBuilder out,
            ClassGradebook gradebook,
            Map<String, Integer> maxByExercise,
            Map<String, List<TestResult>> scores) {
        out.append("<h2>Students by exercise</h2>\n<table id=\"grid\">\n<thead><tr><th>Student</th>");
        for (String exercise : gradebook.exercises()) {
            out.append("<th>").append(Html.text(exercise)).append("</th>");
        }
        out.append("<th>Total</th><th>Hidden</th><th>Late commits</th><th>Status</th></tr></thead>\n<tbody>\n");
        for (ClassRow row : gradebook.rows()) {
            boolean graded = row.status() != RowStatus.NOT_GRADED;
            out.append("<tr class=\"student\" data-status=\"")
                    .append(row.status().written())
                    .append("\"><th>");
            if (scores.containsKey(row.student())) {
                out.append("<a href=\"")
                        .append(Html.text(StudentHtml.link(row.student())))
                        .append("\">")
                        .append(Html.text(row.student()))
                        .append("</a>");
            } else {
                out.append(Html.text(row.student()));
            }
            out.append("</th>");
            for (int i = 0; i < gradebook.exercises().size(); i++) {
                int max = maxByExercise.getOrDefault(gradebook.exercises().get(i), 0);
                int points = row.points().get(i);
                if (graded) {
                    out.append("<td class=\"cell\" style=\"background:")
                            .append(Html.colour(points, max))
                            .append("\" title=\"")
                            .append(Html.text(gradebook.exercises().get(i) + ": " + points + "/" + max))
                            .append("\">")
                            .append(points)
                            .append("</td>");
                } else {
                    out.append("<td class=\"cell none\">&#8212;</td>");
                }
            }
            out.append(
                    graded
                            ? "<td class=\"num\" style=\"background:" + Html.colour(row.total(), row.max()) + "\">"
                                    + row.total() + "/" + row.max() + "</td>"
                            : "<td class=\"num none\">&#8212;</td>");
            out.append("<td class=\"num\">")
                    .append(row.hiddenMax() > 0 ? row.hidden() + "/" + row.hiddenMax() : "")
                    .append("</td>");
            out.append("<td class=\"num")
                    .append(row.laterCommits() > 0 ? " late" : "")
                    .append("\">")
                    .append(row.laterCommits() > 0 ? row.laterCommits() : "")
                    .append("</td>");
            out.append("<td>").append(row.status().written().replace('_', ' '));
            if (!row.reason().isEmpty()) {
                out.append("<div class=\"reason\">")
                        .append(Html.text(row.reason()))
                        .append("</div>");
            }
            out.append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n");
    }

    private static void distributions(StringBuilder out, ClassGradebook gradebook, Map<String, Integer> maxByExercise) {
        out.append("<h2>Score distribution per exercise</h2>\n<div class=\"charts\" id=\"distributions\">\n");
        List<ClassRow> graded = gradebook.rows().stream()
                .filter(row -> row.status() != RowStatus.NOT_GRADED)
                .toList();
        for (int i = 0; i < gradebook.exercises().size(); i++) {
            String exercise = gradebook.exercises().get(i);
            int index = i;
            int max = Math.max(
                    maxByExercise.getOrDefault(exercise, 0),
                    graded.stream()
                            .mapToInt(row -> row.points().get(index))
                            .max()
                            .orElse(0));
            int[] counts = new int[max + 1];
            graded.forEach(row -> counts[Math.min(max, Math.max(0, row.points().get(index)))]++);
            double mean = graded.stream()
                    .mapToInt(row -> row.points().get(index))
                    .average()
                    .orElse(0);
            out.append("<figure class=\"distribution\" data-exercise=\"")
                    .append(Html.text(exercise))
                    .append("\"><figcaption>")
                    .append(Html.text(exercise))
                    .append(": mean ")
                    .append(Html.decimal(mean))
                    .append(" of ")
                    .append(max)
                    .append("</figcaption>\n");
            histogram(out, counts);
            out.append("</figure>\n");
        }
        out.append("</div>\n");
    }

    /** Bars of how many students got each score, labelled with their counts and, when there is room, their scores. */
    private static void histogram(StringBuilder out, int[] counts) {
        int width = 260;
        int height = 80;
        int top = java.util.Arrays.stream(counts).max().orElse(0);
        double bar = (double) width / counts.length;
        boolean labelEach = bar >= 12;
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(width)
                .append("\" height=\"")
                .append(height + 30)
                .append("\" role=\"img\" font-size=\"10\" font-family=\"sans-serif\">");
        for (int points = 0; points < counts.length; points++) {
            double h = top == 0 ? 0 : (double) counts[points] / top * height;
            double x = points * bar;
            out.append("<rect x=\"")
                    .append(Html.decimal(x + 1))
                    .append("\" y=\"")
                    .append(Html.decimal(height + 12 - h))
                    .append("\" width=\"")
                    .append(Html.decimal(Math.max(1, bar - 2)))
                    .append("\" height=\"")
                    .append(Html.decimal(h))
                    .append("\" fill=\"")
                    .append(Html.barColour(points, counts.length - 1))
                    .append("\"><title>")
                    .append(points)
                    .append(" points: ")
                    .append(counts[points])
                    .append(" students</title></rect>");
            if (counts[points] > 0 && labelEach) {
                out.append("<text x=\"")
                        .append(Html.decimal(x + bar / 2))
                        .append("\" y=\"")
                        .append(Html.decimal(height + 10 - h))
                        .append("\" text-anchor=\"middle\">")
                        .append(counts[points])
                        .append("</text>");
            }
            if (labelEach || points == 0 || points == counts.length - 1) {
                out.append("<text x=\"")
                        .append(Html.decimal(x + bar / 2))
                        .append("\" y=\"")
                        .append(height + 25)
                        .append("\" text-anchor=\"middle\" fill=\"#57606a\">")
                        .append(points)
                        .append("</text>");
            }
        }
        out.append("</svg>\n");
    }

    private static void mostFailed(StringBuilder out, Map<String, List<TestResult>> scores) {
        record Key(int number, String exercise, String id) {}
        Map<Key, List<TestResult>> failures = new TreeMap<>(Comparator.comparingInt(Key::number)
                .thenComparing(Key::exercise)
                .thenComparing(Key::id));
        Map<Key, Integer> ran = new LinkedHashMap<>();
        for (List<TestResult> tests : scores.values()) {
            for (TestResult test : tests) {
                Key key = new Key(test.number(), test.exercise(), test.id());
                ran.merge(key, 1, Integer::sum);
                if (!test.earned()) {
                    failures.computeIfAbsent(key, k -> new ArrayList<>()).add(test);
                }
            }
        }
        List<Map.Entry<Key, List<TestResult>>> ranked = new ArrayList<>(failures.entrySet());
        ranked.sort(Comparator.comparingInt(
                (Map.Entry<Key, List<TestResult>> entry) -> -entry.getValue().size()));
        out.append("<h2>Tests most students fail</h2>\n");
        if (ranked.isEmpty()) {
            out.append("<p id=\"most-failed\">Every graded student passed every test.</p>\n");
            return;
        }
        out.append("<table id=\"most-failed\">\n<thead><tr><th>Exercise</th><th>Test</th><th>Failed by</th>"
                + "<th>Feedback most of them got</th></tr></thead>\n<tbody>\n");
        for (Map.Entry<Key, List<TestResult>> entry : ranked.subList(0, Math.min(MOST_FAILED, ranked.size()))) {
            List<TestResult> failed = entry.getValue();
            TestResult first = failed.get(0);
            out.append("<tr class=\"failing-test\" data-test=\"")
                    .append(Html.text(first.id()))
                    .append("\"><td>")
                    .append(first.number())
                    .append(". ")
                    .append(Html.text(first.exercise()))
                    .append("</td><td>")
                    .append(Html.text(first.name()))
                    .append(first.hidden() ? "<span class=\"tag\">hidden</span>" : "")
                    .append("</td><td class=\"num\">")
                    .append(failed.size())
                    .append(" of ")
                    .append(ran.get(entry.getKey()))
                    .append("</td><td><pre>")
                    .append(Html.text(commonest(failed).orElse("")))
                    .append("</pre></td></tr>\n");
        }
        out.append("</tbody>\n</table>\n");
    }

    /** The feedback most of them got, the alphabetically first among equals; cut to a readable length. */
    private static Optional<String> commonest(List<TestResult> failed) {
        Map<String, Integer> counts = new TreeMap<>();
        failed.forEach(test -> counts.merge(test.feedback(), 1, Integer::sum));
        return counts.entrySet().stream()
                .max(Comparator.comparingInt((Map.Entry<String, Integer> entry) -> entry.getValue())
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .map(Map.Entry::getKey)
                .map(text -> text.length() > 800 ? text.substring(0, 800) + "..." : text);
    }

    /** Each exercise's points, from any student's tests (hidden ones included). */
    private static Map<String, Integer> exerciseMax(List<String> exercises, Map<String, List<TestResult>> scores) {
        Map<String, Integer> max = new LinkedHashMap<>();
        for (String exercise : exercises) {
            scores.values().stream()
                    .map(tests -> tests.stream()
                            .filter(test -> test.exercise().equals(exercise))
                            .mapToInt(TestResult::max)
                            .sum())
                    .filter(sum -> sum > 0)
                    .max(Integer::compare)
                    .ifPresent(sum -> max.put(exercise, sum));
        }
        return max;
    }
}
