package dev.kurashi.seed;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The demo catalog, generated deterministically from hand-written word lists: for every category, each
 * noun is crossed with a handful of materials or flavours ("白樺" × "カッティングボード"), plus a few
 * hand-written products that search tests look for. Product copy is Japanese only: English words reach it
 * through the search synonyms (search/synonyms.txt), never through English sentences in the copy.
 */
final class CatalogSeed {

    record Word(String ja, String en) {}

    record Variant(String label, String code, double priceFactor) {}

    /** {@code qualifiers} null: the category's qualifiers apply. */
    record Noun(Word word, int basePrice, List<Variant> variants, String use, List<Word> qualifiers) {}

    record CategoryDef(
            String slug,
            String name,
            String parentSlug,
            short taxRate,
            String skuPrefix,
            List<String> brands,
            List<Word> qualifiers,
            String care,
            List<Noun> nouns) {}

    record SkuRow(String code, String label, int priceJpy, int onHand) {}

    record ProductRow(
            String slug,
            String name,
            String brand,
            String description,
            String categorySlug,
            String nounKey,
            short taxRate,
            List<SkuRow> skus,
            int imageCount) {

        boolean soldOut() {
            return skus.stream().allMatch(sku -> sku.onHand() == 0);
        }
    }

    static final short STANDARD = 10;
    static final short REDUCED = 8;

    private static final List<Variant> SINGLE = List.of(new Variant("標準", "", 1.0));
    private static final List<Variant> CERAMIC_COLORS = variants("ホワイト:WH:1 グレー:GY:1 ブルー:BL:1 サンド:SD:1");
    private static final List<Variant> TEXTILE_COLORS = variants("ナチュラル:NA:1 チャコール:CH:1 セージグリーン:SG:1 ネイビー:NV:1");
    private static final List<Variant> LAMP_COLORS = variants("ホワイト:WH:1 ブラック:BK:1 グレー:GY:1");
    private static final List<Variant> FINISHES = variants("ナチュラル:NA:1 オイル仕上げ:OL:1.05 ブラック塗装:BK:1.1");
    private static final List<Variant> SML = variants("S:S:1 M:M:1.3 L:L:1.7");
    private static final List<Variant> PLATE_SIZES = variants("直径16cm:16:1 直径21cm:21:1.35 直径26cm:26:1.8");
    private static final List<Variant> BOARD_SIZES = variants("小:S:1 中:M:1.4 大:L:1.9");
    private static final List<Variant> CLOTH_SIZES = variants("130×130cm:130:1 130×180cm:180:1.3 130×240cm:240:1.6");
    private static final List<Variant> BEANS = variants("200g:200:1 500g:500:2.3");
    private static final List<Variant> BAGS = variants("5袋入り:5:1 10袋入り:10:1.9 20袋入り:20:3.6");
    private static final List<Variant> LEAVES = variants("50g:50:1 100g:100:1.85");
    private static final List<Variant> BOX = variants("1箱:1:1 3箱セット:3:2.8");
    private static final List<Variant> JARS = variants("140g:140:1 280g:280:1.8");

    /** Price spread between the qualifiers of one noun (materials cost differently). */
    private static final double[] QUALIFIER_FACTOR = {1.0, 1.15, 1.25, 0.95, 1.1};

