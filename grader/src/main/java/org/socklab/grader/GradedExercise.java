package org.socklab.grader;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.socklab.grader.harness.ServerExtension;
import org.socklab.grader.policy.PolicyExtension;

/**
 * Marks a class of graded tests for one exercise.
 *
 * <p>It brings the {@link PolicyExtension}, which checks the exercise's classes against the policy
 * on student code before any of its tests runs, and the {@link ServerExtension}, which starts the server under test for each test and
 * stops it afterwards, and a per-test timeout, so that no student's code can hold the run forever.
 * The timeout is a backstop, not a verdict: the tests' own waits end by what the server does
 * (see the README's table of bounds), so it is set where only a stuck test meets it; at 90 s a
 * correct single-dispatcher chat met it on a 2-core machine under two CPU hogs and five other
 * gradings.
 * The test body runs on a thread of its own, so that even a test stuck where an interrupt cannot
 * reach (a student's class initializer that never ends, say) is abandoned at the deadline.
 * Display names come from the exercise's bundle ({@link GradedDisplayNames}). It is inherited, so a student's template can run the tests by extending the class.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith({PolicyExtension.class, ServerExtension.class})
@DisplayNameGeneration(GradedDisplayNames.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public @interface GradedExercise {
    Exercise value();
}
