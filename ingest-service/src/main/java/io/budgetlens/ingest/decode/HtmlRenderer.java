package io.budgetlens.ingest.decode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Renders an HTML page of a government portal as the document text: portal chrome (navigation, breadcrumbs, share
 * links, headers, footers, sidebars, scripts, styles, forms) is dropped; block elements become lines; every table
 * becomes one line per row with cells separated by {@code " | "} (the flattened-table shape the parser also reads
 * from text documents), and is kept as a grid with rowspan/colspan expanded. Traversal is iterative, so deeply nested
 * markup cannot overflow the stack.
 */
public final class HtmlRenderer {

    /** Elements that never carry document content. */
    private static final String REMOVED = "script, style, noscript, template, iframe, object, embed, svg, canvas, "
            + "form, button, input, select, textarea, nav, aside, menu, link, meta, head";

    /** class/id tokens of portal chrome. */
    private static final Set<String> CHROME_TOKENS = Set.of("nav", "navbar", "menu", "breadcrumb", "breadcrumbs",
            "crumb", "crumbs", "share", "bdshare", "footer", "foot", "sidebar", "side", "aside", "toolbar", "topbar",
            "copyright", "login", "search", "related", "friendlink", "position", "location", "header");

    /** Short blocks with these words are portal furniture, not content. */
    private static final List<String> CHROME_PHRASES = List.of("当前位置", "您现在的位置", "您的位置", "分享到", "打印本页",
            "关闭窗口", "【打印】", "【关闭】", "扫一扫", "网站地图", "版权所有", "ICP备", "网站标识码", "公网安备");

    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "main", "h1", "h2", "h3", "h4",
            "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "address", "figure", "figcaption",
            "center", "hr", "title", "body", "caption");

    private static final int SHORT_BLOCK = 200;

    private HtmlRenderer() {
    }

    /** Rendered text and the tables found in it. */
    public record Rendered(String text, List<TextTable> tables) {
    }

    public static Rendered render(String html) {
        Document doc = Jsoup.parse(html);
        doc.select(REMOVED).remove();
        removeChrome(doc.body());
        StringBuilder out = new StringBuilder();
        List<List<List<String>>> grids = new ArrayList<>();
        List<String> blocks = new ArrayList<>();
        NodeTraversor.filter(new Renderer(out, grids, blocks), doc.body());
        String text = tidy(out);
        // Offsets are taken on the final text: tidying moves lines, never the rows of a table.
        List<TextTable> tables = new ArrayList<>();
        int from = 0;
        for (int t = 0; t < grids.size(); t++) {
            int start = text.indexOf(blocks.get(t), from);
            if (start < 0) {
                continue;
            }
            int end = start + blocks.get(t).length();
            tables.add(new TextTable(start, end, grids.get(t)));
            from = end;
        }
        return new Rendered(text, tables);
    }

    private static void removeChrome(Element body) {
        List<Element> chrome = new ArrayList<>();
        for (Element e : body.getAllElements()) {
            if (e == body) {
                continue;
            }
            boolean named = "header".equals(e.tagName()) || "footer".equals(e.tagName()) || isChromeByName(e);
            if (named && e.select("h1, table").isEmpty()) {
                chrome.add(e);
            }
        }
        // Furniture phrases: remove the largest enclosing block that is still short (a breadcrumb, a share bar).
        for (TextNode text : allTextNodes(body)) {
            String t = text.text();
            if (CHROME_PHRASES.stream().noneMatch(t::contains)) {
                continue;
            }
            Element candidate = null;
            for (Element up = text.parent(); up != null && up != body;
                 up = up.parent()) {
                if (up.text().length() >= SHORT_BLOCK || !up.select("table").isEmpty()) {
                    break;
                }
                candidate = up;
            }
            if (candidate != null) {
                chrome.add(candidate);
            }
        }
        for (Element e : chrome) {
            if (e.parent() != null) {
                e.remove();
            }
        }
    }

    private static List<TextNode> allTextNodes(Element root) {
        List<TextNode> nodes = new ArrayList<>();
        NodeTraversor.traverse((node, depth) -> {
            if (node instanceof TextNode t) {
                nodes.add(t);
            }
        }, root);
        return nodes;
    }

    private static boolean isChromeByName(Element e) {
        String names = (e.id() + " " + e.className()).toLowerCase(Locale.ROOT);
        for (String token : names.split("[\\s_\\-]+")) {
            if (CHROME_TOKENS.contains(token)) {
                return true;
            }
        }
        return false;
    }

    /** Collapses runs of blank lines and trailing spaces. */
    private static String tidy(StringBuilder raw) {
        StringBuilder out = new StringBuilder(raw.length());
        int blank = 0;
        for (String line : raw.toString().split("\n", -1)) {
            String l = line.stripTrailing();
            if (l.isBlank()) {
                blank++;
                if (blank > 1 || out.isEmpty()) {
                    continue;
                }
                out.append('\n');
                continue;
            }
            blank = 0;
            out.append(l.contains(" |") ? l : l.stripLeading()).append('\n');
        }
        return out.toString().strip() + "\n";
    }

    /** The iterative renderer: text, block breaks, and whole tables (whose subtrees it then skips). */
    private static final class Renderer implements NodeFilter {
        private final StringBuilder out;
        private final List<List<List<String>>> grids;
        private final List<String> blocks;

        Renderer(StringBuilder out, List<List<List<String>>> grids, List<String> blocks) {
            this.out = out;
            this.grids = grids;
            this.blocks = blocks;
        }

        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode text) {
                String t = text.text();
                if (!t.isBlank()) {
                    if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n' && Character.isWhitespace(t.charAt(0))) {
                        out.append(' ');
                    }
                    out.append(t.strip());
                }
                return FilterResult.CONTINUE;
            }
            if (node instanceof Element e) {
                if ("br".equals(e.tagName())) {
                    out.append('\n');
                } else if ("table".equals(e.tagName())) {
                    newLine();
                    renderTable(e);
                    return FilterResult.SKIP_ENTIRELY;
                } else if (BLOCKS.contains(e.tagName())) {
                    newLine();
                }
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (node instanceof Element e && BLOCKS.contains(e.tagName())) {
                newLine();
            }
            return FilterResult.CONTINUE;
        }

        private void newLine() {
            if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
                out.append('\n');
            }
        }

        private void renderTable(Element table) {
            List<List<String>> grid = TableGrid.of(table);
            if (grid.isEmpty()) {
                return;
            }
            StringBuilder block = new StringBuilder();
            for (List<String> row : grid) {
                if (!block.isEmpty()) {
                    block.append('\n');
                }
                for (String cell : row) {
                    block.append(cell).append(" | ");
                }
                block.setLength(block.length() - 1);
            }
            out.append(block).append("\n\n");
            grids.add(grid);
            blocks.add(block.toString());
        }
    }
}
