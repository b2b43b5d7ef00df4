package app.rounds.testing;

import com.deque.html.axecore.args.AxeRuleOptions;
import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.WebDriver;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * axe-core (Deque's, run in the page through Selenium) on what the browser shows now: a test fails on any serious or
 * critical violation, listed in words with the elements it is about. Colour contrast counts; so do two rules the
 * issue found broken: {@code label-content-name-mismatch} (serious, but experimental in axe, so off unless asked
 * for) and {@code heading-order} (moderate).
 */
public final class Accessibility {

    private static final Set<String> FAILING_IMPACTS = Set.of("serious", "critical");
    private static final Set<String> FAILING_RULES = Set.of("label-content-name-mismatch", "heading-order");

    private Accessibility() {
    }

    /** Fails, naming {@code pageName} and each violation in words, if axe finds a serious or critical one. */
    public static void assertNoSeriousViolations(WebDriver browser, String pageName) {
        AxeRuleOptions enabled = new AxeRuleOptions();
        enabled.setEnabled(true);
        AxeRunOptions options = new AxeRunOptions();
        options.setRules(Map.of("label-content-name-mismatch", enabled));
        // only violations come back (passes and the rest, each with its elements, were most of the answer's size), and
        // axe runs in the page itself: its default opens a blank window to merge frames' results, which doubled its
        // cost and, on a loaded machine, timed out switching to that window; the pages' frames are all same-origin
        options.setResultTypes(List.of("violations"));
        Results results = new AxeBuilder().withOptions(options).setLegacyMode(true).analyze(browser);
        if (results.isErrored()) {
            fail(pageName + ": axe-core did not run: " + results.getErrorMessage());
        }
        List<Rule> failing = results.getViolations().stream()
                .filter(rule -> FAILING_IMPACTS.contains(rule.getImpact()) || FAILING_RULES.contains(rule.getId()))
                .toList();
        if (!failing.isEmpty()) {
            fail(pageName + " (" + browser.getCurrentUrl() + "): axe-core finds " + failing.size()
                    + " accessibility violation(s):\n" + failing.stream().map(Accessibility::described)
                    .collect(Collectors.joining("\n")));
        }
    }

    private static String described(Rule rule) {
        return "- " + rule.getHelp() + " [" + rule.getId() + ", " + rule.getImpact() + "; " + rule.getHelpUrl() + "]\n"
                + rule.getNodes().stream().map(Accessibility::described).collect(Collectors.joining("\n"));
    }

    private static String described(CheckedNode node) {
        return "    " + node.getTarget() + ": " + node.getFailureSummary().replace("\n", " ")
                + "\n      " + abbreviated(node.getHtml());
    }

    private static String abbreviated(String html) {
        return html.length() <= 160 ? html : html.substring(0, 157) + "...";
    }
}
