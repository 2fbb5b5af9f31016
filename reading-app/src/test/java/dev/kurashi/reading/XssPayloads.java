package dev.kurashi.reading;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Locale;

/** Hostile article bodies and what must never be found in their stored or rendered form. */
public final class XssPayloads {

    public static final List<String> ALL = List.of(
            "<script>alert(1)</script><p>ok</p>",
            "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
            "<img src=x onerror=alert(1)>",
            "<img src=\"/images/a.svg\" onerror=\"alert(1)\" alt=\"a\">",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<a href=\"  JaVaScRiPt:alert(1)\">x</a>",
            "<a href=\"javascript&#58;alert(1)\">x</a>",
            "<a href=\"javascript&colon;alert(1)\">x</a>",
            "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
            "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">x</a>",
            "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
            "<img src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\">",
            "<svg onload=alert(1)><circle r=\"1\"/></svg>",
            "<svg><script>alert(1)</script></svg>",
            "<iframe src=\"https://evil.example\"></iframe>",
            "<style>body{display:none}</style><p>x</p>",
            "<p style=\"background:url(javascript:alert(1))\">x</p>",
            "<p onclick=\"alert(1)\">x</p>",
            "<p>unclosed <b onmouseover=alert(1)>bold <script>alert(1)",
            "<<script>script>alert(1)<</script>/script>",
            "<p title=\"</p><script>alert(1)</script>\">x</p>",
            "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
            "<object data=\"javascript:alert(1)\"></object><embed src=\"https://evil.example/x.swf\">",
            "<form action=\"https://evil.example\"><input name=\"q\"></form>",
            "<img src=\"//evil.example/a.png\">",
            "<!--<img src=x onerror=alert(1)>-->",
            "<a href=\"https://example.com\" target=\"_blank\" onfocus=\"alert(1)\" autofocus>x</a>");

    private static final List<String> FORBIDDEN = List.of(
            "<script",
            "</script",
            "onerror",
            "onload",
            "onclick",
            "onmouseover",
            "onfocus",
            "javascript",
            "data:",
            "<svg",
            "<iframe",
            "<style",
            "style=",
            "<math",
            "<object",
            "<embed",
            "<form",
            "<input",
            "evil.example",
            "<!--");

    private XssPayloads() {}

    public static void assertHarmless(String html) {
        String lower = html.toLowerCase(Locale.ROOT);
        for (String forbidden : FORBIDDEN) {
            assertFalse(lower.contains(forbidden), () -> "'" + forbidden + "' survived in: " + html);
        }
    }
}
