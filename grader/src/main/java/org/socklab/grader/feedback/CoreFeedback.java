package org.socklab.grader.feedback;

import java.time.Duration;

/**
 * The observations every exercise shares, as named factories: what a client saw on the wire, what
 * became of the student's {@code serve}, and why a test could not judge. Each message says what
 * was observed and, where the cause is generic, what to look at. Stateless.
 */
public final class CoreFeedback {
    /** The messages of the core, in every language. */
    public static final MessageBundle MESSAGES = MessageBundle.beside(CoreFeedback.class);

    private CoreFeedback() {}

    public static Feedback noReply(Duration waited, String sent) {
        return Feedback.of(MESSAGES, "reply.none", waited.toSeconds(), Shown.text(sent));
    }

    public static Feedback closedBeforeReply(String sent) {
        return Feedback.of(MESSAGES, "reply.closed", Shown.text(sent));
    }

    public static Feedback resetBeforeReply(String sent) {
        return Feedback.of(MESSAGES, "reply.reset", Shown.text(sent));
    }

    public static Feedback sendFailed(String sent) {
        return Feedback.of(MESSAGES, "send.failed", Shown.text(sent));
    }

    public static Feedback wrongReply(String sent, String expected, String received) {
        return Feedback.of(MESSAGES, "reply.wrong", Shown.text(sent), Shown.text(expected), Shown.text(received));
    }

    public static Feedback invalidUtf8(String sent) {
        return Feedback.of(MESSAGES, "reply.invalidUtf8", Shown.text(sent));
    }

    /** A reply line went on past {@code mebibytes} MiB without its end of line: the client stopped reading it. */
    public static Feedback lineTooLong(int mebibytes, String sent) {
        return Feedback.of(MESSAGES, "reply.lineTooLong", mebibytes, Shown.text(sent));
    }

    /** More than {@code mebibytes} MiB arrived while the client waited for the server to close. */
    public static Feedback replyTooLong(int mebibytes, String sent) {
        return Feedback.of(MESSAGES, "reply.tooLong", mebibytes, Shown.text(sent));
    }

    public static Feedback notClosed(Duration waited, String received) {
        return Feedback.of(MESSAGES, "reply.notClosed", waited.toSeconds(), Shown.text(received));
    }

    public static Feedback connectFailed(String reason) {
        return Feedback.of(MESSAGES, "connect.failed", reason);
    }

    public static Feedback notImplemented(String className) {
        return Feedback.of(MESSAGES, "server.notImplemented", className);
    }

    public static Feedback serverCrashed(Throwable thrown) {
        return Feedback.of(
                MESSAGES, "server.crashed", thrown.getClass().getName(), String.valueOf(thrown.getMessage()));
    }

    public static Feedback serverReturned() {
        return Feedback.of(MESSAGES, "server.returned");
    }

    public static Feedback serverWouldNotStop(Duration waited) {
        return Feedback.of(MESSAGES, "server.wouldNotStop", waited.toSeconds());
    }

    public static Feedback classMissing(String className) {
        return Feedback.of(
                MESSAGES, "class.missing", className, "src/main/java/" + className.replace('.', '/') + ".java");
    }

    public static Feedback serveMissing(String className, String signature) {
        return Feedback.of(MESSAGES, "class.noServe", className, signature);
    }

    public static Feedback cannotStart(Throwable thrown) {
        return Feedback.of(
                MESSAGES, "server.cannotStart", thrown.getClass().getName(), String.valueOf(thrown.getMessage()));
    }

    /** Why every test of a submission that does not compile scores zero. */
    public static Feedback notCompiled() {
        return Feedback.of(MESSAGES, "test.notCompiled");
    }

    public static Feedback notRun() {
        return Feedback.of(MESSAGES, "test.notRun");
    }

    public static Feedback skipped(String reason) {
        return Feedback.of(MESSAGES, "test.skipped", reason);
    }

    public static Feedback timedOut(String detail) {
        return Feedback.of(MESSAGES, "test.timedOut", detail);
    }

    public static Feedback testError(Throwable thrown) {
        return Feedback.of(MESSAGES, "test.error", thrown.getClass().getName(), String.valueOf(thrown.getMessage()));
    }

    public static Feedback assertion(String message) {
        return Feedback.of(MESSAGES, "test.assertion", message);
    }

    /** A wait named by {@code alias} timed out; the last observation is a message or a plain text. */
    public static Feedback notTrueWithin(Feedback alias, Duration waited, Object lastObservation) {
        return Feedback.of(MESSAGES, "wait.timedOut", alias, waited.toSeconds(), lastObservation);
    }

    public static Feedback happened(Feedback alias, Duration window, Object observation) {
        return Feedback.of(MESSAGES, "wait.happened", alias, window.toMillis(), observation);
    }

    public static Feedback passed() {
        return Feedback.of(MESSAGES, "test.passed");
    }

    public static Feedback serverCrashed(String exceptionClass, String message) {
        return Feedback.of(MESSAGES, "server.crashed", exceptionClass, message);
    }

    public static Feedback cannotStart(String exceptionClass, String message) {
        return Feedback.of(MESSAGES, "server.cannotStart", exceptionClass, message);
    }

