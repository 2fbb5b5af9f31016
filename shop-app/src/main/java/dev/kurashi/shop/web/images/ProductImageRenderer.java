package dev.kurashi.shop.web.images;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Draws the placeholder illustrations the demo catalog uses instead of photographs: a flat object on a
 * calm background for a product, an abstract landscape or interior for an article. Pure and deterministic,
 * so a URL always answers the same bytes and can be cached for good.
 *
 * <p>Every number written is an integer, so the output never depends on the JVM's locale.
 */
public final class ProductImageRenderer {

    /** What is drawn for a product; keywords are English words of seed product slugs and category slugs. */
    enum Archetype {
        PLATE("tableware dish plate bowl"),
        MUG("mug cup mugs cups tumbler yunomi glass"),
        BOARD("kitchen cutting board spatula spoon knife trivet kettle utensil ladle"),
        CLOTH("textile textiles cloth tablecloth linen blanket cushion cover apron throw"),
        LAMP("lighting lamp light pendant lantern candle holder"),
        CHAIR("furniture chair stool bench table shelf sofa"),
        BASKET("storage basket box catchall rack tote bag case"),
        VASE("interior decor vase frame clock object tray flower"),
        TOWEL("bath laundry towel mat bathrobe robe soap bottle"),
        COFFEE("coffee tea beans bags leaves drip herbal"),
        SWEETS("sweets food cookies cookie jam honey caramels chocolate crackers jar biscuit"),
        PLANT("garden outdoor planter pot plant can gloves seed");

        private final List<String> keywords;

        Archetype(String keywords) {
            this.keywords = List.of(keywords.split(" "));
        }
    }

    private record Pair(String main, String accent) {}

    static final int PRODUCT_SIZE = 800;
    static final int ARTICLE_WIDTH = 1200;
    static final int ARTICLE_HEIGHT = 675;

    private static final String CHARCOAL = "#3e4145";
    private static final String WOOD = "#c8a27a";

    /** Backgrounds: birch white, oat, fog, pale sage, linen. */
    private static final String[] BACKGROUNDS = {"#f4f1ea", "#ece4d6", "#e2e8ea", "#e3e8df", "#efe8e0"};

    private static final Pair[] PAIRS = {
        new Pair("#a7b5a0", "#5f6f5a"), // sage
        new Pair("#afc1cc", "#5e7384"), // fog blue
        new Pair("#c99a82", "#8a5d4a"), // clay
        new Pair("#d9c8ae", "#8c7a5e"), // oat
        new Pair("#6b6f73", "#d9c8ae"), // charcoal and oat
        new Pair("#f7f5f0", "#a7b5a0"), // white and sage
        new Pair("#b98474", "#efe3d3"), // rose clay
        new Pair("#8fa3ad", "#f2ede4"), // slate and birch
    };

    /**
     * @param categorySlug may be null: the product slug's own nouns decide first, the category only when
     *     the slug names nothing known, and a hash of the slug when neither does
     * @param n the image number, 1 for the main image; later numbers are closer, tilted crops
     */
    public String productSvg(String slug, String categorySlug, int n) {
        long hash = hash(slug);
        Archetype archetype = archetype(slug, categorySlug);
        Pair pair = PAIRS[(int) Long.remainderUnsigned(hash, PAIRS.length)];
        String background = BACKGROUNDS[(int) Long.remainderUnsigned((hash >>> 8) + n, BACKGROUNDS.length)];
        boolean alternate = ((hash >>> 16) & 1) == 1;
        int angle =
                switch (n % 3) {
                    case 2 -> -6;
                    case 0 -> 5;
                    default -> 0;
                };
        // Later images are closer crops, as product photo galleries are.
        int scale = 115 + 12 * ((n - 1) % 3);
        StringBuilder svg = new StringBuilder(3000);
        open(svg, PRODUCT_SIZE, PRODUCT_SIZE, title(slug));
        svg.append(rect(0, 0, 800, 800, background));
        if (n % 2 == 0) {
            svg.append("<circle cx=\"%d\" cy=\"330\" r=\"250\" fill=\"#fff\" fill-opacity=\".45\"/>"
                    .formatted(alternate ? 470 : 330));
        }
        svg.append("<rect y=\"640\" width=\"800\" height=\"160\" fill=\"#000\" fill-opacity=\".04\"/>");
        svg.append("<path d=\"M0 640H800\" stroke=\"#000\" stroke-opacity=\".08\" stroke-width=\"2\"/>");
        svg.append("<ellipse cx=\"400\" cy=\"644\" rx=\"%d\" ry=\"16\" fill=\"#000\" fill-opacity=\".09\"/>"
                .formatted((archetype == Archetype.LAMP ? 120 : 210) * scale / 100));
        svg.append("<g transform=\"translate(400 640) scale(%d.%02d) rotate(%d)\">"
                .formatted(scale / 100, scale % 100, angle));
        object(svg, archetype, pair, alternate);
        svg.append("</g></svg>");
        return svg.toString();
    }

