package dev.kurashi.catalog;

/**
 * The rules a product must follow, as constants so that request records (bean validation) and
 * {@link ProductAdminService} use the same ones. The database checks slug, SKU code, tax rate and price too.
 */
public final class ProductRules {

    public static final String SLUG = "[a-z0-9-]{3,80}";
    public static final String SKU = "[A-Z0-9-]{3,40}";
    /**
     * A local path ({@code /images/...}, never protocol-relative {@code //host}) or an https URL; no scheme
     * such as {@code javascript:} or {@code data:}, no quotes, spaces or angle brackets.
     */
    public static final String IMAGE_URL =
            "/[A-Za-z0-9._~%+-][A-Za-z0-9._~%+/-]{0,499}|https://[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?(/[A-Za-z0-9._~%+/=?&-]{0,1500})?";

    public static final int NAME_MAX = 200;
    public static final int BRAND_MAX = 100;
    public static final int DESCRIPTION_MAX = 5000;
    public static final int SKU_LABEL_MAX = 100;
    public static final int IMAGES_MAX = 10;
    public static final int SKUS_MAX = 50;
    public static final int PRICE_MIN = 1;
    public static final int PRICE_MAX = 10_000_000;
    public static final int STOCK_MAX = 1_000_000;

    private ProductRules() {}
}
