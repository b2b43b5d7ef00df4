package app.rounds;

import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.platform.engine.discovery.ClassNameFilter.excludeClassNamePatterns;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The unit tests tagged {@code slow} (the screening sets, ffmpeg runs, a JVM per photo: seconds each), run by
 * {@code verify} beside the integration test classes rather than before them: those spend most of their time waiting
 * on a server, a poll or a browser, and these use that time. {@code ./mvnw test} leaves them out; one alone:
 * {@code ./mvnw test -Dtest=ScreenerFreshSetTest -DexcludedGroups=none}.
 */
class SlowUnitTestsIT {

    @Test
    void theUnitTestsTaggedSlowPass() {
        LauncherDiscoveryRequest slow = request()
                .selectors(selectPackage("app.rounds"))
                .filters(TagFilter.includeTags("slow"), excludeClassNamePatterns(".*IT"))
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
                .build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(slow, listener);
        TestExecutionSummary summary = listener.getSummary();
        StringWriter report = new StringWriter();
        summary.printTo(new PrintWriter(report));
        summary.printFailuresTo(new PrintWriter(report), 40);
        System.out.println("SlowUnitTestsIT:" + report);
        assertTrue(summary.getTestsFoundCount() > 0, "found the unit tests tagged slow:" + report);
        assertEquals(0, summary.getTotalFailureCount(), report.toString());
    }
}
