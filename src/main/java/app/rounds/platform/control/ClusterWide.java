package app.rounds.platform.control;

import java.io.Serializable;

/**
 * An event that every instance of a cluster acts on, not only the one that fired it: a board stream that moved, fresh
 * counts, a publication to forget. {@link ClusterPeers} sends it to the other instances after the commit and fires it
 * there for the same observers. Only for events whose observers do local things (send frames, forget a cached copy):
 * one whose observer writes to the database would write once per instance.
 */
public interface ClusterWide extends Serializable {
}
