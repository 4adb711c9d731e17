package org.socklab.cli.checkout;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.socklab.cli.site.SitePaths;

/**
 * One file of a checkout: where it goes in the student's folder, its bytes, and whether it is a
 * program to run ({@code mvnw}). Immutable in use: the array is never written after construction,
 * so it is safe to share between threads.
 *
 * @param path       the file's path inside the checkout, with {@code /} separators
 * @param content    its bytes
 * @param executable whether it gets the execute permission
 */
public record TemplateFile(String path, byte[] content, boolean executable) {

    public TemplateFile {
        SitePaths.requireSafe(path);
    }

    static TemplateFile text(String path, String content) {
        return new TemplateFile(path, content.getBytes(StandardCharsets.UTF_8), false);
    }

    public String sha256() {
        return sha256(content);
    }

    /** The SHA-256 of {@code bytes} in lower-case hex: how a site and a checkout name a content. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
