package dev.kurashi.shop.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Previous / next links over the API's opaque cursors. Cursors only go forward, so each link carries the
 * trail of cursors of the pages before it ({@code 0} is the first page: a real cursor is never one character); that gives a working "previous"
 * link and a page number without any server state.
 */
public record Paging(String prevUrl, String nextUrl, String label) {

    private static final String FIRST = "0";
    private static final int MAX_TRAIL = 50;

    static Paging of(String base, String cursor, String trail, String nextCursor) {
        List<String> previous = parse(trail);
        boolean first = cursor == null || cursor.isBlank();
        if (first) {
            previous = List.of();
        }
        String prev = null;
        if (!previous.isEmpty()) {
            String before = previous.getLast();
            List<String> rest = previous.subList(0, previous.size() - 1);
            prev = url(base, FIRST.equals(before) ? null : before, rest);
        }
        String next = null;
        if (nextCursor != null) {
            List<String> forward = new ArrayList<>(previous);
            forward.add(first ? FIRST : cursor);
            if (forward.size() > MAX_TRAIL) {
                forward = forward.subList(forward.size() - MAX_TRAIL, forward.size());
            }
            next = url(base, nextCursor, forward);
        }
        String label = prev == null && next == null ? null : (previous.size() + 1) + "ページ目";
        return new Paging(prev, next, label);
    }

    private static List<String> parse(String trail) {
        if (trail == null || trail.isBlank() || trail.length() > 4000) {
            return List.of();
        }
        return Arrays.stream(trail.split(","))
                .filter(s -> s.equals(FIRST) || s.matches("[A-Za-z0-9_-]{1,200}"))
                .toList();
    }

    private static String url(String base, String cursor, List<String> trail) {
        StringBuilder url = new StringBuilder(base);
        char sep = base.contains("?") ? '&' : '?';
        if (cursor != null) {
            url.append(sep).append("cursor=").append(encode(cursor));
            sep = '&';
        }
        if (!trail.isEmpty()) {
            url.append(sep).append("trail=").append(encode(String.join(",", trail)));
        }
        return url.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
