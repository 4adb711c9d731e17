package org.socklab.grader.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.socklab.grader.feedback.Language;
import org.socklab.grader.policy.Violation.Kind;

/** The policy on compiled student code: what it lets through, what it stops, and what it says. */
class PolicyCheckTest {

    private static List<Violation> check(String className, String source) {
        return PolicyCheck.check(StudentCodePolicy.standard(), InMemoryJavac.compile(Map.of(className, source)));
    }

    @Test
    void should_let_through_sockets_threads_collections_and_what_javac_makes_of_lambdas_records_and_switches() {
        List<Violation> violations = check("lab.echocaps.Server", """
                package lab.echocaps;

                import java.io.*;
                import java.net.*;
                import java.nio.ByteBuffer;
                import java.nio.channels.*;
                import java.nio.charset.StandardCharsets;
                import java.time.Duration;
                import java.util.*;
                import java.util.concurrent.*;
                import java.util.concurrent.atomic.AtomicInteger;
                import java.util.concurrent.locks.ReentrantLock;
                import java.util.logging.Logger;
                import java.util.stream.Collectors;

                public class Server {
                    private static final Logger LOG = Logger.getLogger(Server.class.getName());
                    record Line(String text, int number) { }
                    enum Mode { UPPER, LOWER }
                    interface Handler { void handle(Socket socket) throws IOException; }

                    public static void serve(ServerSocket listener) throws IOException {
                        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
                        AtomicInteger count = new AtomicInteger();
                        ReentrantLock lock = new ReentrantLock();
                        Map<String, Integer> seen = new ConcurrentHashMap<>();
                        Handler handler = socket -> {
                            try (socket; BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                                 PrintWriter out = new PrintWriter(new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8), true)) {
                                String line;
                                while ((line = in.readLine()) != null) {
                                    Line read = new Line(line, count.incrementAndGet());
                                    Mode mode = read.number() % 2 == 0 ? Mode.UPPER : Mode.LOWER;
                                    String reply = switch (mode) {
                                        case UPPER -> line.toUpperCase(Locale.ROOT);
                                        case LOWER -> line.toLowerCase(Locale.ROOT);
                                    };
                                    switch (line) {
                                        case "stats" -> out.println("lines: " + count.get() + " " + read);
                                        default -> out.println(reply);
                                    }
                                    lock.lock();
                                    try {
                                        seen.merge(line, 1, Integer::sum);
                                    } finally {
                                        lock.unlock();
                                    }
                                    assert read.text() != null : "no text";
                                }
                            }
                        };
                        while (true) {
                            Socket client;
                            try {
                                client = listener.accept();
                            } catch (SocketException closed) {
                                break;
                            }
                            pool.submit(() -> {
                                try {
                                    handler.handle(client);
                                } catch (IOException e) {
                                    System.err.println(e.getMessage() + " " + Thread.currentThread().getName());
                                }
                            });
                        }
                        pool.shutdownNow();
                        List<String> words = seen.keySet().stream().sorted().collect(Collectors.toList());
                        words.forEach(System.out::println);
                        LOG.fine(() -> "done after " + Duration.ofNanos(System.nanoTime()) + " " + words.getClass().getSimpleName());
                        new Thread(new Runnable() {
                            @Override
                            public void run() {
                                ByteBuffer buffer = ByteBuffer.allocate(16);
                                buffer.put((byte) 1);
                            }
                        }).start();
                    }

                    public static void main(String[] args) throws IOException {
                        if (args.length != 1) {
                            System.exit(2);
                        }
                        serve(new ServerSocket(Integer.parseInt(System.getProperty("port", args[0]))));
                    }
                }
                """);

        assertThat(violations).isEmpty();
    }

