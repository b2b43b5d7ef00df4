package app.rounds.board.control;

import app.rounds.board.entity.Stream;

import java.util.Collection;
import java.util.Map;

/**
 * What the board currently shows, from the component that owns it (contributions). The board asks for it when a
 * client connects without a usable sequence number (a snapshot), and for vote counts at each tick. An interface
 * because contributions already depends on the board for publishing; this keeps the dependency one-way.
 */
public interface BoardState {

    /** The whole state of the stream as JSON, as of the transaction it is read in. */
    String snapshot(String sessionId, Stream stream);

    /** Current vote counts of these questions that the stream may show (all of them when {@code questionIds} is null). */
    Map<String, Integer> voteCounts(String sessionId, Stream stream, Collection<String> questionIds);
}
