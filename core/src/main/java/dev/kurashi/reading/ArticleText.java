package dev.kurashi.reading;

import java.util.regex.Pattern;

/** The readable text of sanitized article HTML, for the search index. */
final class ArticleText {

    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private ArticleText() {}

    /**
     * Tags become spaces and the few entities the sanitizer writes are decoded. Only ever given sanitized HTML,
     * where {@code <} and {@code >} inside text are always escaped, so a tag is exactly {@code <...>}.
     */
    static String plain(String html) {
        String text = TAG.matcher(html).replaceAll(" ");
        text = text.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#34;", "\"")
                .replace("&#39;", "'")
                .replace("&#43;", "+")
                .replace("&#61;", "=")
                .replace("&#64;", "@")
                .replace("&#96;", "`")
                .replace("&amp;", "&");
        return SPACE.matcher(text).replaceAll(" ").strip();
    }
}
