package io.budgetlens.ingest.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.budgetlens.events.ContentsEntry;

/**
 * Finds the table of contents (目录): a line "目录" (or "目 录") in the first part of the document followed by entry
 * lines — short, without a full stop, often with dot leaders and a page number. The block ends at the first line that
 * is not an entry: a sentence, a line repeating the first entry (the body's first heading), or, when the entries had
 * dot leaders, a line without them. An entry wrapped over two lines is one entry. The entries are not sections.
 */
public final class ContentsDetector {

    static final Pattern TITLE = Pattern.compile("^\\s*目\\s*录\\s*$");
    /** Dot leaders and a trailing page number: "……… 3", "..... 12", "·····5". */
    static final Pattern LEADER = Pattern.compile("\\s*(?:[.．·…_\\-—]{3,}|…{2,}|(?:\\.\\s){3,})[\\s.．·…]*(\\d{1,3})?\\s*$");
    static final Pattern TRAILING_PAGE = Pattern.compile("\\s+(\\d{1,3})\\s*$");
    static final Pattern NUMBERED = Pattern.compile("^\\s*(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+[、.．]"
            + "|[(（][一二三四五六七八九十\\d]+[)）]|\\d{1,2}\\s*[.．、](?!\\d{1,2}(?!\\d))|附件|附表)");
    static final int MAX_ENTRY = 70;
    static final int MAX_ENTRIES = 120;

    private ContentsDetector() {
    }

    /** The entries and the [start, end) range of the whole block (title line included), or none. */
    public record Contents(List<ContentsEntry> entries, int start, int end) {
        static final Contents NONE = new Contents(List.of(), -1, -1);

        public boolean contains(int offset) {
            return offset >= start && offset < end;
        }
    }

    public static Contents detect(String text) {
        return detect(text, text.split("\n", -1));
    }

    /**
     * The same with the text's lines ({@code text.split("\n", -1)}), split once for all the parser's readers. A line
     * without 目 is not tried as the title.
     */
    static Contents detect(String text, String[] lines) {
        int searchLimit = Math.max(text.length() / 2, 4000);
        int offset = 0;
        for (int i = 0; i < lines.length && offset < searchLimit; i++) {
            if (lines[i].indexOf('目') >= 0 && TITLE.matcher(lines[i]).matches()) {
                Contents found = entries(lines, i, offset);
                if (!found.entries().isEmpty()) {
                    return found;
                }
            }
            offset += lines[i].length() + 1;
        }
        return Contents.NONE;
    }

    private static Contents entries(String[] lines, int titleLine, int titleStart) {
        List<ContentsEntry> entries = new ArrayList<>();
        int offset = titleStart + lines[titleLine].length() + 1;
        int end = offset;
        boolean leaders = false;
        String first = null;
        boolean previousOpen = false;
        for (int i = titleLine + 1; i < lines.length && entries.size() < MAX_ENTRIES; i++) {
            String line = lines[i];
            int lineStart = offset;
            offset += line.length() + 1;
            String stripped = line.strip();
            if (stripped.isEmpty()) {
                continue;
            }
            if (stripped.length() > MAX_ENTRY + 10 || stripped.contains("。") || stripped.contains("|")) {
                break;
            }
            Matcher leader = LEADER.matcher(stripped);
            boolean hasLeader = leader.find();
            String pageRef = null;
            String title = stripped;
            if (hasLeader) {
                pageRef = leader.group(1);
                title = stripped.substring(0, leader.start()).strip();
            } else {
                Matcher page = TRAILING_PAGE.matcher(stripped);
                if (page.find() && NUMBERED.matcher(stripped).lookingAt()) {
                    pageRef = page.group(1);
                    title = stripped.substring(0, page.start()).strip();
                }
            }
            if (title.isEmpty()) {
                continue;
            }
            if (leaders && !hasLeader && pageRef == null) {
                break;
            }
            if (first != null && squash(title).equals(first)) {
                break;
            }
            boolean numbered = NUMBERED.matcher(title).lookingAt();
            if (!numbered && previousOpen && !entries.isEmpty() && title.length() <= 10) {
                // The rest of an entry wrapped over two lines.
                ContentsEntry last = entries.remove(entries.size() - 1);
                entries.add(new ContentsEntry(last.title() + title, pageRef != null ? pageRef : last.pageRef(),
                        last.start(), lineStart + line.length()));
                previousOpen = pageRef == null && !hasLeader;
                end = lineStart + line.length();
                continue;
            }
            if (!numbered && entries.isEmpty() && !hasLeader) {
                break;
            }
            if (!numbered && !hasLeader && pageRef == null && title.length() > 30) {
                break;
            }
            if (!numbered && !hasLeader && pageRef == null && !leaders && entries.size() >= 3) {
                // A 目录 of numbered entries without page numbers ends where an unnumbered line starts: the first
                // heading of the text (“上海市××区××办公室主要职能”), not one more entry.
                break;
            }
            leaders |= hasLeader;
            if (first == null) {
                first = squash(title);
            }
            entries.add(new ContentsEntry(title, pageRef, lineStart, lineStart + line.length()));
            previousOpen = pageRef == null && !hasLeader;
            end = lineStart + line.length();
        }
        if (entries.size() < 3) {
            return Contents.NONE;
        }
        return new Contents(List.copyOf(entries), titleStart, end);
    }

    static String squash(String s) {
        return Blanks.removed(s);
    }
}
