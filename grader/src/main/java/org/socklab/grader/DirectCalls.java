package org.socklab.grader;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a graded test that runs the submission's code directly (it calls a class of the
 * submission, such as its {@code TemperatureStore}), not only over TCP, or that needs the view of
 * the server that only its own JVM has (the stacks of its threads, {@code ServerProbe.threads()}).
 * Reading a class's bytecode (a structural rule) is neither.
 *
 * <p>In a student's {@code mvn test} it runs as any test. When servers are isolated in child
 * processes, it runs in a child JVM of its own instead, so that whatever the student's code does
 * there ({@code System.exit}, an endless loop) costs this test only; just its verdict comes back.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface DirectCalls {}
