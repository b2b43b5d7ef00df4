package app.rounds.contributions.entity;

/** One option of a poll, in its place; {@code correct} only ever true in a quiz. */
public record PollOption(String text, boolean correct) {
}
