package app.rounds.highlights.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;

/**
 * A picture, question or feedback a publication shows: pictures listed here are the only media with public URLs,
 * and the withdrawal of anything listed here takes the publication down.
 */
@Entity
@Table(name = "highlight_publication_part")
@NamedQuery(name = PublicationPart.FIND_QUOTED_LIVE, query = "SELECT DISTINCT s.refId FROM PublicationPart s "
        + "WHERE s.kind IN (app.rounds.highlights.entity.PartKind.QUESTION, "
        + "app.rounds.highlights.entity.PartKind.FEEDBACK) AND s.refId IN :refs AND s.highlightId IN "
        + "(SELECT p.highlightId FROM Publication p WHERE p.state = 'LIVE')")
@IdClass(PublicationPart.Key.class)
public class PublicationPart {

    /** Of some contributions, those a live publication quotes. */
    public static final String FIND_QUOTED_LIVE = "PublicationPart.findQuotedLive";

    public static class Key implements Serializable {
        private String highlightId;
        private String refId;

        public Key() {
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(highlightId, key.highlightId)
                    && Objects.equals(refId, key.refId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(highlightId, refId);
        }
    }

    @Id
    @Column(name = "highlight_id", length = 36)
    private String highlightId;

    @Id
    @Column(name = "ref_id", length = 36)
    private String refId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private PartKind kind;

    protected PublicationPart() {
    }

    public PublicationPart(String highlightId, String refId, PartKind kind) {
        this.highlightId = highlightId;
        this.refId = refId;
        this.kind = kind;
    }

    public String refId() {
        return refId;
    }

    public PartKind kind() {
        return kind;
    }
}
