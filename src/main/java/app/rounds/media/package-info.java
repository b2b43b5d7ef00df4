/**
 * The session media library: photos and videos from a session, stored without hidden metadata, with what staff know
 * about them (caption, alt text, photographer, time, tags).
 *
 * <p>Decisions: an upload streams to a temporary file while its SHA-256 is computed, never into memory; its type is
 * judged by its bytes (Tika's magic detection), never by its name or the client's Content-Type. Photos are decoded and
 * re-encoded (orientation applied, every metadata block dropped) and thumbnailed. Videos have their container
 * rewritten by ffmpeg without re-encoding and without metadata, then read back (metadata-extractor, the container's
 * boxes or EBML elements, every byte for an ISO 6709 position): no well-kept Java library rewrites MP4 or WebM. A
 * video that cannot be so rewritten (no ffmpeg, a failure, the time limit, metadata still found) is kept as
 * uploaded, {@code NOT_REMOVED}, which is never publishable. Files are stored by the SHA-256 of their bytes, written to
 * a temporary file, synced and moved into place before the database records them: the same file twice is stored once,
 * and a failure half-way leaves no file behind.
 */
package app.rounds.media;