    @Test
    void should_name_the_class_the_line_and_the_process_it_starts() {
        List<Violation> violations = check("lab.echocaps.Server", """
                package lab.echocaps;

                public class Server {
                    public static void serve(java.net.ServerSocket listener) throws Exception {
                        new ProcessBuilder("sh", "-c", "sleep 1000").start();
                    }
                }
                """);

        assertThat(violations)
                .containsExactly(new Violation("lab.echocaps.Server", 5, Kind.USES, "java.lang.ProcessBuilder"));
    }

    @Test
    void should_stop_runtime_exec_and_halt_but_let_the_number_of_cores_through() {
        List<Violation> violations = check("lab.http.Server", """
                package lab.http;

                public class Server {
                    static int cores() {
                        return Runtime.getRuntime().availableProcessors();
                    }

                    static void run() throws Exception {
                        Runtime.getRuntime().exec(new String[] {"kill", "-9", "1"});
                    }

                    static void stop() {
                        Runtime.getRuntime().halt(0);
                    }
                }
                """);

        assertThat(violations)
                .containsExactly(
                        new Violation("lab.http.Server", 9, Kind.CALLS, "java.lang.Runtime.exec"),
                        new Violation("lab.http.Server", 13, Kind.CALLS, "java.lang.Runtime.halt"));
    }

    @Test
    void should_allow_system_exit_in_main_only() {
        List<Violation> violations = check("lab.echocaps.Server", """
                package lab.echocaps;

                public class Server {
                    public static void serve(java.net.ServerSocket listener) {
                        System.exit(3);
                    }

                    public static void main(String[] args) {
                        System.exit(1);
                    }
                }
                """);

        assertThat(violations)
                .containsExactly(new Violation("lab.echocaps.Server", 5, Kind.OUTSIDE_MAIN, "java.lang.System.exit"));
    }

    @Test
    void should_stop_changing_the_jvms_own_state() {
        List<Violation> violations = check("lab.chat.Server", """
                package lab.chat;

                public class Server {
                    static void quiet() {
                        System.setOut(new java.io.PrintStream(new java.io.ByteArrayOutputStream()));
                        String home = System.getenv("HOME");
                        System.setProperty("a", home);
                        Runtime.getRuntime().addShutdownHook(new Thread(() -> { }));
                        System.loadLibrary("evil");
                    }
                }
                """);

        assertThat(violations)
                .extracting(Violation::line, Violation::thing)
                .containsExactly(
                        tuple(5, "java.lang.System.setOut"),
                        tuple(6, "java.lang.System.getenv"),
                        tuple(7, "java.lang.System.setProperty"),
                        tuple(8, "java.lang.Runtime.addShutdownHook"),
                        tuple(9, "java.lang.System.loadLibrary"));
    }

    @Test
    void should_stop_files_urls_and_a_print_writer_made_from_a_file_name() {
        List<Violation> violations = check("lab.queue.Server", """
                package lab.queue;

                import java.io.*;

                public class Server {
                    static void read() throws Exception {
                        new FileInputStream("/proc/self/mem").read();
                        new java.net.URL("file:///etc/passwd").openStream().read();
                        java.nio.file.Files.readString(java.nio.file.Path.of("/etc/hostname"));
                        new PrintWriter("grades.csv").println("alice,100");
                        new PrintWriter(new StringWriter()).println("fine");
                        java.net.URI.create("file:///etc/passwd").toURL();
                    }
                }
                """);

        assertThat(violations)
                .extracting(Violation::line, Violation::thing)
                .containsExactly(
                        tuple(7, "java.io.FileInputStream"),
                        tuple(8, "java.net.URL"),
                        tuple(9, "java.nio.file.Path.of"),
                        tuple(10, "new java.io.PrintWriter"),
                        tuple(12, "java.net.URI.toURL"));
    }

