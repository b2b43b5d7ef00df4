package app.rounds.ingest.control;

import java.io.IOException;

/**
 * A source's host resolved to an address that is not on the public internet ({@link PublicInternet}), or its URL
 * would not be called safely, so Rounds did not call it. An {@code IOException} like any failure of a source: its
 * message becomes the source's last error.
 */
public class NotPublicAddress extends IOException {

    private final String address;

    /** {@code address}: the refused address as text, when one was seen. */
    public NotPublicAddress(String message, String address) {
        super(message);
        this.address = address;
    }

    public String address() {
        return address;
    }
}
