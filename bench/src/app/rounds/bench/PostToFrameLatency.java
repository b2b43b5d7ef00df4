package app.rounds.bench;

import app.rounds.testing.ApiClient;
import app.rounds.testing.BoardClient;
import app.rounds.testing.Reply;
import jakarta.json.JsonObject;
import org.HdrHistogram.Histogram;

import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Time from a trainee's POST of a question to its frame on a connected public board client, against a running Rounds
 * (post-moderation session, so the question goes straight to the public stream). One request at a time: this is the
 * unloaded path; the load benchmarks are issue 4's.
 *
 * <pre>./mvnw -q -Pbench test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=app.rounds.bench.PostToFrameLatency -Dexec.args="http://localhost:8080/ admin PASSWORD 200"</pre>
 */
public final class PostToFrameLatency {

    private PostToFrameLatency() {
    }

    public static void main(String[] args) throws Exception {
        URL base = URI.create(args[0]).toURL();
        int samples = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        ApiClient admin = ApiClient.anonymous(base).withBearerFor(args[1], args[2]);
        JsonObject session = admin.post("api/sessions",
                ApiClient.json("{'title':'Latency','moderationMode':'POST_MODERATION'}")).json();
        String code = session.getString("joinCode").replace("-", "");
        List<ApiClient> trainees = new ArrayList<>();
        for (int i = 0; i < (samples + 4) / 5 + 1; i++) {
            Reply joined = ApiClient.anonymous(base).post("api/participants", ApiClient.json("{'code':'" + code + "'}"));
            trainees.add(ApiClient.anonymous(base).withHeader("Rounds-Participant", joined.json().getString("token")));
        }
        String origin = base.getProtocol() + "://" + base.getAuthority();
        Histogram micros = new Histogram(60_000_000L, 3);
        Histogram answered = new Histogram(60_000_000L, 3); // the reference: the POST's own round trip
        try (BoardClient board = BoardClient.connect(URI.create(base.toString()), "ws/public/" + code,
                Map.of("Origin", origin))) {
            board.next("snapshot");
            for (int i = 0; i < samples + 5; i++) {
                ApiClient trainee = trainees.get(i / 5);
                long start = System.nanoTime();
                Reply asked = trainee.post("api/participants/me/questions", ApiClient.json("{'text':'Latency " + i + "'}"));
                long answeredAt = System.nanoTime();
                String id = asked.json().getString("id");
                board.nextSkipping(f -> !"contribution.created".equals(f.getString("type"))
                        || !id.equals(f.getJsonObject("data").getString("id")));
                long elapsed = (System.nanoTime() - start) / 1000;
                if (i >= 5) { // the first five warm up
                    micros.recordValue(elapsed);
                    answered.recordValue((answeredAt - start) / 1000);
                }
            }
        }
        admin.post("api/sessions/" + session.getString("id") + "/end", null);
        print("POST -> its frame on the public board", micros);
        print("POST -> its 201 answer (reference)", answered);
    }

    private static void print(String what, Histogram micros) {
        System.out.printf("%s, %d samples: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n", what,
                micros.getTotalCount(), micros.getValueAtPercentile(50) / 1000.0,
                micros.getValueAtPercentile(90) / 1000.0, micros.getValueAtPercentile(99) / 1000.0,
                micros.getMaxValue() / 1000.0);
    }
}
