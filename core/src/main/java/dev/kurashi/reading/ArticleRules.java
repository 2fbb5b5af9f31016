package dev.kurashi.reading;

import dev.kurashi.catalog.ProductRules;

/**
 * The rules an article must follow, as constants so that request records (bean validation) and
 * {@link ArticleAdminService} use the same ones. The database checks slug, title and tag lengths too.
 */
public final class ArticleRules {

    public static final String SLUG = "[a-z0-9-]{3,80}";
    /** A local path or an https URL, as for product images. */
    public static final String IMAGE_URL = ProductRules.IMAGE_URL;

    public static final int TITLE_MAX = 200;
    public static final int LEAD_MAX = 500;
    /** Characters of staff HTML before sanitizing; the longest seeded article is well under a tenth of it. */
    public static final int BODY_MAX = 100_000;

    public static final int TAGS_MAX = 10;
    public static final int TAG_MAX = 50;
    public static final int FEATURED_MAX = 12;

    private ArticleRules() {}
}
