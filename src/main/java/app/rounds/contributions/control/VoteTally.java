package app.rounds.contributions.control;

import app.rounds.board.control.VotesCounted;
import app.rounds.contributions.entity.Question;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Counts questions' votes from their rows and stores the counts on the questions, in one short transaction. */
@ApplicationScoped
public class VoteTally {

    @PersistenceContext
    EntityManager em;

    @Transactional
    public VotesCounted count(String sessionId, Set<String> questionIds) {
        Map<String, Integer> counts = new HashMap<>();
        em.createNamedQuery(Question.COUNT_VOTES, Object[].class).setParameter("ids", questionIds).getResultList()
                .forEach(row -> counts.put((String) row[0], ((Number) row[1]).intValue()));
        List<Question> questions = em.createNamedQuery(Question.FIND_IN_SESSION, Question.class)
                .setParameter("session", sessionId).setParameter("ids", questionIds).getResultList();
        for (Question question : questions) {
            em.createNamedQuery(Question.SET_VOTES).setParameter("id", question.id())
                    .setParameter("votes", counts.getOrDefault(question.id(), 0)).executeUpdate();
        }
        return counted(sessionId, questions, counts);
    }

    /**
     * The counts for the board: every question of the session for moderators, the visible ones for the public; a
     * question without vote rows has 0.
     */
    static VotesCounted counted(String sessionId, List<Question> questions, Map<String, Integer> counts) {
        Map<String, Integer> all = new HashMap<>();
        Map<String, Integer> visible = new HashMap<>();
        for (Question question : questions) {
            int votes = counts.getOrDefault(question.id(), 0);
            all.put(question.id(), votes);
            if (question.visible()) {
                visible.put(question.id(), votes);
            }
        }
        return new VotesCounted(sessionId, all, visible);
    }
}
