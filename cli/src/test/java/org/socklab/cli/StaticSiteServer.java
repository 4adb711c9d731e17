package org.socklab.cli;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A folder served over HTTP on loopback by the JDK's own server, as any static web server would
 * serve an exported site: GET of a file gives its bytes, anything else 404. Close it to stop it.
 */
final class StaticSiteServer implements AutoCloseable {
    private final HttpServer server;

    StaticSiteServer(Path root) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path base = root.toAbsolutePath().normalize();
        server.createContext("/", exchange -> {
            Path file = base.resolve(exchange.getRequestURI().getPath().substring(1))
                    .normalize();
            boolean found = file.startsWith(base) && Files.isRegularFile(file);
            byte[] body = found ? Files.readAllBytes(file) : "not found".getBytes();
            exchange.sendResponseHeaders(found ? 200 : 404, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    /** The site's base URL. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