    static final List<CategoryDef> CATEGORIES = List.of(
            new CategoryDef(
                    "tableware",
                    "食器",
                    null,
                    STANDARD,
                    "TBL",
                    List.of("Kivi Keramik", "Sävy", "Lumi Atelier"),
                    words("白磁:white-porcelain 灰釉:ash-glaze 粉引:kohiki 藍色:indigo 砂色:sand"),
                    "電子レンジと食洗機に対応しています。",
                    List.of(
                            noun("プレート:plate", 2000, PLATE_SIZES, "朝のトーストから夕食の取り分けまで、一日中出番があります"),
                            noun("ボウル:bowl", 1800, CERAMIC_COLORS, "サラダやスープ、朝のヨーグルトにちょうどいい深さです"),
                            noun("小皿:small-plate", 900, CERAMIC_COLORS, "薬味やお菓子をのせるのに便利な、手のひらほどの大きさです"),
                            noun("オーバルプレート:oval-plate", 2800, CERAMIC_COLORS, "パスタや焼き魚など、細長い料理がきれいに収まります"),
                            noun("深皿:deep-plate", 2400, CERAMIC_COLORS, "煮込み料理やカレーも汁気を気にせず盛りつけられます"))),
            new CategoryDef(
                    "mugs-cups",
                    "マグ・カップ",
                    "tableware",
                    STANDARD,
                    "MUG",
                    List.of("Kivi Keramik", "Sävy", "Hilja"),
                    words("白樺模様:birch-pattern 雪どけ色:meltwater 手びねり:hand-built 二重構造:double-wall"
                            + " 耐熱ガラス:heat-resistant-glass"),
                    "食洗機に対応しています（電子レンジは耐熱ガラスのみ可）。",
                    List.of(
                            noun("マグ:mug", 1800, CERAMIC_COLORS, "たっぷり入る容量で、朝のコーヒーにも夜のホットミルクにも"),
                            noun("カップ&ソーサー:cup-and-saucer", 3200, CERAMIC_COLORS, "来客のときにも、自分のための午後のお茶にも"),
                            noun("タンブラー:tumbler", 1600, CERAMIC_COLORS, "冷たい飲みものも温かい飲みものも、手になじむ形です"),
                            noun("湯のみ:yunomi", 1400, CERAMIC_COLORS, "緑茶やほうじ茶を、少しずつ味わうための大きさです"),
                            noun("エスプレッソカップ:espresso-cup", 1500, CERAMIC_COLORS, "小さな一杯を、きちんと楽しむためのカップです"))),
            new CategoryDef(
                    "kitchen-tools",
                    "キッチンツール",
                    null,
                    STANDARD,
                    "KIT",
                    List.of("Koivu Works", "Tammi & Co.", "Mökki Goods"),
                    words("白樺:birch オリーブウッド:olive-wood チーク:teak ウォールナット:walnut 山桜:wild-cherry"),
                    "使ったあとは水洗いしてよく乾かし、ときどきオイルを塗ると長持ちします。",
                    List.of(
                            noun("カッティングボード:cutting-board", 3800, BOARD_SIZES, "刃あたりがやさしく、そのまま食卓に出してもさまになります"),
                            noun("ヘラ:spatula", 1200, SINGLE, "フライパンの角まで届く、薄く削り出した先端が使いやすいです"),
                            noun("サーバースプーン:serving-spoon", 1600, SINGLE, "大皿料理の取り分けに、深めのすくい部分が活躍します"),
                            noun("鍋敷き:trivet", 1800, SINGLE, "熱い鍋をそのまま食卓へ運べる、厚みのあるつくりです"),
                            noun("バターナイフ:butter-knife", 1100, SINGLE, "かたいバターもすっと削れる、ほどよいしなりがあります"))),
            new CategoryDef(
                    "textiles",
                    "テキスタイル",
                    null,
                    STANDARD,
                    "TEX",
                    List.of("Saari Textile", "Pellava Mill", "Lumi Atelier"),
                    words("リネン:linen コットンリネン:cotton-linen 格子柄:check ヘリンボーン:herringbone 小花柄:floral"),
                    "洗濯機で洗えます。洗うほどにやわらかく、風合いが増していきます。",
                    List.of(
                            noun("キッチンクロス:kitchen-cloth", 1400, TEXTILE_COLORS, "吸水性がよく、食器拭きにも鍋つかみにもなります"),
                            noun("テーブルクロス:tablecloth", 6800, CLOTH_SIZES, "一枚かけるだけで、いつもの食卓がやわらかな雰囲気になります"),
                            noun("ブランケット:blanket", 12000, TEXTILE_COLORS, "ソファでのうたた寝にも、肌寒い夜のひざ掛けにも"),
                            noun("クッションカバー:cushion-cover", 3600, TEXTILE_COLORS, "45cm角のクッションに合うサイズで、季節ごとの模様替えに"),
                            noun("エプロン:apron", 4800, TEXTILE_COLORS, "首と腰のひもで長さを調整でき、料理にも庭仕事にも使えます"))),
            new CategoryDef(
                    "lighting",
                    "照明",
                    null,
                    STANDARD,
                    "LGT",
                    List.of("Norrsken Studio", "Vinterljus", "Koivu Works"),
                    words("白樺:birch 真鍮:brass 乳白ガラス:opal-glass スチール:steel 陶器:ceramic"),
                    "明るさや光の色味は、合わせる電球やキャンドルによって変わります。",
                    List.of(
                            noun("ペンダントライト:pendant-light", 16000, LAMP_COLORS, "ダイニングテーブルの上に、やわらかな光だまりをつくります"),
                            noun("テーブルランプ:table-lamp", 12000, LAMP_COLORS, "読書や手仕事の手もとを、まぶしすぎずに照らします"),
                            noun("フロアランプ:floor-lamp", 24000, LAMP_COLORS, "部屋の隅に置くと、天井に広がる光で空間が落ち着きます"),
                            noun("キャンドルホルダー:candle-holder", 2200, LAMP_COLORS, "ティーライトキャンドルを入れて、冬の夜のテーブルに"),
                            noun("LEDランタン:led-lantern", 5800, LAMP_COLORS, "コードがないので、ベランダや寝室へ気軽に持ち運べます"))),
            new CategoryDef(
                    "furniture",
                    "家具",
                    null,
                    STANDARD,
                    "FRN",
                    List.of("Tammi & Co.", "Koivu Works", "Havu"),
                    words("オーク材:oak ウォールナット材:walnut 白樺材:birch-wood パイン材:pine アッシュ材:ash"),
                    "組み立ては簡単で、工具が付属します。",
                    List.of(
                            noun("スツール:stool", 14000, FINISHES, "腰かけにも、ちょっとした花台やサイドテーブルにもなります"),
                            noun("ダイニングチェア:dining-chair", 30000, FINISHES, "背もたれのゆるやかな曲線が、長い食事の時間も支えます"),
                            noun("サイドテーブル:side-table", 22000, FINISHES, "ソファやベッドの横で、本やマグの置き場所になります"),
                            noun("シェルフ:shelf", 38000, FINISHES, "見せる収納にちょうどいい、抜け感のある棚です"),
                            noun("ベンチ:bench", 42000, FINISHES, "玄関で靴を履くときにも、ダイニングで二人並んで座るときにも"))),
            new CategoryDef(
                    "storage",
                    "収納",
                    null,
                    STANDARD,
                    "STO",
                    List.of("Mökki Goods", "Havu", "Sävy"),
                    words("白樺樹皮:birch-bark ペーパーコード:paper-cord 柳編み:willow フェルト:felt シーグラス:seagrass"),
                    "水ぬれに弱いので、湿気の少ない場所での使用をおすすめします。",
                    List.of(
                            noun("バスケット:basket", 3800, SML, "野菜のストックや、リビングに散らばりがちな小物の置き場に"),
                            noun("収納ボックス:storage-box", 2800, SML, "ふたつきで重ねられ、棚の中をすっきり整えます"),
                            noun("小物入れ:catchall", 1600, SINGLE, "鍵や腕時計など、毎日使う小さなものの定位置に"),
                            noun("ファイルボックス:file-box", 2400, SINGLE, "書類や雑誌を立てて収納できる、A4サイズ対応です"),
                            noun("マガジンラック:magazine-rack", 6800, SINGLE, "読みかけの雑誌や新聞を、ソファの横にまとめておけます"))),
            new CategoryDef(
                    "interior-decor",
                    "インテリア雑貨",
                    null,
                    STANDARD,
                    "DEC",
                    List.of("Lumi Atelier", "Vinterljus", "Hilja"),
                    words("白樺:birch 真鍮:brass 陶器:ceramic ガラス:glass オーク:oak"),
                    "ひとつずつ手作業で仕上げているため、形や色味に個体差があります。",
                    List.of(
                            noun("花瓶:vase", 3600, CERAMIC_COLORS, "一輪挿しから小さな枝ものまで、季節の草花を気軽に飾れます"),
                            noun("フォトフレーム:photo-frame", 2400, SML, "旅先の写真や子どもの絵を、壁や棚にさりげなく飾れます"),
                            noun("壁掛け時計:wall-clock", 9800, CERAMIC_COLORS, "秒針の音が静かな連続秒針で、寝室にも掛けられます"),
                            noun("オブジェ:object", 4200, SINGLE, "棚の一角に置くだけで、部屋に小さな物語が生まれます"),
                            noun("トレイ:tray", 2800, SML, "アクセサリーの置き場にも、コーヒーを運ぶお盆にもなります"))),
            new CategoryDef(
                    "bath-laundry",
                    "バス・ランドリー",
                    null,
                    STANDARD,
                    "BTH",
                    List.of("Saari Textile", "Pellava Mill", "Havu"),
                    words("オーガニックコットン:organic-cotton リネン:linen ワッフル織り:waffle ガーゼ:gauze パイル:pile"),
                    "はじめの数回は毛羽が出ることがあります。乾燥機の使用は控えてください。",
                    List.of(
                            noun("バスタオル:bath-towel", 3800, TEXTILE_COLORS, "薄手でもよく水を吸い、狭いベランダでもすぐに乾きます"),
                            noun("フェイスタオル:face-towel", 1600, TEXTILE_COLORS, "洗顔のあとに、肌にやさしく当てるだけで水気をとります"),
                            noun("ハンドタオル:hand-towel", 900, TEXTILE_COLORS, "キッチンや洗面所に掛けておくのにちょうどいい大きさです"),
                            noun("バスマット:bath-mat", 4200, TEXTILE_COLORS, "足ざわりがよく、洗濯機で気軽に洗えます"),
                            noun("バスローブ:bathrobe", 9800, SML, "湯上がりにはおれば、そのままくつろぎの時間に移れます"))),
            new CategoryDef(
                    "coffee-tea",
                    "コーヒー・紅茶",
                    null,
                    REDUCED,
                    "CAF",
                    List.of("Kahvila Koivu", "Tammi & Co.", "Sävy"),
                    null,
                    "直射日光と高温多湿を避けて保存し、開封後はお早めにお召し上がりください。",
                    List.of(
                            noun(
                                    "コーヒー豆:coffee-beans",
                                    1400,
                                    BEANS,
                                    "北欧の焙煎所に多い、酸味と甘みのバランスを大切にした焙煎です",
                                    "浅煎り:light-roast 中煎り:medium-roast 深煎り:dark-roast エチオピア:ethiopia デカフェ:decaf"),
                            noun(
                                    "ドリップバッグ:drip-bags",
                                    900,
                                    BAGS,
                                    "カップにのせてお湯を注ぐだけで、職場でも旅先でも本格的な一杯が楽しめます",
                                    "浅煎り:light-roast 中煎り:medium-roast 深煎り:dark-roast デカフェ:decaf 季節限定:seasonal"),
                            noun(
                                    "紅茶リーフ:tea-leaves",
                                    1200,
                                    LEAVES,
                                    "ポットでゆっくり蒸らすと、葉が開いて香りが立ちのぼります",
                                    "アールグレイ:earl-grey ダージリン:darjeeling アッサム:assam スモーキー:smoky ベリー:berry"),
                            noun(
                                    "ティーバッグ:tea-bags",
                                    800,
                                    BOX,
                                    "マグにひとつ入れるだけの手軽さで、忙しい朝にも",
                                    "ルイボス:rooibos カモミール:chamomile アールグレイ:earl-grey ミント:mint 白樺の葉:birch-leaf"),
                            noun(
                                    "ハーブティー:herbal-tea",
                                    1100,
                                    LEAVES,
                                    "カフェインを含まないので、寝る前のひとときにも安心です",
                                    "カモミール:chamomile ペパーミント:peppermint リンデン:linden ローズヒップ:rosehip ネトル:nettle"))),
            new CategoryDef(
                    "sweets-food",
                    "お菓子・食品",
                    null,
                    REDUCED,
                    "FOD",
                    List.of("Mökki Goods", "Hilja", "Kahvila Koivu"),
                    null,
                    "直射日光と高温多湿を避けて保存してください。",
                    List.of(
                            noun(
                                    "クッキー:cookies",
                                    1200,
                                    BOX,
                                    "バターの香りがやさしい、北欧の家庭で焼かれてきた素朴な味です",
                                    "カルダモン:cardamom シナモン:cinnamon ライ麦:rye ブルーベリー:blueberry ジンジャー:ginger"),
                            noun(
                                    "ジャム:jam",
                                    1000,
                                    JARS,
                                    "果実をたっぷり使い、甘さを控えめに炊き上げました",
                                    "リンゴンベリー:lingonberry ブルーベリー:blueberry クラウドベリー:cloudberry ルバーブ:rhubarb"
                                            + " カシス:cassis"),
                            noun(
                                    "はちみつ:honey",
                                    1600,
                                    JARS,
                                    "ヨーグルトや紅茶に、花の香りをひとさじ加えてみてください",
                                    "アカシア:acacia 菩提樹:linden-blossom ヘザー:heather 百花:wildflower クローバー:clover"),
                            noun(
                                    "キャラメル:caramels",
                                    800,
                                    BOX,
                                    "ひと粒ずつ包んであるので、おすそ分けにも向いています",
                                    "バニラ:vanilla カルダモン:cardamom リコリス:licorice シーソルト:sea-salt コーヒー:coffee"),
                            noun(
                                    "クラッカー:crackers",
                                    700,
                                    BOX,
                                    "チーズやスモークサーモンをのせれば、そのまま軽食になります",
                                    "ライ麦:rye 全粒粉:whole-wheat シード:seed ローズマリー:rosemary 岩塩:rock-salt"))),
            new CategoryDef(
                    "garden-outdoor",
                    "ガーデン・アウトドア",
                    null,
                    STANDARD,
                    "GDN",
                    List.of("Havu", "Mökki Goods", "Tuuli & Puu"),
                    null,
                    "屋外で使ったあとは汚れを落とし、よく乾かしてから保管してください。",
                    List.of(
                            noun(
                                    "プランター:planter",
                                    2800,
                                    SML,
                                    "底穴つきで水はけがよく、ハーブや小さな木を育てられます",
                                    "テラコッタ:terracotta ブリキ:tin 陶器:ceramic ファイバー:fiber 木製:wooden"),
                            noun(
                                    "じょうろ:watering-can",
                                    3200,
                                    LAMP_COLORS,
                                    "細い注ぎ口で、鉢植えの根もとにそっと水をあげられます",
                                    "ブリキ:tin 真鍮:brass ステンレス:stainless ホーロー:enamel 樹脂:resin"),
                            noun(
                                    "ガーデンチェア:garden-chair",
                                    12000,
                                    FINISHES,
                                    "折りたたんで壁に立てかけられるので、狭いベランダでも場所をとりません",
                                    "チーク:teak アカシア:acacia スチール:steel パイン:pine ラタン:rattan"),
                            noun(
                                    "ピクニックブランケット:picnic-blanket",
                                    5800,
                                    TEXTILE_COLORS,
                                    "くるくる巻いて持ち運べ、公園の芝生や海辺で広げられます",
                                    "ウール:wool 格子柄:check 撥水加工:water-repellent コットン:cotton フリース:fleece"),
                            noun(
                                    "ガーデングローブ:garden-gloves",
                                    1800,
                                    SML,
                                    "指先の感覚が残る薄さで、苗の植えつけも細かな作業もしやすいです",
                                    "革:leather コットン:cotton 帆布:canvas 撥水加工:water-repellent ニット:knit"))));

