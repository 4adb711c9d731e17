package org.socklab.grader.child;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.opentest4j.TestAbortedException;
import org.socklab.grader.feedback.CoreFeedback;
import org.socklab.grader.feedback.FeedbackCodec;
import org.socklab.grader.feedback.NotApplicable;
import org.socklab.grader.harness.DirectInvocation;
import org.socklab.grader.harness.Floor;
import org.socklab.grader.score.Observations;

/**
 * The main class of a child JVM that runs one {@link org.socklab.grader.DirectCalls} test for the
 * grader (see {@link org.socklab.grader.harness.DirectCheck}), in-process, with the submission on its class path:
 * it calls the test itself ({@link DirectInvocation}) rather than through JUnit's launcher, whose
 * start cost more than most checks.
 *
 * <p>Its first act is to connect its {@link ControlChannel}, before any class of the submission is
 * loaded; the channel lives in a local variable of {@link #main}, which no code of the submission
 * can reach. The verdict is one line on it: {@code passed}, {@code not-checked <base64>} or
 * {@code failed <base64>} (the observation as a value, see {@link org.socklab.grader.feedback.FeedbackCodec}), or {@code stuck <base64>} (a class of the
 * submission whose static initializer never ends, from {@link InitializerWatch}), or
 * {@code stuck-call <base64>} (a method of the submission that the check called and that waits
 * forever, from {@link StuckCallWatch}), after a line {@code floor <floor>} that says what the test
 * waited through ({@link Floor#encode()}). What the
 * submission prints on its standard output and error is captured by the grader as data only.
 */
public final class CheckHost {
    /** The start of the line that carries the check's {@link Floor}, sent before the verdict. */
    public static final String FLOOR = "floor ";

    private CheckHost() {}

    /**
     * Arguments: the test class, the test method (graded test methods are public and their names
     * unique in their class), the package prefix of the submission's classes.
     */
    public static void main(String[] args) throws IOException, ClassNotFoundException {
        ControlChannel verdicts = ControlChannel.connect();
        System.setIn(new ByteArrayInputStream(new byte[0]));
        InitializerWatch.start(args[2], stuck -> {
            verdicts.send("stuck " + encode(stuck));
            Runtime.getRuntime().halt(0);
        });
        StuckCallWatch.start(args[0], args[1], args[2], stuck -> {
            verdicts.send("stuck-call " + encode(stuck));
            Runtime.getRuntime().halt(0);
        });
        Class<?> testClass = Class.forName(args[0]);
        Method test = Arrays.stream(testClass.getMethods())
                .filter(method -> method.getName().equals(args[1]))
                .findFirst()
                .orElseThrow();

        DirectInvocation.Outcome outcome = DirectInvocation.run(testClass, test);
        verdicts.send(FLOOR + outcome.floor().encode());
        verdicts.send(outcome.thrown().map(CheckHost::verdict).orElse("passed"));
        Runtime.getRuntime().halt(0);
    }

    private static String verdict(Throwable thrown) {
        if (thrown instanceof NotApplicable) {
            return "not-checked " + FeedbackCodec.encode(Observations.of(thrown));
        }
        if (thrown instanceof TestAbortedException) {
            return "failed " + FeedbackCodec.encode(CoreFeedback.notRun());
        }
        return "failed " + FeedbackCodec.encode(Observations.of(thrown));
    }

    private static String encode(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
