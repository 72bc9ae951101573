package dk.selvbetjening.catalogue;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Reference data, arriving by migration; read only. */
@Entity
@Table(name = "topic")
class Topic {

    @Id
    private String slug;

    @Column(nullable = false)
    private String title;

    @Column(name = "sort_order", nullable = false)
    private Integer sortOrder;

    protected Topic() {
    }

    TopicSummary toSummary() {
        return new TopicSummary(slug, title);
    }
}