    /** Brand introductions; %1$s is the product name, %2$s the brand. */
    private static final List<String> BRAND_LINES = List.of(
            "%1$sは、%2$sの定番シリーズのひとつです。",
            "%2$sが北欧の小さな工房と一緒につくった%1$s。", "%2$sのデザイナーが、毎日使うことを考えて形を決めた%1$s。", "長く使えるものを、という%2$sの考えから生まれた%1$s。");

    private CatalogSeed() {}

    /** Every product, in a stable order; {@code random} decides SKU count, stock and image count. */
    static List<ProductRow> products(Random random) {
        List<ProductRow> products = new ArrayList<>(specials(random));
        for (CategoryDef category : CATEGORIES) {
            int number = 0;
            for (Noun noun : category.nouns()) {
                List<Word> qualifiers = noun.qualifiers() != null ? noun.qualifiers() : category.qualifiers();
                for (int q = 0; q < qualifiers.size(); q++) {
                    Word qualifier = qualifiers.get(q);
                    number++;
                    String name = qualifier.ja() + "の" + noun.word().ja();
                    String brand = category.brands().get(q % category.brands().size());
                    String description =
                            BRAND_LINES.get(number % BRAND_LINES.size()).formatted(name, brand) + noun.use() + "。"
                                    + category.care();
                    boolean soldOut = random.nextInt(100) < 8;
                    int skuCount = noun.variants().size() == 1
                            ? 1
                            : 1 + random.nextInt(noun.variants().size());
                    List<SkuRow> skus = new ArrayList<>();
                    for (int v = 0; v < skuCount; v++) {
                        Variant variant = noun.variants().get(v);
                        String code = "%s-%03d%s"
                                .formatted(
                                        category.skuPrefix(),
                                        number,
                                        variant.code().isEmpty() ? "" : "-" + variant.code());
                        int price = price(
                                noun.basePrice()
                                        * QUALIFIER_FACTOR[q % QUALIFIER_FACTOR.length]
                                        * variant.priceFactor(),
                                category.taxRate());
                        skus.add(new SkuRow(code, variant.label(), price, soldOut ? 0 : 1 + random.nextInt(60)));
                    }
                    products.add(new ProductRow(
                            qualifier.en() + "-" + noun.word().en(),
                            name,
                            brand,
                            description,
                            category.slug(),
                            noun.word().en(),
                            category.taxRate(),
                            skus,
                            1 + random.nextInt(3)));
                }
            }
        }
        Set<String> slugs = new HashSet<>();
        Set<String> codes = new HashSet<>();
        for (ProductRow product : products) {
            if (!slugs.add(product.slug())) {
                throw new IllegalStateException("duplicate seed slug " + product.slug());
            }
            for (SkuRow sku : product.skus()) {
                if (!codes.add(sku.code())) {
                    throw new IllegalStateException("duplicate seed SKU " + sku.code());
                }
            }
        }
        return products;
    }

