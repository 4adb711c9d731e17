package org.socklab.grader;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class of graded tests as hidden: its tests count in the teacher's official grading
 * ({@code socklab grade-all}) and never reach students.
 *
 * <p>A hidden class lives in the exercise's {@linkplain Exercise#hiddenTestPackage() hidden test
 * package}, outside {@code org.socklab.grader}, in the teacher-only module {@code grader-hidden}:
 * the grader a checkout, a site or an assignment repository ships holds only
 * {@code org/socklab/grader/}, so neither the class nor its messages ship. Its tests' names and
 * hints come from the bundle {@code messages} of its own package. Reports keep its points apart
 * from the visible ones.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Hidden {}
