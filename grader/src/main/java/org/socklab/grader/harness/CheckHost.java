package org.socklab.grader.harness;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.socklab.grader.feedback.Language;
import org.socklab.grader.feedback.NotApplicable;
import org.socklab.grader.policy.PolicyExtension;
import org.socklab.grader.score.Observations;

/**
 * The main class of a child JVM that runs one {@link org.socklab.grader.DirectCalls} test for the
 * grader (see {@link DirectCheck}), in-process, with the submission on its class path.
 *
 * <p>The first line of standard input is a token that the grader drew at random. It is read before
 * any class of the submission is loaded and kept, with the real standard output, in local
 * variables of {@link #main}, which no code of the submission can reach; the submission's own
 * {@code System.out} goes to standard error. The verdict is one line, {@code <token> passed},
 * {@code <token> not-checked <base64>} or {@code <token> failed <base64>} (the observation, in
 * UTF-8); the grader accepts no other line, so printed text cannot pass for a verdict.
 */
public final class CheckHost {
    private CheckHost() {
    }

    /**
     * Arguments: the test class, the test method (graded test methods are public and their names
     * unique in their class), the language of the observation.
     */
    public static void main(String[] args) throws IOException, ClassNotFoundException {
        PrintStream verdicts = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        String token = new BufferedReader(new InputStreamReader(new FileInputStream(FileDescriptor.in),
                StandardCharsets.UTF_8)).readLine();
        System.setOut(System.err);
        System.setIn(new ByteArrayInputStream(new byte[0]));
        Language language = Language.valueOf(args[2]);
        Class<?> testClass = Class.forName(args[0]);
        Method test = Arrays.stream(testClass.getMethods())
                .filter(method -> method.getName().equals(args[1])).findFirst().orElseThrow();

        AtomicReference<TestExecutionResult> result = new AtomicReference<>();
        LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build())
                .execute(LauncherDiscoveryRequestBuilder.request()
                        .selectors(selectMethod(testClass, test))
                        .configurationParameter(ServerExtension.ISOLATION, Isolation.IN_PROCESS.value())
                        .configurationParameter(PolicyExtension.CHECKED_BY_PARENT, "true")
                        .build(), new TestExecutionListener() {
                            @Override
                            public void executionFinished(TestIdentifier identifier, TestExecutionResult finished) {
                                if (identifier.isTest()) {
                                    result.set(finished);
                                }
                            }
                        });
        verdicts.println(token + " " + verdict(result.get(), language));
        verdicts.flush();
        Runtime.getRuntime().halt(0);
    }

    private static String verdict(TestExecutionResult result, Language language) {
        if (result == null) {
            return "failed " + encode("the test did not run");
        }
        return switch (result.getStatus()) {
            case SUCCESSFUL -> "passed";
            case ABORTED -> result.getThrowable().filter(NotApplicable.class::isInstance)
                    .map(thrown -> "not-checked " + encode(Observations.of(thrown).render(language)))
                    .orElse("failed " + encode("the test was aborted"));
            case FAILED -> "failed " + encode(result.getThrowable().map(Observations::of)
                    .map(observation -> observation.render(language)).orElse("failed"));
        };
    }

    private static String encode(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