    public String articleSvg(String slug) {
        long hash = hash(slug);
        int scene = (int) Long.remainderUnsigned(hash, 3);
        String[][] moods = {
            {"#e7ecee", "#c9d5da", "#8fa3ad", "#f3e6cf"}, // morning fog
            {"#efe6da", "#d9c8ae", "#a7b5a0", "#f6efe2"}, // late summer
            {"#e3e8df", "#b9c6b2", "#6f8275", "#f4f1ea"}, // forest green
            {"#ece4e1", "#d3bcb2", "#8e7f86", "#f7ead9"}, // winter dusk
        };
        String[] mood = moods[(int) Long.remainderUnsigned(hash >>> 8, moods.length)];
        int shift = (int) Long.remainderUnsigned(hash >>> 16, 240);
        StringBuilder svg = new StringBuilder(3000);
        open(svg, ARTICLE_WIDTH, ARTICLE_HEIGHT, title(slug));
        switch (scene) {
            case 0 -> lake(svg, mood, shift);
            case 1 -> window(svg, mood, shift);
            default -> forest(svg, mood, shift);
        }
        svg.append("</svg>");
        return svg.toString();
    }

    /** The last keyword in the slug wins (the noun comes last: "light-roast-coffee-beans"), then the category. */
    static Archetype archetype(String slug, String categorySlug) {
        String[] words = slug.split("-");
        for (int i = words.length - 1; i >= 0; i--) {
            for (Archetype archetype : Archetype.values()) {
                if (archetype.keywords.contains(words[i])) {
                    return archetype;
                }
            }
        }
        if (categorySlug != null) {
            for (String word : categorySlug.split("-")) {
                for (Archetype archetype : Archetype.values()) {
                    if (archetype.keywords.contains(word)) {
                        return archetype;
                    }
                }
            }
        }
        Archetype[] all = Archetype.values();
        return all[(int) Long.remainderUnsigned(hash(slug), all.length)];
    }

