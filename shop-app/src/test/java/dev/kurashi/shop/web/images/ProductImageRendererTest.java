package dev.kurashi.shop.web.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kurashi.shop.web.images.ProductImageRenderer.Archetype;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class ProductImageRendererTest {

    private static final List<String> SLUGS = List.of(
            "white-porcelain-plate",
            "kohiki-deep-plate",
            "indigo-bowl",
            "birch-pattern-mug",
            "heat-resistant-glass-cup-and-saucer",
            "hand-built-yunomi",
            "birch-cutting-board",
            "enamel-kettle",
            "linen-kitchen-cloth",
            "check-cushion-cover",
            "opal-glass-pendant-light",
            "birch-candle-holder",
            "oak-stool",
            "walnut-dining-chair",
            "birch-bark-basket",
            "felt-storage-box",
            "canvas-tote",
            "ceramic-vase",
            "brass-wall-clock",
            "waffle-bath-towel",
            "light-roast-coffee-beans",
            "earl-grey-tea-leaves",
            "cardamom-cookies",
            "lingonberry-jam",
            "coffee-caramels",
            "terracotta-planter",
            "tin-watering-can",
            "x",
            "0",
            "zzz-unknown-thing-80");

    private final ProductImageRenderer renderer = new ProductImageRenderer();

    @Test
    void everyProductImageIsSmallSafeSvg() throws Exception {
        List<String> categories = new ArrayList<>(List.of(
                "tableware",
                "mugs-cups",
                "kitchen-tools",
                "textiles",
                "lighting",
                "furniture",
                "storage",
                "interior-decor",
                "bath-laundry",
                "coffee-tea",
                "sweets-food",
                "garden-outdoor",
                "nothing-known"));
        categories.add(null);
        for (String slug : SLUGS) {
            for (String category : categories) {
                for (int n = 1; n <= 9; n++) {
                    assertSafeSvg(renderer.productSvg(slug, category, n), "800");
                }
            }
        }
    }

    @Test
    void everyArticleImageIsSmallSafeSvg() throws Exception {
        for (String slug : SLUGS) {
            assertSafeSvg(renderer.articleSvg(slug), "1200");
        }
    }

    @Test
    void sameInputSameBytes() {
        assertEquals(
                renderer.productSvg("birch-cutting-board", null, 2),
                renderer.productSvg("birch-cutting-board", null, 2));
        assertEquals(renderer.articleSvg("summer-lake"), renderer.articleSvg("summer-lake"));
    }

    @Test
    void imagesOfOneProductDifferAndProductsDiffer() {
        Set<String> images = new HashSet<>();
        for (int n = 1; n <= 3; n++) {
            images.add(renderer.productSvg("birch-pattern-mug", null, n));
        }
        assertEquals(3, images.size());
        assertNotEquals(renderer.productSvg("indigo-mug", null, 1), renderer.productSvg("sand-mug", null, 1));
    }

    @Test
    void theNounAtTheEndOfTheSlugDecides() {
        assertEquals(Archetype.COFFEE, ProductImageRenderer.archetype("light-roast-coffee-beans", null));
        assertEquals(Archetype.MUG, ProductImageRenderer.archetype("heat-resistant-glass-cup-and-saucer", null));
        assertEquals(Archetype.LAMP, ProductImageRenderer.archetype("birch-candle-holder", null));
        assertEquals(Archetype.LAMP, ProductImageRenderer.archetype("oak-table-lamp", null));
        assertEquals(Archetype.CHAIR, ProductImageRenderer.archetype("oak-side-table", null));
        assertEquals(Archetype.SWEETS, ProductImageRenderer.archetype("coffee-caramels", null));
        assertEquals(Archetype.BASKET, ProductImageRenderer.archetype("canvas-tote", null));
        assertEquals(Archetype.PLANT, ProductImageRenderer.archetype("tin-watering-can", "garden-outdoor"));
    }

    @Test
    void theCategoryDecidesWhenTheSlugNamesNothingKnown() {
        assertEquals(Archetype.VASE, ProductImageRenderer.archetype("kivi-no-3", "interior-decor"));
        assertEquals(Archetype.TOWEL, ProductImageRenderer.archetype("kivi-no-3", "bath-laundry"));
        assertEquals(
                ProductImageRenderer.archetype("kivi-no-3", null),
                ProductImageRenderer.archetype("kivi-no-3", "nothing-known"));
    }

    private static void assertSafeSvg(String svg, String width) throws Exception {
        assertTrue(svg.length() < 4096, () -> svg.length() + " bytes: " + svg);
        assertFalse(svg.contains("<script"), svg);
        assertFalse(svg.contains("href"), svg);
        assertFalse(svg.contains("url("), svg);
        assertFalse(svg.replace("http://www.w3.org/2000/svg", "").contains("http"), svg);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Element root = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)))
                .getDocumentElement();
        assertEquals("http://www.w3.org/2000/svg", root.getNamespaceURI());
        assertEquals("svg", root.getLocalName());
        assertEquals("img", root.getAttribute("role"));
        assertEquals(width, root.getAttribute("width"));
        assertTrue(root.getAttribute("viewBox").startsWith("0 0 "));
        assertEquals("title", ((Element) root.getElementsByTagName("title").item(0)).getTagName());
        assertFalse(root.getElementsByTagName("title").item(0).getTextContent().isBlank());
    }
}