    @Test
    void should_stop_reflection_class_loading_and_method_handles() {
        List<Violation> violations = check("lab.bounded.Server", """
                package lab.bounded;

                public class Server {
                    static Object reach() throws Exception {
                        Class<?> harness = Class.forName("org.socklab.grader.harness.ChildJvm");
                        Object loader = Server.class.getClassLoader();
                        var lookup = java.lang.invoke.MethodHandles.lookup();
                        return harness.getDeclaredFields();
                    }
                }
                """);

        assertThat(violations)
                .extracting(Violation::line, Violation::thing)
                .containsExactly(
                        tuple(5, "java.lang.Class.forName"),
                        tuple(6, "java.lang.Class.getClassLoader"),
                        tuple(7, "java.lang.invoke.MethodHandles.lookup"),
                        tuple(8, "java.lang.Class.getDeclaredFields"));
    }

    @Test
    void should_stop_a_method_reference_to_a_forbidden_method() {
        List<Violation> violations = check("lab.chat.Server", """
                package lab.chat;

                import java.util.function.Function;

                public class Server {
                    static Function<ProcessBuilder, ?> starter() {
                        return pb -> null;
                    }

                    static java.util.function.Supplier<java.util.Optional<ProcessHandle>> parent() {
                        return ProcessHandle.current()::parent;
                    }
                }
                """);

        assertThat(violations)
                .extracting(Violation::line, Violation::thing)
                .contains(tuple(11, "java.lang.ProcessHandle.current"));
        assertThat(violations).extracting(Violation::line).contains(0);
    }

    @Test
    void should_stop_a_native_method_and_a_class_loader_of_its_own() {
        List<Violation> violations = check("lab.temperature.Store", """
                package lab.temperature;

                public class Store extends ClassLoader {
                    native void poke(long address);
                }
                """);

        assertThat(violations)
                .extracting(Violation::kind, Violation::thing)
                .containsExactlyInAnyOrder(
                        tuple(Kind.EXTENDS, "java.lang.ClassLoader"),
                        tuple(Kind.NATIVE, "poke"),
                        tuple(Kind.CALLS, "new java.lang.ClassLoader"));
    }

    @Test
    void should_stop_a_forbidden_static_method_reached_through_a_subclass_of_its_own() {
        List<Violation> violations = check("lab.chat.Worker", """
                package lab.chat;

                public class Worker extends Thread {
                    static int all() {
                        return Worker.getAllStackTraces().size();
                    }

                    static String name() {
                        return currentThread().getName();
                    }
                }
                """);

        assertThat(violations)
                .containsExactly(new Violation("lab.chat.Worker", 5, Kind.CALLS, "lab.chat.Worker.getAllStackTraces"));
    }

    @Test
    void should_let_a_method_of_its_own_through_even_if_the_jdk_forbids_one_of_that_name() {
        List<Violation> violations = check("lab.chat.Worker", """
                package lab.chat;

                public class Worker extends Thread {
                    public static java.util.Map<Thread, StackTraceElement[]> getAllStackTraces() {
                        return java.util.Map.of();
                    }

                    static int all() {
                        return Worker.getAllStackTraces().size();
                    }
                }
                """);

        assertThat(violations).isEmpty();
    }

    @Test
    void should_stop_any_class_of_the_grader() {
        List<Violation> violations = check("lab.temperature.Store", """
                package lab.temperature;

                public class Store {
                    static Object points() {
                        return org.socklab.grader.score.Status.PASSED;
                    }
                }
                """);

        assertThat(violations)
                .containsExactly(new Violation(
                        "lab.temperature.Store", 5, Kind.FIELD, "org.socklab.grader.score.Status.PASSED"));
    }

    @Test
    void should_let_calls_between_the_classes_of_the_submission_through() {
        List<Violation> violations = PolicyCheck.check(
                StudentCodePolicy.standard(),
                InMemoryJavac.compile(Map.of(
                        "lab.queue.Server", """
                        package lab.queue;

                        public class Server {
                            static int size() {
                                return new Stats().count() + lab.echocaps.Helper.twice(1);
                            }
                        }
                        """,
                        "lab.queue.Stats", """
                        package lab.queue;

                        class Stats {
                            int count() {
                                return 1;
                            }
                        }
                        """,
                        "lab.echocaps.Helper", """
                        package lab.echocaps;

                        public class Helper {
                            public static int twice(int n) {
                                return 2 * n;
                            }
                        }
                        """)));

        assertThat(violations).isEmpty();
    }

