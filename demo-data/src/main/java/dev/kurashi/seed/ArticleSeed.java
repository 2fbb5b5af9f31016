package dev.kurashi.seed;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The demo articles: twelve topics written by hand, each told in five ways (a frame gives the title and
 * headings, the topic the substance). 56 are published over the past year, 2 scheduled, 2 drafts.
 */
final class ArticleSeed {

    record Topic(
            String ja,
            String en,
            String categorySlug,
            List<String> nounKeys,
            String tag,
            String hook,
            String history,
            String advice,
            List<String> tips,
            String care) {}

    /** Patterns take the topic's name as %1$s and, for the seasonal frame, the season as %2$s. */
    record Frame(
            String title,
            String slug,
            String intro,
            String firstHeading,
            String secondHeading,
            String outro,
            String tag) {}

    record Season(String ja, String en, String phrase) {}

    record ArticleRow(
            String slug,
            String title,
            String lead,
            String bodyHtml,
            String heroImageUrl,
            Instant publishAt,
            Instant createdAt,
            List<String> tags,
            List<String> featuredProductSlugs) {}

    static final int COUNT = 60;
    static final int SCHEDULED = 2;
    static final int DRAFTS = 2;

    private static final List<Topic> TOPICS = List.of(
            new Topic(
                    "白樺の道具",
                    "birch-tools",
                    "kitchen-tools",
                    null,
                    "キッチン",
                    "軽くてあたたかみのある白樺は、北欧の台所に欠かせない素材です。",
                    "フィンランドやスウェーデンの森にたくさん育つ白樺は、昔から器やかご、台所道具に使われてきました。" + "木目がおだやかで、使いこむほどに色が深まっていくのが魅力です。",
                    "白樺の道具には、金属やプラスチックにはないやわらかさがあります。" + "鍋やフライパンを傷つけにくく、手に持ったときの軽さも毎日の料理を少し楽にしてくれます。",
                    List.of("使ったらすぐに洗い、立てて乾かす", "月に一度、食用のオイルを薄く塗る", "食洗機や長時間のつけ置きは避ける"),
                    "表面がかさついてきたら、目の細かい紙やすりで軽くなでてからオイルを塗ると、手ざわりがよみがえります。"),
            new Topic(
                    "リネン",
                    "linen",
                    "textiles",
                    null,
                    "暮らし",
                    "洗うほどにやわらかくなるリネンは、毎日使ってこそ良さがわかる布です。",
                    "亜麻の繊維から織られるリネンは、北欧やバルト海沿岸の国々で古くから親しまれてきました。" + "水をよく吸ってすぐに乾くので、キッチンクロスやタオルにも向いています。",
                    "最初は少しかたく感じても、洗濯をくり返すうちに驚くほどしなやかになります。" + "しわも味わいのうちと考えれば、アイロンがけの手間もぐっと減ります。",
                    List.of("最初に一度水通しをして、縮みを落ち着かせる", "洗ったら軽く手でのばして陰干しする", "漂白剤は使わず、中性洗剤で洗う"),
                    "しまい込まずに毎日使うことが、いちばんのお手入れです。"),
            new Topic(
                    "陶器のうつわ",
                    "pottery",
                    "tableware",
                    null,
                    "キッチン",
                    "土のぬくもりが感じられる陶器のうつわは、いつもの料理をおいしそうに見せてくれます。",
                    "北欧の陶芸は、装飾をおさえた形と、釉薬のやわらかな色合いが特徴です。" + "和食にも洋食にもなじむので、日本の食卓にも取り入れやすいうつわです。",
                    "同じシリーズで大きさ違いをそろえると、重ねて収納しやすく、食卓にも統一感が出ます。" + "まずはよく使う取り皿の大きさから選ぶのがおすすめです。",
                    List.of("はじめて使う前に、ぬるま湯にしばらく浸す", "使ったあとは長く水に浸けたままにしない", "しっかり乾かしてから棚にしまう"),
                    "貫入と呼ばれる細かなひびに色がしみていくのも、陶器ならではの育てる楽しみです。"),
            new Topic(
                    "北欧のあかり",
                    "nordic-light",
                    "lighting",
                    null,
                    "インテリア",
                    "冬の長い北欧では、部屋のあかりは暮らしの心地よさそのものです。",
                    "北欧の家では、天井の照明ひとつで部屋全体を明るくするのではなく、" + "いくつかの小さなあかりを低い位置に置くのが一般的です。",
                    "ダイニングにはペンダントライト、ソファの横にはフロアランプ、窓辺にはキャンドル。" + "光を分散させると、同じ部屋でも夜の表情が豊かになります。",
                    List.of("電球は温かみのある電球色を選ぶ", "目線より低い位置にあかりを置く", "食卓の照明はテーブル面から60〜70cmの高さに"),
                    "シェードのほこりは、やわらかな乾いた布でときどき払ってください。"),
            new Topic(
                    "コーヒー",
                    "coffee",
                    "coffee-tea",
                    List.of("coffee-beans", "drip-bags"),
                    "キッチン",
                    "北欧の人たちは、一日に何度もコーヒーを飲むことで知られています。",
                    "フィンランドやノルウェーでは、浅めに焙煎した豆で淹れる、すっきりとしたコーヒーが好まれてきました。" + "果実のような酸味と軽やかな後味は、焼き菓子ともよく合います。",
                    "豆で買うなら、飲む直前に挽くのがいちばん香りを楽しめる方法です。" + "ドリップバッグなら、忙しい朝でも手軽に一杯を用意できます。",
                    List.of("豆は密閉容器に入れ、冷暗所で保存する", "お湯は沸騰から少し置いて90℃前後に", "一度に買う量は2〜3週間で飲みきれる分だけ"),
                    "ドリッパーやポットは、コーヒーの油分が残らないようにこまめに洗いましょう。"),
            new Topic(
                    "紅茶とハーブティー",
                    "tea",
                    "coffee-tea",
                    List.of("tea-leaves", "tea-bags", "herbal-tea"),
                    "キッチン",
                    "寒い季節の午後、ポットでゆっくり淹れるお茶はそれだけでごちそうです。",
                    "北欧ではコーヒーと並んで紅茶やハーブティーもよく飲まれます。" + "ベリーや花の香りをつけたお茶が多く、森や庭の恵みを楽しむ文化が感じられます。",
                    "茶葉で淹れる紅茶は、蒸らし時間で味わいが大きく変わります。" + "ティーバッグも、カップにふたをして蒸らすだけでぐっと香りが引き立ちます。",
                    List.of("ポットとカップはあらかじめ温めておく", "茶葉はティースプーン1杯を一人分の目安に", "蒸らし時間は3分前後、好みで調整する"),
                    "開封した茶葉は、湿気と香り移りを防ぐため缶に入れて保存してください。"),
            new Topic(
                    "木の家具",
                    "wooden-furniture",
                    "furniture",
                    null,
                    "インテリア",
                    "よい木の家具は、暮らしとともに少しずつ表情を変えていきます。",
                    "北欧の家具は、無垢材のあたたかみと、無駄のないすっきりとした形が特徴です。" + "長い冬を家の中で過ごす人々が、毎日ふれるものとして大切に選んできました。",
                    "オークは丈夫で木目がはっきりと、ウォールナットは深い色味で落ち着いた印象に。" + "床や建具の色に合わせて選ぶと、部屋にまとまりが生まれます。",
                    List.of("直射日光やエアコンの風が直接当たる場所を避ける", "ふだんは乾いた布で拭き、汚れは固く絞った布で", "オイル仕上げは年に一、二度オイルを塗り直す"),
                    "小さな傷やしみも、年月とともに味わいのひとつになっていきます。"),
            new Topic(
                    "収納かご",
                    "baskets",
                    "storage",
                    null,
                    "暮らし",
                    "かごに入れるだけで、こまごましたものがすっきりと部屋になじみます。",
                    "白樺の樹皮や柳を編んだかごは、北欧の暮らしで長く使われてきた道具です。" + "森で木の実やきのこを集めるのにも、家の中の収納にも活躍してきました。",
                    "ふたのないかごは、中身が少し見えるくらいがちょうどいい使い方です。" + "ざっくり放り込むだけで片づくので、家族みんなが続けやすい収納になります。",
                    List.of("入れるものを決めてから大きさを選ぶ", "よく使うものは手の届く高さのかごに", "湿気がこもらないよう、ときどき中身を出して風を通す"),
                    "汚れたときは固く絞った布で拭き、風通しのよい日陰で乾かしてください。"),
            new Topic(
                    "北欧の焼き菓子",
                    "nordic-baking",
                    "sweets-food",
                    List.of("cookies", "caramels", "crackers", "jam"),
                    "キッチン",
                    "カルダモンやシナモンの香りは、北欧のお茶の時間に欠かせません。",
                    "スウェーデンには、コーヒーとお菓子で一息つく「フィーカ」という習慣があります。" + "家庭で焼かれるクッキーやパンには、カルダモンやシナモンなどのスパイスがよく使われます。",
                    "ベリーのジャムをのせたクッキーや、ライ麦を使った素朴なクラッカーなど、" + "北欧のお菓子は甘さ控えめで飽きのこない味わいが魅力です。",
                    List.of("コーヒーや紅茶と一緒に、少しずつ味わう", "ジャムはヨーグルトやチーズにも合わせてみる", "開封後は缶や密閉容器に移して湿気を防ぐ"),
                    "手土産にするなら、日持ちのする焼き菓子を選ぶと安心です。"),
            new Topic(
                    "タオル",
                    "towels",
                    "bath-laundry",
                    null,
                    "暮らし",
                    "毎日肌にふれるタオルこそ、素材にこだわって選びたいものです。",
                    "北欧の家庭では、薄手でよく乾くリネンやワッフル織りのタオルが好まれてきました。" + "湿気のこもりやすい日本の浴室でも、乾きやすさはうれしい性質です。",
                    "ふんわりとした厚手のタオルとはまた違う、さらりとした使い心地が特徴です。" + "フェイスタオルやハンドタオルから試してみると、違いがよくわかります。",
                    List.of("柔軟剤は吸水性が落ちるので控えめに", "洗濯後はよく振って、パイルやワッフルを立たせる", "色ごとに枚数をそろえると洗面所がすっきり見える"),
                    "乾燥機を使うと縮みやすいので、風通しのよい場所で干すのがおすすめです。"),
            new Topic(
                    "マグカップ",
                    "mugs",
                    "mugs-cups",
                    null,
                    "キッチン",
                    "お気に入りのマグがひとつあると、毎日の一杯が少し特別になります。",
                    "北欧の家では、コーヒーも紅茶もたっぷりのマグで飲むのが日常の風景です。" + "厚みのあるマグは冷めにくく、両手で包むと手のひらまで温まります。",
                    "持ち手の形や口あたり、容量によって使い心地は大きく変わります。" + "毎朝なにを飲むのかを思い浮かべながら選ぶと、長く付き合える一客に出会えます。",
                    List.of("容量は300〜350mlがいちばん使いやすい", "持ち手に指が何本入るか確かめる", "色違いでそろえて家族で使い分ける"),
                    "茶渋が気になったら、重曹を溶かしたぬるま湯にしばらく浸けておくと落ちやすくなります。"),
            new Topic(
                    "ベランダの緑",
                    "balcony-garden",
                    "garden-outdoor",
                    null,
                    "暮らし",
                    "小さなベランダでも、植物があるだけで外の季節を身近に感じられます。",
                    "夏の短い北欧では、晴れた日に庭やバルコニーで過ごす時間をとても大切にします。" + "鉢植えのハーブや花を育て、外でコーヒーを飲むのが夏のささやかな楽しみです。",
                    "集合住宅のベランダでも、プランターをいくつか並べるだけで景色が変わります。" + "まずは丈夫なハーブから育ててみると、料理にも使えて一石二鳥です。",
                    List.of("日当たりと風通しを確かめてから植物を選ぶ", "水やりは朝の涼しい時間に、鉢底から流れるまで", "避難経路をふさがないよう、置き場所に気をつける"),
                    "冬のあいだは道具を室内にしまい、春の植えつけに備えましょう。"));

