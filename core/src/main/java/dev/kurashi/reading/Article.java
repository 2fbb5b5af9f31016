package dev.kurashi.reading;

import dev.kurashi.common.Timestamped;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** An editorial article (読み物). See {@link ArticleStatus} for how {@link #publishAt} decides visibility. */
@Entity
@Table(name = "articles")
public class Article extends Timestamped {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true)
    public String slug;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String lead;

    /** Trusted HTML written by staff ({@code <p>}, {@code <h2>}, {@code <ul>} ...). */
    @Column(name = "body_html", nullable = false)
    public String bodyHtml;

    @Column(name = "hero_image_url")
    public String heroImageUrl;

    /** null: draft; in the future: scheduled; otherwise published. */
    @Column(name = "publish_at")
    public Instant publishAt;

    @Version
    @Column(nullable = false)
    public long version;

    @ElementCollection
    @CollectionTable(name = "article_tags", joinColumns = @JoinColumn(name = "article_id"))
    @Column(name = "tag", nullable = false)
    public Set<String> tags = new LinkedHashSet<>();

    /** Replaced as a whole when edited (Hibernate rewrites the rows), in display order. */
    @ElementCollection
    @CollectionTable(name = "article_products", joinColumns = @JoinColumn(name = "article_id"))
    @OrderBy("sortOrder")
    public List<FeaturedProduct> featuredProducts = new ArrayList<>();

    public ArticleStatus statusAt(Instant now) {
        return ArticleStatus.of(publishAt, now);
    }
}