    private static void object(StringBuilder svg, Archetype archetype, Pair pair, boolean alternate) {
        String m = pair.main();
        String a = pair.accent();
        switch (archetype) {
            case PLATE -> {
                if (alternate) {
                    svg.append(path("M-190-170Q-180-20-60 0H60Q180-20 190-170Z", m));
                    svg.append(ellipse(0, -170, 190, 44, a));
                    svg.append(ellipse(0, -166, 172, 36, m, ".55"));
                } else {
                    svg.append(ellipse(0, -34, 270, 84, a));
                    svg.append(ellipse(0, -52, 270, 80, m));
                    svg.append(ellipse(0, -50, 180, 50, "#fff", ".35"));
                }
            }
            case MUG -> {
                svg.append(
                        "<path d=\"M120-230C215-230 215-80 120-80\" fill=\"none\" stroke=\"%s\" stroke-width=\"30\"/>"
                                .formatted(m));
                svg.append("<rect x=\"-130\" y=\"-300\" width=\"260\" height=\"300\" rx=\"30\" fill=\"%s\"/>"
                        .formatted(m));
                svg.append(rect(-130, alternate ? -120 : -250, 260, 26, a));
                svg.append(ellipse(0, -300, 130, 26, a, ".6"));
            }
            case BOARD -> {
                svg.append("<rect x=\"-170\" y=\"-440\" width=\"300\" height=\"440\" rx=\"44\" fill=\"%s\"/>"
                        .formatted(WOOD));
                svg.append("<rect x=\"-60\" y=\"-520\" width=\"80\" height=\"110\" rx=\"30\" fill=\"%s\"/>"
                        .formatted(WOOD));
                svg.append("<circle cx=\"-20\" cy=\"-480\" r=\"14\" fill=\"#fff\" fill-opacity=\".7\"/>");
                svg.append("<path d=\"M-130-60H90\" stroke=\"#000\" stroke-opacity=\".08\" stroke-width=\"6\"/>");
                svg.append("<path d=\"M190 0V-300\" stroke=\"%s\" stroke-width=\"18\" stroke-linecap=\"round\"/>"
                        .formatted(a));
                svg.append(ellipse(190, -340, 38, 62, m));
            }
            case CLOTH -> {
                for (int i = 0; i < 3; i++) {
                    int y = -90 - 88 * i;
                    svg.append("<rect x=\"%d\" y=\"%d\" width=\"400\" height=\"84\" rx=\"22\" fill=\"%s\"/>"
                            .formatted(-200 + 10 * i, y, i == 1 ? a : m));
                    svg.append("<path d=\"M%d %dH%d\" stroke=\"%s\" stroke-width=\"8\"/>"
                            .formatted(-200 + 10 * i, y + (alternate ? 24 : 60), 200 + 10 * i, i == 1 ? m : a));
                }
            }
            case LAMP -> {
                svg.append("<path d=\"M0-600V-470\" stroke=\"%s\" stroke-width=\"4\"/>".formatted(CHARCOAL));
                svg.append("<circle cy=\"-250\" r=\"150\" fill=\"#fff6dc\" fill-opacity=\".7\"/>");
                svg.append(
                        path(alternate ? "M-190-300Q-190-470 0-470Q190-470 190-300Z" : "M-60-470H60L180-300H-180Z", m));
                svg.append(rect(-190, -306, 380, 10, a));
                svg.append(ellipse(0, -290, 40, 22, "#fff3c4"));
            }
            case CHAIR -> {
                String legs = "M-120-250L-150 0M120-250L150 0M-60-250L-70-20M60-250L70-20";
                svg.append("<path d=\"%s\" stroke=\"%s\" stroke-width=\"16\" stroke-linecap=\"round\"/>"
                        .formatted(legs, WOOD));
                if (alternate) {
                    svg.append("<path d=\"M-120-280V-560M120-280V-560\" stroke=\"%s\" stroke-width=\"16\"/>"
                            .formatted(WOOD));
                    svg.append("<rect x=\"-130\" y=\"-560\" width=\"260\" height=\"90\" rx=\"20\" fill=\"%s\"/>"
                            .formatted(a));
                }
                svg.append(
                        "<rect x=\"-160\" y=\"-290\" width=\"320\" height=\"44\" rx=\"20\" fill=\"%s\"/>".formatted(m));
            }
            case BASKET -> {
                if (alternate) {
                    svg.append(rect(-190, -240, 380, 240, m));
                    svg.append(rect(-200, -270, 400, 56, a));
                    svg.append(rect(-40, -160, 80, 30, "#fff"));
                } else {
                    svg.append("<path d=\"M-140-250Q0-470 140-250\" fill=\"none\" stroke=\"%s\" stroke-width=\"18\"/>"
                            .formatted(a));
                    svg.append(path("M-200-260H200L160 0H-160Z", m));
                    svg.append("<path d=\"M-190-190H190M-180-120H180M-170-50H170\" stroke=\"%s\" stroke-width=\"8\"/>"
                            .formatted(a));
                }
            }
            case VASE -> {
                svg.append(
                        "<path d=\"M0-300Q-30-470 40-600M6-420Q-80-480-120-560\" fill=\"none\" stroke=\"%s\" stroke-width=\"7\"/>"
                                .formatted(CHARCOAL));
                for (int[] leaf : new int[][] {{40, -600, 30}, {-120, -560, -40}, {-20, -500, 50}, {-70, -520, -20}}) {
                    svg.append(
                            "<ellipse cx=\"%d\" cy=\"%d\" rx=\"14\" ry=\"30\" transform=\"rotate(%d %d %d)\" fill=\"%s\"/>"
                                    .formatted(leaf[0], leaf[1], leaf[2], leaf[0], leaf[1], a));
                }
                svg.append(path(
                        alternate
                                ? "M-50-330H50V-280Q150-220 130-90Q115 0 0 0Q-115 0-130-90Q-150-220-50-280Z"
                                : "M-40-340H40Q30-250 110-170Q130-40 70 0H-70Q-130-40-110-170Q-30-250-40-340Z",
                        m));
            }
            case TOWEL -> {
                svg.append("<rect x=\"-220\" y=\"-120\" width=\"300\" height=\"120\" rx=\"30\" fill=\"%s\"/>"
                        .formatted(m));
                svg.append("<rect x=\"-200\" y=\"-230\" width=\"260\" height=\"110\" rx=\"30\" fill=\"%s\"/>"
                        .formatted(a));
                svg.append("<path d=\"M-220-40H80\" stroke=\"#fff\" stroke-opacity=\".5\" stroke-width=\"8\"/>");
                svg.append("<rect x=\"110\" y=\"-300\" width=\"120\" height=\"300\" rx=\"28\" fill=\"%s\"/>"
                        .formatted(alternate ? "#f7f5f0" : "#e9e2d4"));
                svg.append(rect(150, -350, 40, 50, CHARCOAL));
                svg.append(rect(130, -200, 80, 90, m));
            }
            case COFFEE -> {
                if (alternate) {
                    svg.append(rect(-130, -340, 260, 340, m));
                    svg.append(ellipse(0, -340, 130, 24, a));
                    svg.append(rect(-130, -240, 260, 120, "#f4f1ea"));
                    svg.append("<circle cy=\"-180\" r=\"32\" fill=\"%s\"/>".formatted(a));
                } else {
                    svg.append(path("M-150 0L-140-360H140L150 0Z", m));
                    svg.append(path("M-140-360L-130-420H130L140-360Z", a));
                    svg.append(rect(-90, -250, 180, 140, "#f4f1ea"));
                    svg.append(ellipse(0, -180, 26, 38, a));
                }
            }
            case SWEETS -> {
                if (alternate) {
                    svg.append(rect(-210, -150, 420, 150, m));
                    svg.append(ellipse(0, -150, 210, 40, a));
                    for (int x = -120; x <= 120; x += 120) {
                        svg.append(ellipse(x, -170, 46, 16, "#c8a27a"));
                    }
                } else {
                    svg.append("<rect x=\"-130\" y=\"-300\" width=\"260\" height=\"300\" rx=\"50\" fill=\"%s\"/>"
                            .formatted(m));
                    svg.append("<rect x=\"-110\" y=\"-360\" width=\"220\" height=\"70\" rx=\"14\" fill=\"%s\"/>"
                            .formatted(a));
                    svg.append(rect(-90, -210, 180, 110, "#f4f1ea"));
                }
            }
            case PLANT -> {
                for (int[] leaf :
                        new int[][] {{-90, -400, -30}, {80, -420, 35}, {0, -470, 0}, {-30, -360, -60}, {50, -350, 60}
                        }) {
                    svg.append(
                            "<ellipse cx=\"%d\" cy=\"%d\" rx=\"34\" ry=\"90\" transform=\"rotate(%d %d %d)\" fill=\"%s\"/>"
                                    .formatted(
                                            leaf[0],
                                            leaf[1],
                                            leaf[2],
                                            leaf[0],
                                            leaf[1],
                                            alternate ? "#7c8b6f" : "#8fa382"));
                }
                svg.append(path("M-150-280H150L115 0H-115Z", m));
                svg.append(rect(-165, -300, 330, 50, a));
            }
        }
    }

