package org.socklab.cli.site;

import java.util.regex.Pattern;
import org.socklab.cli.checkout.CheckoutState;

/**
 * The rule for every path a site names, in the index or as a file: relative, {@code /}-separated,
 * no {@code .} or {@code ..} segment, no drive letter or backslash, and never inside the checkout's
 * own {@code .socklab/} state. A site is someone else's web server: without this rule, an index
 * could make a checkout write outside its folder. Stateless.
 */
public final class SitePaths {
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._+@-]+");

    private SitePaths() {}

    /** Returns {@code path} if it is safe, or throws {@link IllegalArgumentException} saying why. */
    public static String requireSafe(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.endsWith("/")) {
            throw new IllegalArgumentException("not a relative file path: " + path);
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals(".")
                    || segment.equals("..")
                    || !SEGMENT.matcher(segment).matches()) {
                throw new IllegalArgumentException("unsafe path: " + path);
            }
        }
        if (path.equals(CheckoutState.FOLDER) || path.startsWith(CheckoutState.FOLDER + "/")) {
            throw new IllegalArgumentException("a site may not write the checkout's state: " + path);
        }
        return path;
    }
}
