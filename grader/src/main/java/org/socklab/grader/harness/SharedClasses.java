package org.socklab.grader.harness;

import java.util.List;
import java.util.Optional;

/**
 * The class-data-sharing archive a grading JVM maps, handed on to the JVMs it starts for the
 * student's code (server hosts, direct checks), so that they load the grader's classes from it too.
 * The grading JVM learns it from its command line ({@value #PROPERTY}), which only the command
 * writes; without that property (a student's {@code mvn test}, a grading without the sandbox)
 * children start as they always did.
 *
 * <p>Stateless and thread-safe.
 */
public final class SharedClasses {
    /** The system property that names the archive, as the sandboxed JVMs see it. */
    public static final String PROPERTY = "socklab.classArchive";

    private SharedClasses() {}

    /** The option that maps {@code archive}, a path as the JVM started with it sees it. */
    public static String option(String archive) {
        return "-XX:SharedArchiveFile=" + archive;
    }

    /** The options a child of this JVM is started with: the archive this JVM maps, if any. */
    static List<String> childOptions() {
        return Optional.ofNullable(System.getProperty(PROPERTY))
                .filter(archive -> !archive.isBlank())
                .map(archive -> List.of(option(archive)))
                .orElse(List.of());
    }
}
