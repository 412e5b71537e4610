package ua.viche.platform;

import org.jspecify.annotations.Nullable;

/**
 * What a page says about itself to link previews and search engines, put into the model as
 * {@value #ATTRIBUTE}: the layout then writes its Open Graph tags ({@code og:type}, title,
 * description, address, picture with its text) and, when given, a schema.org JSON-LD block. The
 * JSON must be built with a JSON writer; the layout escapes {@code <} in it so that it cannot close
 * its script element.
 */
public record PageMeta(String type, String title, String description, String url, @Nullable String image, @Nullable String imageAlt,
                       @Nullable String jsonLd) {

    public static final String ATTRIBUTE = "pageMeta";

    /** The JSON-LD with every {@code <} escaped, safe inside a script element. */
    public @Nullable String safeJsonLd() {
        return jsonLd == null ? null : jsonLd.replace("<", "\\u003c");
    }
}
