package dev.kurashi.search.aws;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An independent SigV4 (header auth, single chunk) after the AWS documentation, with javax.crypto only: recomputes
 * the signature of a request as it was sent, from the headers named in its Authorization header.
 */
final class SigV4Reference {

    static final Pattern AUTHORIZATION =
            Pattern.compile("AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request, "
                    + "SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})");

    private SigV4Reference() {}

    /**
     * The signature for a request with a non-percent-encoded path (so single and double encoding agree).
     *
     * @param rawQuery the query as sent (percent-encoded), or null
     * @param header a header's value as sent, by lower-case name
     */
    static String signature(
            String secretKey,
            String authorization,
            String method,
            String path,
            String rawQuery,
            Function<String, String> header,
            byte[] body) {
        Matcher auth = AUTHORIZATION.matcher(authorization);
        if (!auth.matches()) {
            throw new IllegalArgumentException("Not a SigV4 Authorization header: " + authorization);
        }
        String date = auth.group(2);
        String region = auth.group(3);
        String service = auth.group(4);
        String signedHeaders = auth.group(5);

        StringBuilder canonicalHeaders = new StringBuilder();
        for (String name : signedHeaders.split(";")) {
            String value = header.apply(name);
            if (value == null) {
                throw new IllegalArgumentException("Signed header not sent: " + name);
            }
            canonicalHeaders
                    .append(name)
                    .append(':')
                    .append(value.trim().replaceAll(" +", " "))
                    .append('\n');
        }
        String canonicalRequest = String.join(
                "\n",
                method,
                path,
                canonicalQuery(rawQuery),
                canonicalHeaders.toString(),
                signedHeaders,
                hex(sha256(body == null ? new byte[0] : body)));

        String scope = date + "/" + region + "/" + service + "/aws4_request";
        String stringToSign = String.join(
                "\n",
                "AWS4-HMAC-SHA256",
                header.apply("x-amz-date"),
                scope,
                hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8))));

        byte[] key = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, region);
        key = hmac(key, service);
        key = hmac(key, "aws4_request");
        return hex(hmac(key, stringToSign));
    }

    private static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String> pairs = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            pairs.add(encode(decode(name)) + "=" + encode(decode(value)));
        }
        pairs.sort(null);
        return String.join("&", pairs);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** RFC 3986 unreserved characters stay, everything else is %XX (upper-case). */
    private static String encode(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '_'
                    || c == '.'
                    || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
