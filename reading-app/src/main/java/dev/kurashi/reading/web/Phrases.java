package dev.kurashi.reading.web;

import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateExtension;

/**
 * Japanese line breaking that keeps words whole: {@code {p.name.phrased}} escapes the text and marks the phrase
 * boundaries with {@code <wbr>}, and the CSS class {@code phrase} ({@code word-break: keep-all}) lets the browser
 * break only there, so a name on a 390 px phone wraps as 「白樺の／ガーデングローブ」, never 「ガーデングロー／ブ」.
 * A phrase ends after a run of hiragana that closes with a particle (の, と, や…) and before a change to kanji,
 * katakana or Latin; okurigana (読み物, 取り分け) stay inside their word. A simplified BudouX, without its model;
 * where a phrase is longer than the line, {@code overflow-wrap: anywhere} still breaks it rather than overflow.
 * Here rather than in shop-app because the reading pages render shop-app's product cards too.
 */
@TemplateExtension
public final class Phrases {

    private static final String PARTICLES = "のとやにをはがでもへ";

    private Phrases() {}

    static RawString phrased(String text) {
        if (text == null) {
            return new RawString("");
        }
        StringBuilder html = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (i > 0 && boundary(text.charAt(i - 1), c)) {
                html.append("<wbr>");
            }
            switch (c) {
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '&' -> html.append("&amp;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                default -> html.append(c);
            }
        }
        return new RawString(html.toString());
    }

    private static boolean boundary(char before, char after) {
        if (hiragana(before)) {
            return PARTICLES.indexOf(before) >= 0 && !hiragana(after) && !closing(after);
        }
        return before == '・' || (latin(before) && japanese(after)) || (japanese(before) && latin(after));
    }

    private static boolean hiragana(char c) {
        return c >= '\u3041' && c <= '\u309F';
    }

    private static boolean japanese(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                || (c >= '\u30A0' && c <= '\u30FF')
                || hiragana(c);
    }

    private static boolean latin(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    private static boolean closing(char c) {
        return "、。，．）」』】〕！？ー".indexOf(c) >= 0;
    }
}
