package app.rounds.highlights.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;

/** A photo or video a publication shows: the only media with public URLs. */
@Entity
@Table(name = "highlight_publication_media")
@IdClass(PublicationMedia.Key.class)
public class PublicationMedia {

    public static class Key implements Serializable {
        private String highlightId;
        private String mediaId;

        public Key() {
        }

        public static Key of(String highlightId, String mediaId) {
            Key key = new Key();
            key.highlightId = highlightId;
            key.mediaId = mediaId;
            return key;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(highlightId, key.highlightId)
                    && Objects.equals(mediaId, key.mediaId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(highlightId, mediaId);
        }
    }

    @Id
    @Column(name = "highlight_id", length = 36)
    private String highlightId;

    @Id
    @Column(name = "media_id", length = 36)
    private String mediaId;

    protected PublicationMedia() {
    }

    public PublicationMedia(String highlightId, String mediaId) {
        this.highlightId = highlightId;
        this.mediaId = mediaId;
    }

    public String mediaId() {
        return mediaId;
    }
}