    /** Hand-written products, which search tests look for. */
    private static List<ProductRow> specials(Random random) {
        return List.of(
                special(
                        "stoneware-mug",
                        "ストーンウェア マグ",
                        "Kivi Keramik",
                        "ざらりとした土の手ざわりが残る、ストーンウェア（stoneware）のマグ。"
                                + "英語では stoneware mug と呼ばれる、北欧の食卓でおなじみの形です。"
                                + "容量350mlで、コーヒーもスープもたっぷり入ります。食洗機に対応しています。",
                        "mugs-cups",
                        "mug",
                        List.of(
                                new SkuRow("MUG-STONE-WH", "ホワイト", 2860, 24),
                                new SkuRow("MUG-STONE-GY", "グレー", 2860, 18),
                                new SkuRow("MUG-STONE-BR", "ブラウン", 2860, 9)),
                        3),
                special(
                        "mug-milk",
                        "マグカップ ミルク",
                        "Sävy",
                        "ミルクのようにやわらかな白のマグカップ。毎日の一杯に。" + "ぽってりとした厚みで冷めにくく、ホットミルクやカフェオレに向いています。",
                        "mugs-cups",
                        "mug",
                        List.of(new SkuRow("MUG-MILK", "ミルクホワイト", 1980, 30)),
                        2),
                special(
                        "enamel-kettle",
                        "エナメル ケトル",
                        "Koivu Works",
                        "ホーロー（enamel）のケトル、容量1.5L。ガス火でもIHでも使えます。" + "白いからだに白樺のつまみを合わせました。直火とIHに対応しています。",
                        "kitchen-tools",
                        "kettle",
                        List.of(
                                new SkuRow("KIT-KETTLE-WH", "ホワイト", 7480, 12),
                                new SkuRow("KIT-KETTLE-BK", "ブラック", 7480, 7)),
                        2),
                special(
                        "canvas-tote",
                        "キャンバス トートバッグ",
                        "Tuuli & Puu",
                        "厚手の帆布（canvas）でつくったトートバッグ。口は白樺材のボタンで留められます。" + "買いものにも、ブランケットを入れてピクニックにも。",
                        "storage",
                        "tote",
                        List.of(
                                new SkuRow("STO-TOTE-NA", "ナチュラル", 3520, 20 + random.nextInt(20)),
                                new SkuRow("STO-TOTE-NV", "ネイビー", 3520, 15)),
                        1));
    }