    private static void lake(StringBuilder svg, String[] mood, int shift) {
        svg.append(rect(0, 0, 1200, 675, mood[0]));
        svg.append("<circle cx=\"%d\" cy=\"190\" r=\"70\" fill=\"%s\"/>".formatted(760 + shift, mood[3]));
        svg.append(path("M0 380Q200 300 420 350T820 330T1200 360V420H0Z", mood[1]));
        svg.append(path("M0 400Q300 350 600 390T1200 380V430H0Z", mood[2]));
        svg.append(rect(0, 428, 1200, 247, mood[1]));
        svg.append(
                "<path d=\"M180 480H420M620 520H940M300 570H520\" stroke=\"#fff\" stroke-opacity=\".5\" stroke-width=\"4\"/>");
        svg.append(path("M0 600Q300 560 560 610T1200 600V675H0Z", mood[2]));
        birches(svg, 90 + shift / 3, 610);
    }

    private static void forest(StringBuilder svg, String[] mood, int shift) {
        svg.append(rect(0, 0, 1200, 675, mood[0]));
        svg.append("<circle cx=\"%d\" cy=\"210\" r=\"90\" fill=\"%s\"/>".formatted(300 + shift, mood[3]));
        svg.append(path("M0 420L160 300L300 380L470 250L640 370L800 280L980 390L1200 300V675H0Z", mood[1]));
        svg.append(path("M0 520Q300 430 600 500T1200 470V675H0Z", mood[2]));
        birches(svg, 620 + shift, 600);
    }