    @Test
    void should_say_where_and_what_in_each_language_listing_three_and_counting_the_rest() {
        List<Violation> violations = List.of(
                new Violation("lab.echocaps.EchoCapsServer", 12, Kind.CALLS, "java.lang.Runtime.exec"),
                new Violation("lab.echocaps.EchoCapsServer", 0, Kind.NATIVE, "poke"),
                new Violation("lab.echocaps.EchoCapsServer$1", 30, Kind.USES, "java.io.File"),
                new Violation("lab.echocaps.EchoCapsServer$1", 31, Kind.USES, "java.io.File"),
                new Violation("lab.echocaps.EchoCapsServer$1", 32, Kind.USES, "java.io.File"));

        String english = PolicyFeedback.broken(violations).render(Language.ENGLISH);
        String portuguese = PolicyFeedback.broken(violations).render(Language.PORTUGUESE);

        assertThat(english).contains("""
                lab.echocaps.EchoCapsServer, line 12: calls java.lang.Runtime.exec
                lab.echocaps.EchoCapsServer: declares the native method poke
                lab.echocaps.EchoCapsServer$1, line 30: uses java.io.File
                ... and 2 more
                """).startsWith("the code of this exercise uses what the course does not allow");
        assertThat(portuguese).contains("""
                lab.echocaps.EchoCapsServer, linha 12: chama java.lang.Runtime.exec
                lab.echocaps.EchoCapsServer: declara o método nativo poke
                lab.echocaps.EchoCapsServer$1, linha 30: usa java.io.File
                ... e mais 2
                """);
        assertThat(PolicyFeedback.broken(violations.subList(0, 1)).render(Language.ENGLISH))
                .doesNotContain("more")
                .contains("line 12: calls java.lang.Runtime.exec\nStudent code may use");
    }

    @Test
    void should_let_the_most_specific_rule_win_and_deny_on_a_tie() {
        StudentCodePolicy policy = StudentCodePolicy.parse(List.of(
                "# a comment",
                "",
                "allow java.io.*",
                "deny java.io.File*",
                "allow java.io.FileNotFoundException",
                "deny java.lang.System",
                "allow java.lang.System#out",
                "allow java.util.**",
                "deny java.util.Timer",
                "allow java.util.Timer"));

        assertThat(policy.allowsClass("java.io.InputStream")).isTrue();
        assertThat(policy.allowsClass("java.io.FileReader")).isFalse();
        assertThat(policy.allowsClass("java.io.FileNotFoundException")).isTrue();
        assertThat(policy.allowsClass("java.util.concurrent.locks.Lock")).isTrue();
        assertThat(policy.allowsClass("java.util.Timer")).isFalse();
        assertThat(policy.allowsClass("java.lang.System")).isFalse();
        assertThat(policy.mayName("java.lang.System")).isTrue();
        assertThat(policy.allowsClass("java.nio.file.Path")).isFalse();
        assertThat(policy.allowsClass("lab.anything.AtAll")).isTrue();
    }

    @Test
    void should_refuse_a_policy_line_it_does_not_understand_naming_the_line() {
        assertThatThrownBy(() -> StudentCodePolicy.parse(List.of("allow java.lang.*", "permit java.io.*")))
                .hasMessageContaining("policy line 2")
                .hasMessageContaining("permit");
        assertThatThrownBy(() -> StudentCodePolicy.parse(List.of("bootstrap java.lang.invoke.*")))
                .hasMessageContaining("policy line 1");
    }

    @Test
    void should_read_the_policy_file_of_the_course() {
        assertThat(StudentCodePolicy.standard().allowsClass("java.net.Socket")).isTrue();
        assertThat(StudentCodePolicy.standard().allowsClass("com.sun.tools.attach.VirtualMachine"))
                .isFalse();
    }
}
