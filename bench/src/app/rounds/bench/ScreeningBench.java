package app.rounds.bench;

import app.rounds.screening.control.Screener;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What screening 1,000 characters costs (the target: under 2 ms), on clinical talk full of numbers and on a post full
 * of patient data, beside a reference measured in the same run: one pass of one precompiled pattern over the same
 * text, the least any regex-based screener pays per rule. Run (docs/BENCHMARKS.md):
 * {@code ./mvnw -q -Pbench test-compile exec:exec -Dexec.classpathScope=test -Dexec.executable=java
 * -Dexec.args="-cp %classpath org.openjdk.jmh.Main ScreeningBench"}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class ScreeningBench {

    private static final String CLINICAL = "For a 45-year-old with BP 120/80, HR 110 and K+ 5.8 mmol/L, should we give "
            + "10 units of insulin with 50 ml of 50% glucose at 14:30, or wait for the 2019 guideline review in room "
            + "204? ";
    private static final String PATIENT_DATA = "Mrs Okafor in bed 4 on ward 7, DOB 03/04/1931, NHS 943 476 5919, "
            + "daughter on 07700 900461, lives at 14 Cromwell Road, Stretford M32 0AB; bill in bay 2 is ninety-four, "
            + "his car LV19 KXT is in the ambulance bay; sounds like shingles, ask your GP for aciclovir. ";
    private static final Pattern ONE_PATTERN = Pattern.compile("(?<![\\p{L}\\p{N}])\\d(?:[ -]?\\d){7,}");

    private Screener screener;
    private String clinical;
    private String patientData;

    @Setup
    public void setUp() {
        screener = new Screener();
        clinical = thousand(CLINICAL);
        patientData = thousand(PATIENT_DATA);
    }

    private static String thousand(String sample) {
        return sample.repeat(1000 / sample.length() + 1).substring(0, 1000);
    }

    @Benchmark
    public Object screenClinicalTalk() {
        return screener.screen(clinical);
    }

    @Benchmark
    public Object screenPatientData() {
        return screener.screen(patientData);
    }

    @Benchmark
    public int referenceOnePatternPass() {
        Matcher m = ONE_PATTERN.matcher(patientData);
        int found = 0;
        while (m.find()) {
            found++;
        }
        return found;
    }
}
