package app.rounds.contributions.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * Where a contribution came from: the web page, or a post on a network, with its author's public handle there (e.g.
 * {@code @ana@mastodon.example}) and a link to the original.
 */
@Embeddable
public class Provenance {

    @Enumerated(EnumType.STRING)
    @Column(name = "origin", nullable = false, length = 16)
    private Origin origin;

    @Column(name = "author_handle", length = 200)
    private String authorHandle;

    @Column(name = "original_url", length = 1000)
    private String originalUrl;

    protected Provenance() {
    }

    public Provenance(Origin origin, String authorHandle, String originalUrl) {
        this.origin = origin;
        this.authorHandle = authorHandle;
        this.originalUrl = originalUrl;
    }

    /** From the web page: a new instance each time, as every entity owns its embeddable. */
    public static Provenance web() {
        return new Provenance(Origin.WEB, null, null);
    }

    public Origin origin() {
        return origin;
    }

    public String authorHandle() {
        return authorHandle;
    }

    public String originalUrl() {
        return originalUrl;
    }
}
