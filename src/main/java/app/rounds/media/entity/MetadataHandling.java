package app.rounds.media.entity;

/** What was done about a stored file's hidden metadata (EXIF, GPS, XMP, IPTC, container tags). */
public enum MetadataHandling {
    /** Re-encoded from its pixels: nothing but the image was kept. */
    REMOVED,
    /** Kept as uploaded; the note says why. */
    NOT_REMOVED
}
