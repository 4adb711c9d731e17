package org.socklab.grader.score;

/**
 * Which graded tests a grading runs: the visible ones a student also runs, or those and the
 * {@linkplain org.socklab.grader.Hidden hidden} ones of the teacher's official grading (found
 * only where the teacher-only module is on the class path).
 */
public enum TestSelection {
    VISIBLE,
    VISIBLE_AND_HIDDEN;

    boolean includesHidden() {
        return this == VISIBLE_AND_HIDDEN;
    }
}