    private static final List<Frame> FRAMES = List.of(
            new Frame(
                    "%1$sのある暮らし",
                    "%1$s-life",
                    "%1$sを暮らしに迎えると、毎日の景色が少しだけ変わります。",
                    "%1$sが暮らしにくれるもの",
                    "長く付き合うために",
                    "今日の暮らしに、%1$sをひとつ加えてみませんか。",
                    "暮らし"),
            new Frame(
                    "はじめての%1$s",
                    "first-%1$s",
                    "これから%1$sを取り入れてみたい方に向けて、基本をまとめました。",
                    "まず知っておきたいこと",
                    "お手入れのこつ",
                    "気負わずに、まずはひとつ使ってみるところから始めてみてください。",
                    null),
            new Frame(
                    "%2$sに楽しむ%1$s",
                    "%2$s-%1$s",
                    "%2$sは、%1$sをいつもより身近に感じる季節です。",
                    "%2$sの楽しみ方",
                    "季節が変わっても",
                    "季節のうつろいとともに、%1$sのある時間を楽しんでください。",
                    "季節"),
            new Frame(
                    "%1$sの選び方",
                    "%1$s-guide",
                    "%1$sを選ぶときに気をつけたいポイントを、スタッフの経験をもとにご紹介します。",
                    "選ぶときのポイント",
                    "使いはじめてから",
                    "迷ったときは、暮らしの中でいちばんよく使う場面を思い浮かべてみてください。",
                    null),
            new Frame(
                    "贈りものにしたい%1$s",
                    "gift-%1$s",
                    "大切な人への贈りものに、%1$sを選んでみませんか。",
                    "贈りものに向いている理由",
                    "贈ったあとも長く",
                    "ギフトラッピングも承っていますので、ご注文の際にお申しつけください。",
                    "ギフト"));

