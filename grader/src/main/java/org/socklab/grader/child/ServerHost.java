package org.socklab.grader.child;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The main class of a child JVM that hosts one exercise's servers for the grader (see
 * {@link org.socklab.grader.harness.ChildJvm}). It uses the JDK only, and connects its {@link ControlChannel} before any
 * student class is loaded.
 *
 * <p>Protocol, one UTF-8 line per message, on the control channel only. The grader sends:
 * <ul>
 *   <li>{@code serve <id> [<type>:<value>]...}: bind a listener on 127.0.0.1, port 0, and call the
 *       server class's {@code serve(listener, values...)} on a new thread;</li>
 *   <li>{@code stop <id>}: close that listener;</li>
 *   <li>{@code ping <n>}: answer {@code pong <n>}. Messages are handled and answered in order,
 *       so once the pong is back, everything the host said before it has arrived too.</li>
 * </ul>
 * The host says {@code listening <id> <port>}; {@code ended <id> <outcome> [<base64>...]} when a
 * {@code serve} call ends (outcomes: {@code returned}, {@code threw}, {@code not-implemented},
 * {@code class-missing}, {@code no-serve}, {@code cannot-start}); {@code pong <n>}; and
 * {@code stuck <base64>} when a class of the submission never finishes its static initializer
 * ({@link InitializerWatch}). The student's standard output and error are left as they are: the
 * grader captures them as data and never reads a message there. Standard input is empty.
 *
 * <p>None of this is trusted for the score: the grader scores what its clients observe over TCP;
 * these messages only choose the words of a failure's feedback, and end waits early.
 */
public final class ServerHost {
    private static final int BACKLOG = 200;

    private final String serverClass;
    private final ControlChannel control;
    private final Map<String, ServerSocket> listeners = new ConcurrentHashMap<>();

    private ServerHost(String serverClass, ControlChannel control) {
        this.serverClass = serverClass;
        this.control = control;
    }

    public static void main(String[] args) throws IOException {
        ControlChannel control = ControlChannel.connect();
        System.setIn(new ByteArrayInputStream(new byte[0]));
        ServerHost host = new ServerHost(args[0], control);
        InitializerWatch.start(InitializerWatch.submissionPrefix(args[0]), stuck -> host.say("stuck " + encode(stuck)));
        String line;
        while ((line = control.receive()) != null) {
            String[] words = line.split(" ");
            if (words.length >= 2 && words[0].equals("serve")) {
                host.serve(words);
            } else if (words.length == 2 && words[0].equals("stop")) {
                host.stop(words[1]);
            } else if (words.length == 2 && words[0].equals("ping")) {
                host.say("pong " + words[1]);
            }
        }
        // The grader closed the channel: it is gone, and so are we.
        Runtime.getRuntime().halt(0);
    }

    private void serve(String[] words) throws IOException {
        String id = words[1];
        Class<?>[] types = new Class<?>[words.length - 1];
        Object[] values = new Object[words.length - 1];
        types[0] = ServerSocket.class;
        for (int i = 2; i < words.length; i++) {
            String[] typed = words[i].split(":", 2);
            switch (typed[0]) {
                case "int" -> {
                    types[i - 1] = int.class;
                    values[i - 1] = Integer.parseInt(typed[1]);
                }
                case "long" -> {
                    types[i - 1] = long.class;
                    values[i - 1] = Long.parseLong(typed[1]);
                }
                case "boolean" -> {
                    types[i - 1] = boolean.class;
                    values[i - 1] = Boolean.parseBoolean(typed[1]);
                }
                default -> {
                    types[i - 1] = String.class;
                    values[i - 1] = decode(typed[1]);
                }
            }
        }
        ServerSocket listener = ServerSocketChannel.open().socket(); // getChannel() works: a Selector server can use it
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), BACKLOG);
        values[0] = listener;
        listeners.put(id, listener);
        say("listening " + id + " " + listener.getLocalPort());
        Thread thread = new Thread(() -> run(id, listener, types, values), "socklab-serve-" + id);
        thread.setDaemon(true);
        thread.start();
    }

    private void run(String id, ServerSocket listener, Class<?>[] types, Object[] values) {
        String outcome;
        try {
            Class<?> server = Class.forName(serverClass, true, ServerHost.class.getClassLoader());
            Method serve = server.getMethod("serve", types);
            if (!Modifier.isStatic(serve.getModifiers())) {
                outcome = "no-serve";
            } else {
                serve.setAccessible(true);
                serve.invoke(null, values);
                outcome = "returned";
            }
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            outcome = "class-missing";
        } catch (NoSuchMethodException e) {
            outcome = "no-serve";
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            outcome = cause instanceof UnsupportedOperationException
                    ? "not-implemented"
                    : "threw " + encode(cause.getClass().getName()) + " " + encode(String.valueOf(cause.getMessage()));
        } catch (Throwable e) {
            outcome = "cannot-start " + encode(e.getClass().getName()) + " " + encode(String.valueOf(e.getMessage()));
        }
        // Said before the listener closes, so that the grader knows why before its clients see it.
        say("ended " + id + " " + outcome);
        stop(id);
    }

    private void stop(String id) {
        ServerSocket listener = listeners.remove(id);
        if (listener != null) {
            try {
                listener.close();
            } catch (IOException ignored) {
                // closed either way
            }
        }
    }

    private void say(String message) {
        control.send(message);
    }

    public static String encode(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String decode(String text) {
        return new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
    }
}
