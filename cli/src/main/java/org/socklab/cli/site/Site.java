package org.socklab.cli.site;

/**
 * Where templates come from: a name, a location, an {@link SiteIndex index} and the files it names.
 * A site is static files (see {@link SiteExport}), served from any web server or folder; the
 * builtin one is bundled in the command and works offline.
 *
 * <p>Implementations are thread-safe.
 */
public interface Site {
    /** The name students type after {@code @}. */
    String name();

    /** Where it is: {@value BuiltinSite#LOCATION}, a folder, or an {@code http(s)://} base URL. */
    String location();

    /**
     * The site's index.
     *
     * @throws CliFailure if the site cannot be reached or its index cannot be read, saying which site and why
     */
    SiteIndex index();

    /**
     * The bytes of one file, by its path on the site.
     *
     * @throws CliFailure if it cannot be read, saying which site and why
     */
    byte[] read(String sitePath);

    /** The site a configured location names: a folder, or an {@code http://} or {@code https://} URL. */
    static Site at(String name, String location) {
        if (location.equals(BuiltinSite.LOCATION)) {
            return new BuiltinSite(name);
        }
        if (location.startsWith("http://") || location.startsWith("https://")) {
            return new HttpSite(name, location);
        }
        return new FolderSite(name, location);
    }

    /** "site NAME (LOCATION)", for messages. */
    default String describe() {
        return "site " + name() + " (" + location() + ")";
    }
}
