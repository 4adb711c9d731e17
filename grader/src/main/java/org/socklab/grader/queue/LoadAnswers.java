package org.socklab.grader.queue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.socklab.grader.feedback.Feedback;
import org.socklab.grader.feedback.GradedFailure;

/**
 * Judges, one after another, the {@code STATS} answers asked while a {@link ReadingLoad} runs.
 *
 * <p>Every reading of the load is {@code Carga-n,n,-n} and none is ever replaced, so a whole answer
 * names one city {@code Carga-n} in both lines, with max {@code n} and min {@code -n}; and since
 * processed readings are only ever added, {@code n} never goes down from one answer to the next.
 * An answer mixing two readings was read half before and half after an update; one going down was
 * read from a stale copy of the statistics.
 *
 * <p>Not thread-safe: one test thread feeds it, in the order the answers arrived.
 */
final class LoadAnswers {
    private static final Pattern HOTTEST = Pattern.compile("HOTTEST,Carga-(\\d+),(-?\\d+)");
    private static final Pattern COLDEST = Pattern.compile("COLDEST,Carga-(\\d+),(-?\\d+)");

    private List<String> previous;
    private long previousNumber = -1;

    /** Starts from an answer already known to be right, {@code Carga-n} alone. */
    LoadAnswers(List<String> first, int number) {
        this.previous = first;
        this.previousNumber = number;
    }

    /** Checks answer number {@code index}, as explained above. */
    void check(int index, List<String> answer) {
        Feedback shown = Stats.shown(answer);
        if (answer.equals(List.of(Stats.EMPTY))) {
            throw new GradedFailure(QueueFeedback.loadBackwards(index, shown, Stats.shown(previous)));
        }
        if (answer.size() != 2) {
            throw new GradedFailure(QueueFeedback.loadMalformed(index, shown));
        }
        Matcher hottest = HOTTEST.matcher(answer.get(0));
        Matcher coldest = COLDEST.matcher(answer.get(1));
        if (!hottest.matches() || !coldest.matches()) {
            throw new GradedFailure(QueueFeedback.loadMalformed(index, shown));
        }
        long hotCity = Long.parseLong(hottest.group(1));
        long hotMax = Long.parseLong(hottest.group(2));
        long coldCity = Long.parseLong(coldest.group(1));
        long coldMin = Long.parseLong(coldest.group(2));
        if (hotCity != hotMax || coldCity != -coldMin || hotCity != coldCity) {
            throw new GradedFailure(QueueFeedback.loadTorn(index, shown));
        }
        if (hotCity < previousNumber) {
            throw new GradedFailure(QueueFeedback.loadBackwards(index, shown, Stats.shown(previous)));
        }
        previous = answer;
        previousNumber = hotCity;
    }
}