    private static void window(StringBuilder svg, String[] mood, int shift) {
        svg.append(rect(0, 0, 1200, 675, mood[3]));
        svg.append(rect(0, 520, 1200, 155, mood[1]));
        int x = 300 + shift;
        svg.append(rect(x, 90, 420, 340, mood[0]));
        svg.append(path("M%d 330Q%d 280 %d 310T%d 300V430H%dZ".formatted(x, x + 140, x + 260, x + 420, x), mood[2]));
        svg.append("<path d=\"M%d 90V430M%d 260H%d\" stroke=\"#fff\" stroke-width=\"14\"/>"
                .formatted(x + 210, x, x + 420));
        svg.append(
                "<rect x=\"%d\" y=\"90\" width=\"420\" height=\"340\" fill=\"none\" stroke=\"#fff\" stroke-width=\"18\"/>"
                        .formatted(x));
        svg.append(path("M%d 675L%d 520H%dL%d 675Z".formatted(x - 60, x + 20, x + 400, x + 520), "#fff", ".35"));
        svg.append(rect(x - 40, 430, 500, 16, "#e9e2d4"));
        svg.append(path(
                "M%d 430Q%d 360 %d 380Q%d 360 %d 430Z".formatted(x + 60, x + 50, x + 90, x + 130, x + 120), "#c99a82"));
        svg.append("<path d=\"M%d 380Q%d 300 %d 260\" fill=\"none\" stroke=\"#3e4145\" stroke-width=\"4\"/>"
                .formatted(x + 90, x + 80, x + 120));
    }

    private static void birches(StringBuilder svg, int x, int base) {
        for (int i = 0; i < 3; i++) {
            int tx = x + 70 * i;
            int top = 60 + 40 * i;
            svg.append(rect(tx, top, 20 - 3 * i, base - top, "#f7f5f0"));
            svg.append("<path d=\"M%d %dh12M%d %dh9M%d %dh14\" stroke=\"#3e4145\" stroke-width=\"5\"/>"
                    .formatted(tx, top + 90, tx + 6, top + 200, tx, top + 320));
        }
    }

    private static void open(StringBuilder svg, int width, int height, String title) {
        svg.append(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\">"
                        .formatted(width, height, width, height));
        svg.append("<title>").append(title).append("</title>");
    }

    /** The slug in words; slugs are validated to [a-z0-9-], so nothing here needs escaping. */
    private static String title(String slug) {
        return slug.replace('-', ' ').toLowerCase(Locale.ROOT);
    }

    private static String rect(int x, int y, int width, int height, String fill) {
        return "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>".formatted(x, y, width, height, fill);
    }

    private static String ellipse(int cx, int cy, int rx, int ry, String fill) {
        return "<ellipse cx=\"%d\" cy=\"%d\" rx=\"%d\" ry=\"%d\" fill=\"%s\"/>".formatted(cx, cy, rx, ry, fill);
    }

    private static String ellipse(int cx, int cy, int rx, int ry, String fill, String opacity) {
        return "<ellipse cx=\"%d\" cy=\"%d\" rx=\"%d\" ry=\"%d\" fill=\"%s\" fill-opacity=\"%s\"/>"
                .formatted(cx, cy, rx, ry, fill, opacity);
    }

    private static String path(String d, String fill) {
        return "<path d=\"%s\" fill=\"%s\"/>".formatted(d, fill);
    }

    private static String path(String d, String fill, String opacity) {
        return "<path d=\"%s\" fill=\"%s\" fill-opacity=\"%s\"/>".formatted(d, fill, opacity);
    }

    /** FNV-1a: unlike String.hashCode it spreads short, similar slugs well. */
    static long hash(String text) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
