package dev.kurashi.reading;

import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * The allow-list for staff-written article HTML (OWASP Java HTML Sanitizer). Everything else is dropped:
 * scripts, styles, frames, SVG, event handlers, {@code style} attributes, and URLs with any scheme other than
 * http(s) (entities are decoded before the check, so {@code javascript&#58;} is caught too). Links get
 * {@code rel="nofollow noopener"}; images load only from this site or over https.
 *
 * <p>Sanitizing is idempotent: saving an article's stored body again stores the same text.
 */
final class ArticleHtmlSanitizer {

    /**
     * Absolute http(s) URL, or a relative one (path, query or fragment) that is not protocol-relative. No backslash
     * anywhere: browsers read {@code /\evil.example} as {@code //evil.example} (issue 12).
     */
    private static final Pattern LINK = Pattern.compile("(?i)(https?://[^\\s\\\\]+|(?!//)[^:\\s\\\\]*)");

    /** A local path (never {@code //host} nor {@code /\host}) or an https URL. */
    private static final Pattern IMAGE = Pattern.compile("(?i)(https://[^\\s\\\\]+|/(?!/)[^:\\s\\\\]*)");

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements(
                    "p",
                    "h2",
                    "h3",
                    "ul",
                    "ol",
                    "li",
                    "blockquote",
                    "strong",
                    "em",
                    "a",
                    "img",
                    "figure",
                    "figcaption",
                    "br",
                    "hr")
            .allowUrlProtocols("http", "https")
            .allowAttributes("href")
            .matching(LINK)
            .onElements("a")
            .requireRelsOnLinks("nofollow", "noopener")
            .allowAttributes("src")
            .matching(IMAGE)
            .onElements("img")
            .allowAttributes("alt")
            .onElements("img")
            .toFactory();

    private ArticleHtmlSanitizer() {}

    public static String sanitize(String html) {
        return html == null ? "" : POLICY.sanitize(html);
    }
}
