package dev.vigil.runtime.cli.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the report and the live page inline: uPlot (unpacked from its WebJar at build time), the pages'
 * shared stylesheet and chart helpers, and JSON made safe inside a {@code <script>} element.
 */
public final class WebAssets {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z]+)}}");

    private WebAssets() {
    }

    /** uPlot's minified script. */
    public static String uplotJs() {
        return text(WebAssets.class, "uplot/uPlot.iife.min.js");
    }

    /** uPlot's stylesheet, then the pages' own. */
    public static String css() {
        return text(WebAssets.class, "uplot/uPlot.min.css") + "\n" + text(WebAssets.class, "vigil.css");
    }

    /** Chart helpers both pages use (colours, time axis, marks). */
    public static String chartsJs() {
        return text(WebAssets.class, "charts.js");
    }

    /**
     * {@code template} with each {@code {{name}}} replaced, in one pass, by {@code values}' entry; the page's
     * stylesheet, uPlot and the chart helpers fill {@code {{css}}}, {@code {{uplot}}} and {@code {{charts}}}.
     */
    public static String page(String template, Map<String, String> values) {
        Map<String, String> all = new HashMap<>(values);
        all.putIfAbsent("css", css());
        all.putIfAbsent("uplot", uplotJs());
        all.putIfAbsent("charts", chartsJs());
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder sb = new StringBuilder(template.length() + 256 * 1024);
        while (m.find()) {
            String v = all.get(m.group(1));
            if (v == null) {
                throw new IllegalArgumentException("no value for {{" + m.group(1) + "}}");
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** The text resource {@code name} beside {@code anchor}'s class. */
    public static String text(Class<?> anchor, String name) {
        try (InputStream in = anchor.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " of " + anchor.getPackageName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code json} with every {@code <} escaped, so no {@code </script>} or comment can end its element early. */
    public static String inlineJson(String json) {
        return json.replace("<", "\\u003c");
    }

    /** {@code text} escaped for HTML text and attribute values. */
    public static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
