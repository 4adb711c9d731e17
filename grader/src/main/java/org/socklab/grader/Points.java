package org.socklab.grader;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How many points a graded test is worth. A test scores all of them or none.
 *
 * <p>The test's name in the score table and the hint a student reads when it fails come from the
 * exercise's message bundle, under the keys {@code <method>.name} and {@code <method>.hint}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Points {
    int value();
}