    private static ProductRow special(
            String slug,
            String name,
            String brand,
            String description,
            String category,
            String nounKey,
            List<SkuRow> skus,
            int images) {
        return new ProductRow(slug, name, brand, description, category, nounKey, STANDARD, skus, images);
    }

    /** A tax-included price from a price before tax, which is rounded to ¥100 as shops usually do. */
    static int price(double beforeTax, short taxRate) {
        long rounded = Math.round(beforeTax / 100.0) * 100;
        long clamped = Math.max(500, Math.min(89_000, rounded));
        return (int) (clamped * (100 + taxRate) / 100);
    }

    private static Noun noun(String word, int basePrice, List<Variant> variants, String use) {
        return new Noun(words(word).getFirst(), basePrice, variants, use, null);
    }

    private static Noun noun(String word, int basePrice, List<Variant> variants, String use, String qualifiers) {
        return new Noun(words(word).getFirst(), basePrice, variants, use, words(qualifiers));
    }

    /** "白磁:white-porcelain 灰釉:ash-glaze" → words. */
    private static List<Word> words(String spec) {
        List<Word> words = new ArrayList<>();
        for (String item : spec.split(" ")) {
            String[] parts = item.split(":");
            words.add(new Word(parts[0], parts[1]));
        }
        return List.copyOf(words);
    }

    /** "ホワイト:WH:1 グレー:GY:1" → variants (label, SKU suffix, price factor). */
    private static List<Variant> variants(String spec) {
        List<Variant> variants = new ArrayList<>();
        for (String item : spec.split(" ")) {
            String[] parts = item.split(":");
            variants.add(new Variant(parts[0], parts[1], Double.parseDouble(parts[2])));
        }
        return List.copyOf(variants);
    }
}