    private static final List<Season> SEASONS = List.of(
            new Season("春", "spring", "日ざしがやわらかくなる春"),
            new Season("夏", "summer", "白夜を思わせる明るい夏"),
            new Season("秋", "autumn", "空気の澄んでくる秋"),
            new Season("冬", "winter", "家で過ごす時間が長くなる冬"));

    private ArticleSeed() {}

    /**
     * The articles, newest first; featured products are drawn from {@code products} (the topic's category).
     */
    static List<ArticleRow> articles(List<CatalogSeed.ProductRow> products, Instant now, Random random) {
        Instant latest = now.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofHours(2)); // 07:00 JST today
        List<ArticleRow> articles = new ArrayList<>();
        for (int k = 0; k < COUNT; k++) {
            Frame frame = FRAMES.get(k / TOPICS.size());
            int topicIndex = k % TOPICS.size();
            Topic topic = TOPICS.get(topicIndex);
            Season season = SEASONS.get(topicIndex % SEASONS.size());
            String slug = frame.slug().formatted(topic.en(), season.en());
            String title = frame.title().formatted(topic.ja(), season.ja());

            Instant publishAt;
            int published = COUNT - SCHEDULED - DRAFTS;
            if (k < published) {
                // spread over the past year, about a week apart
                publishAt = latest.minus(Duration.ofHours(156L * k));
            } else if (k < published + SCHEDULED) {
                publishAt = latest.plus(Duration.ofDays(4L + 7L * (k - published)));
            } else {
                publishAt = null;
            }
            Instant createdAt = publishAt == null || publishAt.isAfter(now) ? now : publishAt.minus(Duration.ofDays(5));

            Set<String> tags = new LinkedHashSet<>();
            tags.add(topic.tag());
            if (frame.tag() != null) {
                tags.add(frame.tag());
            }
            if (tags.size() < 3 && (topic.ja().contains("北欧") || k % 4 == 0)) {
                tags.add("北欧");
            }

            articles.add(new ArticleRow(
                    slug,
                    title,
                    frame.intro().formatted(topic.ja(), season.phrase()) + topic.hook(),
                    body(topic, frame, season),
                    "/images/articles/" + slug + ".svg",
                    publishAt,
                    createdAt,
                    List.copyOf(tags),
                    featured(topic, products, random)));
        }
        return articles;
    }

    private static String body(Topic topic, Frame frame, Season season) {
        // the intro is the lead, shown above the body: the body goes on from there
        StringBuilder html = new StringBuilder();
        html.append("<p>").append(topic.history()).append("</p>\n");
        html.append("<h2>")
                .append(frame.firstHeading().formatted(topic.ja(), season.ja()))
                .append("</h2>\n");
        html.append("<p>").append(topic.advice()).append("</p>\n");
        html.append("<ul>\n");
        for (String tip : topic.tips()) {
            html.append("  <li>").append(tip).append("</li>\n");
        }
        html.append("</ul>\n");
        html.append("<h2>").append(frame.secondHeading()).append("</h2>\n");
        html.append("<p>").append(topic.care()).append("</p>\n");
        html.append("<p>").append(frame.outro().formatted(topic.ja())).append("</p>\n");
        return html.toString();
    }

    /** Two to four products of the topic's category (and nouns, when the topic names some). */
    private static List<String> featured(Topic topic, List<CatalogSeed.ProductRow> products, Random random) {
        List<String> pool = new ArrayList<>();
        for (CatalogSeed.ProductRow product : products) {
            if (product.categorySlug().equals(topic.categorySlug())
                    && (topic.nounKeys() == null || topic.nounKeys().contains(product.nounKey()))) {
                pool.add(product.slug());
            }
        }
        Collections.shuffle(pool, random);
        return List.copyOf(pool.subList(0, Math.min(pool.size(), 2 + random.nextInt(3))));
    }
}
