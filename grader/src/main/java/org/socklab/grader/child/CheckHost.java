package org.socklab.grader.child;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.socklab.grader.feedback.CoreFeedback;
import org.socklab.grader.feedback.FeedbackCodec;
import org.socklab.grader.feedback.NotApplicable;
import org.socklab.grader.harness.Floor;
import org.socklab.grader.harness.Isolation;
import org.socklab.grader.harness.ServerExtension;
import org.socklab.grader.policy.PolicyExtension;
import org.socklab.grader.score.Observations;

/**
 * The main class of a child JVM that runs one {@link org.socklab.grader.DirectCalls} test for the
 * grader (see {@link org.socklab.grader.harness.DirectCheck}), in-process, with the submission on its class path.
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

        AtomicReference<TestExecutionResult> result = new AtomicReference<>();
        AtomicReference<String> floor = new AtomicReference<>();
        LauncherFactory.create(LauncherConfig.builder()
                        .enableTestExecutionListenerAutoRegistration(false)
                        .build())
                .execute(
                        LauncherDiscoveryRequestBuilder.request()
                                .selectors(selectMethod(testClass, test))
                                .configurationParameter(ServerExtension.ISOLATION, Isolation.IN_PROCESS.value())
                                .configurationParameter(PolicyExtension.CHECKED_BY_PARENT, "true")
                                .build(),
                        new TestExecutionListener() {
                            @Override
                            public void reportingEntryPublished(TestIdentifier identifier, ReportEntry entry) {
                                Optional.ofNullable(entry.getKeyValuePairs().get(Floor.ENTRY))
                                        .ifPresent(floor::set);
                            }

                            @Override
                            public void executionFinished(TestIdentifier identifier, TestExecutionResult finished) {
                                if (identifier.isTest()) {
                                    result.set(finished);
                                }
                            }
                        });
        if (floor.get() != null) {
            verdicts.send(FLOOR + floor.get());
        }
        verdicts.send(verdict(result.get()));
        Runtime.getRuntime().halt(0);
    }

    private static String verdict(TestExecutionResult result) {
        if (result == null) {
            return "failed " + FeedbackCodec.encode(CoreFeedback.notRun());
        }
        return switch (result.getStatus()) {
            case SUCCESSFUL -> "passed";
            case ABORTED ->
                result.getThrowable()
                        .filter(NotApplicable.class::isInstance)
                        .map(thrown -> "not-checked " + FeedbackCodec.encode(Observations.of(thrown)))
                        .orElse("failed " + FeedbackCodec.encode(CoreFeedback.notRun()));
            case FAILED ->
                "failed "
                        + FeedbackCodec.encode(
                                result.getThrowable().map(Observations::of).orElseGet(CoreFeedback::notRun));
        };
    }

    private static String encode(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
