package org.socklab.cli.classreport;

/**
 * One graded test of one student, as {@code score.json} has it.
 *
 * @param exercise the exercise's key
 * @param number the exercise's number in the course
 * @param id the test method, stable across languages
 * @param name what it checks, in the grading's language
 * @param points earned
 * @param max worth
 * @param status {@code passed}, {@code failed}, {@code not_run} or {@code not_checked}
 * @param hidden whether it is a hidden test
 * @param feedback what was observed and what to look at; empty when passed
 */
public record TestResult(
        String exercise,
        int number,
        String id,
        String name,
        int points,
        int max,
        String status,
        boolean hidden,
        String feedback) {

    boolean earned() {
        return points == max;
    }
}
