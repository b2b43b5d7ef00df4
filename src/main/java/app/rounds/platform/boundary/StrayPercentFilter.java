package app.rounds.platform.boundary;

import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.util.DataChunk;

/**
 * Escapes a {@code %} in a request's path that is not followed by two hexadecimal digits ({@code /%zz}, {@code /api/%})
 * as {@code %25}, before Payara decodes the path: its decoder fails on such an address, logs it as SEVERE with a stack
 * trace and answers 200 with an empty body before any code of the WAR runs (payara/Payara#8000). Escaped, the address
 * reaches Rounds as the text it held and is answered as any address with nothing there: 404, problem+json to API
 * clients and the not-found page to browsers, with the security headers. Valid escapes are left as they are, so no
 * new {@code /} or {@code ..} can appear. {@link StrayPercents} puts it into Payara's HTTP listeners.
 */
public final class StrayPercentFilter extends BaseFilter {

    @Override
    public NextAction handleRead(FilterChainContext context) {
        if (context.getMessage() instanceof HttpContent content
                && content.getHttpHeader() instanceof HttpRequestPacket request) {
            DataChunk path = request.getRequestURIRef().getRequestURIBC();
            if (path.indexOf('%', 0) >= 0) {
                String raw = path.toString();
                String escaped = escaped(raw);
                if (!escaped.equals(raw)) {
                    request.setRequestURI(escaped);
                }
            }
        }
        return context.getInvokeAction();
    }

    /** {@code path} with each {@code %} that does not start a valid escape written as {@code %25}. */
    static String escaped(String path) {
        StringBuilder out = null;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            boolean stray = c == '%' && !(i + 2 < path.length() && hex(path.charAt(i + 1)) && hex(path.charAt(i + 2)));
            if (stray && out == null) {
                out = new StringBuilder(path.length() + 8).append(path, 0, i);
            }
            if (stray) {
                out.append("%25");
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? path : out.toString();
    }

    private static boolean hex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
