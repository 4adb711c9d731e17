package org.socklab.grader.harness;

import lab.sample.NeverReady;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socklab.grader.DirectCalls;
import org.socklab.grader.Exercise;
import org.socklab.grader.GradedExercise;
import org.socklab.grader.Points;

/** Two direct checks of a class whose initializer never ends, run by DirectCheckTest (never by Surefire). */
@GradedExercise(Exercise.QUEUE)
public class StuckInitializerSample {

    @Test
    @Points(1)
    @DisplayName("first touch")
    @DirectCalls
    public void firstTouch() {
        NeverReady.touch();
    }

    @Test
    @Points(1)
    @DisplayName("second touch")
    @DirectCalls
    public void secondTouch() {
        NeverReady.touch();
    }
}