    /** The child JVM running the server ended on its own (System.exit, a crash, memory). */
    public static Feedback processExited(int status) {
        return Feedback.of(MESSAGES, "process.exited", Integer.toString(status));
    }

    /** The grader killed the child JVM because it had too many threads alive. */
    public static Feedback processTooManyThreads(int limit) {
        return Feedback.of(MESSAGES, "process.tooManyThreads", Integer.toString(limit));
    }

    /** The grader killed the child's processes because their resident memory passed the bound. */
    public static Feedback processTooMuchMemory(int limitMb) {
        return Feedback.of(MESSAGES, "process.tooMuchMemory", Integer.toString(limitMb));
    }

    /** The grader killed the child's processes because it started too many of them. */
    public static Feedback processTooManyProcesses(int limit) {
        return Feedback.of(MESSAGES, "process.tooManyProcesses", Integer.toString(limit));
    }

    /** The child ended on the CPU-time limit (SIGXCPU). */
    public static Feedback processOutOfCpu(int limitSeconds) {
        return Feedback.of(MESSAGES, "process.outOfCpu", Integer.toString(limitSeconds));
    }

    /** The line of a report that says student code ran in a sandbox, and under which limits. */
    public static Feedback sandboxUsed(String kind, String version, Feedback limits) {
        return Feedback.of(MESSAGES, "sandbox.used", kind, version, limits);
    }

    /** The limits of a sandbox, for its report line. */
    public static Feedback sandboxLimits(int memoryMb, int processes, int fileSizeMb, int cpuSeconds, int tmpMb) {
        return Feedback.of(
                MESSAGES,
                "sandbox.limits",
                Integer.toString(memoryMb),
                Integer.toString(processes),
                Integer.toString(fileSizeMb),
                Integer.toString(cpuSeconds),
                Integer.toString(tmpMb));
    }

    /** The line of a report that says student code ran without a sandbox, and why. */
    public static Feedback sandboxNone(Feedback why) {
        return Feedback.of(MESSAGES, "sandbox.none", why);
    }

    /** Why no sandbox: a tool it needs is not installed. */
    public static Feedback sandboxMissing(String tool) {
        return Feedback.of(MESSAGES, "sandbox.missing", tool);
    }

    /** Why no sandbox: it cannot create namespaces on this machine. */
    public static Feedback sandboxBlocked(String said) {
        return Feedback.of(MESSAGES, "sandbox.blocked", said);
    }

    /** Why no sandbox: not Linux. */
    public static Feedback sandboxNotLinux() {
        return Feedback.of(MESSAGES, "sandbox.notLinux");
    }

    /** Why no sandbox: {@code --sandbox none}. */
    public static Feedback sandboxOff() {
        return Feedback.of(MESSAGES, "sandbox.off");
    }

    /** The grading JVM of an exercise could not start (a problem of the grader's machine). */
    public static Feedback gradingCannotStart(String reason) {
        return Feedback.of(MESSAGES, "grading.cannotStart", reason);
    }

    /** The grading JVM of an exercise ended without handing back a whole score. */
    public static Feedback gradingWithoutScore(String status) {
        return Feedback.of(MESSAGES, "grading.noScore", status);
    }

    /** The grader killed the child JVM because it listened on a port of its own. */
    public static Feedback processForeignListener(int port) {
        return Feedback.of(MESSAGES, "process.foreignListener", Integer.toString(port));
    }

    /** The grader killed the child JVM because it outlived its wall-clock bound. */
    public static Feedback processOutOfTime(java.time.Duration bound) {
        return Feedback.of(MESSAGES, "process.outOfTime", bound.toSeconds());
    }

    /** The child JVM could not even start (a problem of the grader's machine, not the student's). */
    public static Feedback checkOutOfTime(java.time.Duration bound) {
        return Feedback.of(MESSAGES, "check.outOfTime", bound.toSeconds());
    }

    public static Feedback checkCallStuck(String method, Duration waited) {
        return Feedback.of(MESSAGES, "check.callStuck", method, waited.toSeconds());
    }

    public static Feedback checkWithoutVerdict(String exitStatus) {
        return Feedback.of(MESSAGES, "check.noVerdict", exitStatus);
    }

    /** A plain text where a message is expected: a display name with no key, an assertion's own words. */
    public static Feedback text(String text) {
        return Feedback.of(MESSAGES, "text", text);
    }

    /** A test blocked by a gate: what it needs, nothing more. */
    public static Feedback blocked(Feedback needs) {
        return Feedback.of(MESSAGES, "gate.blocked", needs);
    }

    /** How many later tests the cause just told held back. */
    public static Feedback heldBack(int tests) {
        return Feedback.of(MESSAGES, "gate.heldBack", tests);
    }

    /** A class of the submission stayed in its static initializer past the bound: no test can use it. */
    public static Feedback initializerStuck(String className, Duration waited) {
        return Feedback.of(MESSAGES, "class.initializerStuck", className, waited.toSeconds());
    }

    public static Feedback processCannotStart(String reason) {
        return Feedback.of(MESSAGES, "process.cannotStart", reason);
    }

    /** Threads and CPU time of another process cannot be read on this operating system. */
    public static Feedback probeUnavailable() {
        return Feedback.of(MESSAGES, "probe.unavailable");
    }
}
