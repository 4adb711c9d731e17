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

    /**
     * The options that map {@code archive}, a path as the JVM started with it sees it, at the address
     * it was made for. JDK 17 updates and later relocate every archive to a random address by
     * default, which costs each JVM a pass over the archive's pointers (about 30 ms of CPU, some 4 % of
     * a grading's). A fixed address for the class metadata is no help to Java code, which cannot read
     * memory by address (the policy forbids {@code Unsafe} and native code); where the address is
     * taken, the JVM relocates as before.
     */
    public static List<String> options(String archive) {
        return List.of(
                "-XX:SharedArchiveFile=" + archive, "-XX:+UnlockDiagnosticVMOptions", "-XX:ArchiveRelocationMode=0");
    }

    /** The options a child of this JVM is started with: the archive this JVM maps, if any. */
    static List<String> childOptions() {
        return Optional.ofNullable(System.getProperty(PROPERTY))
                .filter(archive -> !archive.isBlank())
                .map(SharedClasses::options)
                .orElse(List.of());
    }
}
