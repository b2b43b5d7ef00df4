package app.rounds.sessions.entity;

/**
 * What a hashtag post becomes when it is neither a question ({@code #q} or a question mark) nor feedback
 * ({@code #feedback} with a rating): a question to moderate, or nothing.
 */
public enum OtherPosts {
    QUESTION, IGNORE
}
