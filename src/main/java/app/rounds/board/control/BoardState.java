package app.rounds.board.control;

import app.rounds.board.entity.Stream;

import java.util.Map;

/**
 * What the board currently shows, from the component that owns it (contributions). The board asks for it when a
 * client connects without a usable sequence number (a snapshot), and for vote counts after a replay. An interface
 * because contributions already depends on the board for publishing; this keeps the dependency one-way.
 */
public interface BoardState {

    /** The whole state of the stream as JSON, as of the transaction it is read in. */
    String snapshot(String sessionId, Stream stream);

    /** The last counted votes of every question the stream may show. */
    Map<String, Integer> voteCounts(String sessionId, Stream stream);
}
