package org.socklab.cli.site;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.socklab.cli.CliFailure;

/**
 * A site on a web server: any server of static files will do (nginx, {@code python3 -m
 * http.server}, GitHub Pages). Files are fetched with plain GETs relative to the base URL; redirects
 * are followed. Thread-safe, as its {@link HttpClient}.
 */
final class HttpSite implements Site {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final String name;
    private final String location;
    private final URI base;
    private final HttpClient client;

    HttpSite(String name, String location) {
        this.name = name;
        this.location = location;
        try {
            this.base = URI.create(location.endsWith("/") ? location : location + "/");
        } catch (IllegalArgumentException e) {
            throw new CliFailure("site " + name + ": not a URL: " + location);
        }
        this.client = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String location() {
        return location;
    }

    @Override
    public SiteIndex index() {
        String text = new String(read(SiteIndex.FILE), StandardCharsets.UTF_8);
        try {
            return SiteIndex.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(describe() + " has a broken " + SiteIndex.FILE + ": " + e.getMessage());
        }
    }

    @Override
    public byte[] read(String sitePath) {
        URI uri = base.resolve(Arrays.stream(SitePaths.requireSafe(sitePath).split("/"))
                .map(segment ->
                        URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"))
                .collect(Collectors.joining("/")));
        HttpRequest request =
                HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build();
        HttpResponse<byte[]> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new CliFailure(describe() + " is unreachable: " + reason(e, uri));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(describe() + ": interrupted while fetching " + sitePath);
        }
        if (response.statusCode() != 200) {
            throw new CliFailure(describe() + " answered HTTP " + response.statusCode() + " to GET " + uri
                    + (sitePath.equals(SiteIndex.FILE) ? ": is it a socklab site?" : ""));
        }
        return response.body();
    }

    /** Why a request failed, in words: the JDK's client often gives exceptions without a message. */
    private static String reason(IOException error, URI uri) {
        String server = uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        if (causedBy(error, java.nio.channels.UnresolvedAddressException.class)
                || causedBy(error, java.net.UnknownHostException.class)) {
            return "cannot resolve the host " + uri.getHost();
        }
        if (causedBy(error, java.net.http.HttpConnectTimeoutException.class)) {
            return "no connection to " + server + " within " + CONNECT_TIMEOUT.toSeconds() + " s";
        }
        if (causedBy(error, java.net.http.HttpTimeoutException.class)) {
            return "no answer from " + server + " within " + REQUEST_TIMEOUT.toSeconds() + " s";
        }
        if (causedBy(error, java.net.ConnectException.class)) {
            return "cannot connect to " + server + " (connection refused: is the server running?)";
        }
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                return cause.getClass().getSimpleName() + ": " + cause.getMessage();
            }
        }
        return error.getClass().getSimpleName();
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
