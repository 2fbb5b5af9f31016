package dev.kurashi.reading.web;

import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * How the storefront shows a publication date: the day in Japan, written the Japanese way (2026年11月3日). Also
 * a Qute extension, {@code {article.publishedAt.tokyoDate}}, for the shop's pages that list articles.
 */
@TemplateExtension
public final class ArticleDates {

    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu年M月d日");

    private ArticleDates() {}

    public static String tokyoDate(Instant instant) {
        return instant.atZone(TOKYO).format(DATE);
    }
}
