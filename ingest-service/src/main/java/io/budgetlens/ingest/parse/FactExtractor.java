package io.budgetlens.ingest.parse;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.budgetlens.events.Change;
import io.budgetlens.events.DisclosureKind;
import io.budgetlens.events.Evidence;
import io.budgetlens.events.Fact;
import io.budgetlens.events.FundScope;
import io.budgetlens.events.ParseWarning;
import io.budgetlens.events.Section;

/**
 * Reads every figure of the narrative that is followed by 万元, 元 or % and attributes it: an amount to a key of the
 * controlled vocabulary (the words in front of it in its clause), a change statement ("较上年增加236.34万元,增长8.47%")
 * to the amount it changes, a share ("占比90.59%") to its amount. Figures it cannot attribute become warnings.
 * Table lines (cells separated by | or tabs) are not narrative and are left to the table reader.
 */
public final class FactExtractor {

    /** A figure with its unit: 3027.5万元, 1,137.1 万元, 8.47%, 96.87元. */
    static final Pattern FIGURE = Pattern.compile("(?<![\\d.])(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d+))?\\s*(万\\s?元|元|%)");
    /** Comparison bases of change statements. */
    static final Pattern BASE = Pattern.compile("(较|比|与)\\s*(上年度?决算数|上年度?支出数|上年度?|去年|上一年度?|"
            + "年初预算数?|全年(调整)?预算数?|调整预算数?|预算数|((?:19|20)\\d{2})\\s*年度?)(相比)?");
    static final Pattern DIRECTION = Pattern.compile("(增加|增长|上升|提高|减少|下降|降低|持平|保持一致|一致)"
            + "(\\(或(增加|减少)\\))?");
    /** {@link #BASE} and {@link #DIRECTION} tried only at the first characters of their words (asked of every label). */
    static final StartScan BASES = new StartScan(BASE, "较比与");
    static final StartScan DIRECTIONS = StartScan.words(DIRECTION, "增加", "增长", "上升", "提高", "减少", "下降", "降低",
            "持平", "保持", "一致");
    /** "增加人员经费11.52万元", "新增…四个项目312.08万元": the change comes before the subject it changes. */
    static final Pattern CHANGE_PREFIX = Pattern.compile("(增加|减少|新增|追加|追减|节约|下降)(了|的)?(.+)$");
    static final Pattern SHARE = Pattern.compile("占(比|.{0,20}的)?\\s*$");
    /** "(一)", "(1)", "1.", "2、" in front of a label. */
    static final Pattern ENUMERATION = Pattern.compile("^([(（]\\s*[一二三四五六七八九十\\d]+\\s*[)）]|\\d+\\s*[.、](?!\\d))\\s*");
    /** Cause clauses ("主要是…", "主要原因是…") explain a change; their own subject follows the cause words. */
    static final Pattern CAUSE = Pattern.compile("^(主要(原因)?(是|为|用于)|其中)\\s*");
    static final Pattern CLAUSE_BREAK = Pattern.compile("(?<!\\d),|,(?!\\d)|[:;、]|其中");
    /**
     * Words that open a cause clause after a change ("增加236.34万元,主要原因为…", "减少9.82万元，主要是…"): the figures
     * up to the next "。" explain the change; they never replace it or become the paragraph's subject.
     */
    static final Pattern CAUSE_MARKER = Pattern.compile("主要原因|原因(是|为)|主要是|主要由于|由于|因为");
    /** {@link #CAUSE_MARKER}'s words, searched for without the regex engine (asked once per figure). */
    private static final LiteralPattern CAUSE_WORDS = LiteralPattern.of(CAUSE_MARKER.pattern());
    /** A change subject that names no quantity of its own: the cost item the paragraph is about ("费用支出较…减少"). */
    static final Pattern GENERIC_SUBJECT = Pattern.compile("(该项|此项|相关)?(费用|经费)(支出)?");
    /** "共增加662.58万元", "合计共减少0.04万元", "总计增加236.34万元": the sum of the changes listed before it. */
    static final Pattern CLOSER = Pattern.compile("(合计共|共计|合计|总计|累计|共)");
    /**
     * A change stated without a figure: "与上年持平", "与2023年一致", "与年初预算数持平" (the groups of {@link #BASE},
     * then the word).
     */
    static final Pattern FLAT = Pattern.compile(BASE.pattern() + "[,，]?\\s*(基本)?(持平|保持一致|一致|相同|无变化|没有变化)");
    private static final int FLAT_WORD = 7;
    static final StartScan FLATS = new StartScan(FLAT, "较比与");
    /** Keys that name no quantity of their own; in a cause clause such a figure is a {@link #CAUSE_KEY} fact. */
    static final java.util.Set<String> GENERIC_KEYS = java.util.Set.of("project.item", "budget.total", "indicator.rate");
    /**
     * An amount named only by what kind of figure it is ("年初预算为1560.05万元,支出决算为1511.89万元"): the same quantity
     * as the subject of its sentence, on the basis the words give.
     */
    static final Pattern GENERIC_AMOUNT = Pattern.compile("(支出)?(决算数?|支出数|执行数|实际支出|预算数|年初预算数?)(为|是)?");
    /**
     * A label naming a 款 or 项 of the functional classification, not a 类 or a total: “…(款)…(项)支出” (Jiangsu), “司法(06款)
 * 行政运行(01项)” (with the code),
     * “一般公共服务支出-政府办公厅(室)及相关机构事务-行政运行”科目 (Shanghai).
     */
    static final Pattern ITEM_LEVEL = Pattern.compile("[(（]\\s*\\d*\\s*[款项]\\s*[)）]"
            + "|\\p{IsHan}[)）]?\\s*[-—－]\\s*\\p{IsHan}[^-—－]*\\p{IsHan}[)）]?\\s*[-—－]\\s*\\p{IsHan}");
    /** The key of an amount of one 款 or 项 (compared with nothing: the parser does not know the 款/项 codes' totals). */
    static final String ITEM_KEY = "expenditure.item";
    static final String CAUSE_KEY = "change.cause";
    static final String SUM_KEY = "change.sum";

    /**
     * How much of a sentence (and of the paragraph lead and the sentence before) the words in front of a figure are
     * read from. A real sentence is far shorter (the five samples: ≤ 210 characters); the bound keeps the work per
     * figure constant on a hostile line of thousands of figures.
     */
    static final int CONTEXT_CHARS = 1_000;
    /** Warnings of one kind kept per document; the rest are counted in one closing warning. */
    static final int WARNINGS_PER_CODE = 100;
    /** Characters a figure is quoted with once a document's quote budget is spent (“1,234,567.89万元”). */
    static final int FIGURE_QUOTE_CHARS = 20;

    private final Vocabulary vocabulary;
    private final int maxFigures;
    private final int maxQuoteChars;

    public FactExtractor(Vocabulary vocabulary) {
        this(vocabulary, ParseBudget.Limits.DEFAULT);
    }

    /** With the figure and quote budgets of {@code limits}. */
    public FactExtractor(Vocabulary vocabulary, ParseBudget.Limits limits) {
        this.vocabulary = vocabulary;
        this.maxFigures = limits.maxFigures();
        this.maxQuoteChars = limits.maxQuoteChars();
    }

    /** Facts, warnings, and the number of figures seen (for the attribution rate). */
    public record Result(List<Fact> facts, List<ParseWarning> warnings, int figures, int attributed) {

        public double attributionRate() {
            return figures == 0 ? 1.0 : (double) attributed / figures;
        }
    }

    /** Mutable fact under construction (a record is built at the end). */
    private static final class Draft {
        String key;
        String label;
        BigDecimal value;
        String unit;
        int decimals;
        String basis;
        FundScope scope;
        BigDecimal changeAmount;
        Integer changeAmountDecimals;
        BigDecimal changePercent;
        Integer changePercentDecimals;
        String directionWord;
        int sign;
        String changeBase;
        BigDecimal share;
        Integer shareDecimals;
        int start;
        int end;

        boolean hasChange() {
            return directionWord != null;
        }

        /** The same figure (key, label, value, scope) for another change statement about it. */
        Draft copyWithoutChange(int newEnd) {
            Draft d = new Draft();
            d.key = key;
            d.label = label;
            d.value = value;
            d.unit = unit;
            d.decimals = decimals;
            d.basis = basis;
            d.scope = scope;
            d.start = start;
            d.end = newEnd;
            return d;
        }
    }

    /** State of one paragraph (line) while its figures are read. */
    private static final class Paragraph {
        /** The figure the paragraph is about: changes, shares and "与上年持平" without their own subject attach to it. */
        Draft subject;
        /** The last fact of the current cause clause. */
        Draft lastCause;
        String lastBase;
        /** Where the sentence of the subject starts in its line (a generic amount word refers to it only there). */
        int subjectSentence = -1;
        boolean cause;
        boolean lastWasChange;

        /** Adds a copy in place of a draft in the paragraph's state. */
        Draft replace(Draft old, Draft copy, List<Draft> drafts) {
            drafts.add(copy);
            if (subject == old) {
                subject = copy;
            }
            if (lastCause == old) {
                lastCause = copy;
            }
            return copy;
        }
    }

    public Result extract(String text, DisclosureKind kind, Integer fiscalYear) {
        return extract(text, kind, fiscalYear, List.of());
    }

    /**
     * @param sections the document's sections: the titles of the sections around a figure ("一般公共预算财政拨款收支
     *                 总体情况") decide its fund scope when its own sentence does not say
     */
    public Result extract(String text, DisclosureKind kind, Integer fiscalYear, List<Section> sections) {
        return extract(text, text.split("\n", -1), kind, fiscalYear, sections);
    }

    /** The same with the text's lines ({@code text.split("\n", -1)}), split once for all the parser's readers. */
    Result extract(String text, String[] lines, DisclosureKind kind, Integer fiscalYear, List<Section> sections) {
        List<Draft> drafts = new ArrayList<>();
        List<ParseWarning> warnings = new ArrayList<>();
        int figures = 0;
        int attributed = 0;
        int lineStart = 0;
        // Quotes of the evidence, in characters: beyond the text's own length (plus room for a normal document) a figure
        // is quoted by itself, so the answer stays proportional to the input whatever its shape.
        long quoteBudget = (long) text.length() + 50_000;
        // Figures: the budget, and never more than one per 10 characters of text (plus 500) — a disclosure states
        // about one per 100 — so what the parser answers stays proportional to what it was sent.
        int figureLimit = (int) Math.min(maxFigures, text.length() / 10L + 500);
        boolean stopped = false;
        SectionTitles titles = new SectionTitles(sections);
        lines:
        for (String line : lines) {
            int lineOffset = lineStart;
            lineStart += line.length() + 1;
            if (line.contains("|") || line.contains("\t")) {
                continue;
            }
            Paragraph p = new Paragraph();
            List<int[]> sentences = sentences(line);
            // Each sentence's figures, found once. A figure never spans a sentence break, and a break is neither a
            // digit nor a point (which the figure's lookbehind looks at), so they are the line's figures in it.
            String[] texts = new String[sentences.size()];
            List<List<MatchResult>> figuresOf = new ArrayList<>(sentences.size());
            // The words of a paragraph before its first figure ("2024年一般公共财政拨款收入…") set the scope of the
            // whole paragraph unless a sentence names its own.
            String lineLead = "";
            boolean leadFound = false;
            for (int k = 0; k < sentences.size(); k++) {
                texts[k] = line.substring(sentences.get(k)[0], sentences.get(k)[1]);
                List<MatchResult> found = figures(texts[k]);
                figuresOf.add(found);
                if (!leadFound && !found.isEmpty()) {
                    lineLead = tail(line, sentences.get(k)[0] + found.get(0).start());
                    leadFound = true;
                }
            }
            String previousSentence = "";
            String context = "";
            for (int k = 0; k < sentences.size(); k++) {
                int[] sentence = sentences.get(k);
                String s = texts[k];
                // "其中:…" breaks down the sentence before it, whose words (一般公共预算, 财政拨款) set the fund scope;
                // the breakdown runs on over ";" until the next "。".
                if (s.stripLeading().startsWith("其中")) {
                    context = tail(previousSentence, previousSentence.length());
                } else if (previousSentence.endsWith("。") || previousSentence.isEmpty()) {
                    context = "";
                }
                previousSentence = s;
                int sentenceOffset = lineOffset + sentence[0];
                String sentenceContext = titles.at(sentenceOffset) + "\n" + lineLead + "\n" + context;
                int previousEnd = 0;
                for (MatchResult m : figuresOf.get(k)) {
                    if (figures >= figureLimit || drafts.size() >= figureLimit) {
                        stopped = true;
                        break lines;
                    }
                    flatStatements(p, drafts, s, previousEnd, m.start(), sentenceOffset, sentenceContext, kind,
                            fiscalYear);
                    figures++;
                    int absStart = sentenceOffset + m.start();
                    int absEnd = sentenceOffset + m.end();
                    String label = clauseLabel(s, previousEnd, m.start());
                    int labelFrom = previousEnd;
                    String sinceSentence = sentenceContext + tail(s, m.start());
                    if (p.lastWasChange && CAUSE_WORDS.find(s.substring(previousEnd, m.start())) == 1) {
                        p.cause = true;
                    }
                    previousEnd = m.end();
                    BigDecimal value = new BigDecimal(m.group(1).replace(",", "") + (m.group(2) == null ? "" : "." + m.group(2)));
                    int decimals = m.group(2) == null ? 0 : m.group(2).length();
                    String unit = m.group(3).replace(" ", "");

                    Matcher direction = lastMatch(DIRECTIONS, label);
                    Matcher base = lastMatch(BASES, label);
                    boolean change = direction != null && direction.end() >= label.length() - 2;
                    boolean baseBefore = false;
                    if (change && base == null) {
                        // "与2023年度相比,减少0.55万元": the base in the clause before the direction word.
                        base = lastMatch(BASES, s.substring(labelFrom, m.start()));
                        baseBefore = base != null;
                    }
                    if ("%".equals(unit) && SHARE.matcher(label).find() && p.subject != null) {
                        p.subject.share = value;
                        p.subject.shareDecimals = decimals;
                        attributed++;
                        continue;
                    }
                    if (change) {
                        String subjectLabel = (base == null || baseBefore ? label.substring(0, direction.start())
                                : label.substring(0, base.start())).strip();
                        if (subjectLabel.isEmpty() && base != null && !baseBefore && base.end() < direction.start()) {
                            // "较2023年公用经费增加0.69万元": the subject stands between the base and the direction word.
                            subjectLabel = label.substring(base.end(), direction.start()).strip();
                        }
                        if (subjectLabel.endsWith("各")) {
                            // “收入、支出预算总计10,150.48万元,与上年相比收、支预算总计各增加…”: the list restates the
                            // paragraph's figure; without one, the whole list (read across its 、) names the subject.
                            subjectLabel = p.subject != null && !p.cause ? ""
                                    : eachSubject(s.substring(labelFrom, m.start()), direction.start()
                                    + (s.substring(labelFrom, m.start()).length() - label.length()));
                        }
                        subjectLabel = CAUSE.matcher(subjectLabel).replaceAll("").strip();
                        if (GENERIC_SUBJECT.matcher(subjectLabel).matches()) {
                            // "费用支出较年初预算数减少0.93万元": the cost item the paragraph is about.
                            subjectLabel = "";
                        }
                        if (p.cause && subjectLabel.isEmpty() && base != null && !baseBefore
                                && label.strip().startsWith(base.group())) {
                            // "…主要原因是…成本下降,较上年支出数减少0.35万元": a new comparison of the subject ends the cause.
                            p.cause = false;
                            p.lastCause = null;
                        }
                        Draft target = changeTarget(p, drafts, subjectLabel, label, sinceSentence, kind, fiscalYear,
                                absStart, absEnd);
                        if (target == null) {
                            warnings.add(warning("UNATTRIBUTED_CHANGE", "A change (" + m.group() + ") without the "
                                    + "figure it changes", text, absStart, absEnd));
                            continue;
                        }
                        String changeBase = base != null ? base(base, kind, fiscalYear)
                                : target.changeBase != null ? target.changeBase : p.lastBase;
                        if (base != null) {
                            p.lastBase = changeBase;
                        }
                        boolean percent = "%".equals(unit);
                        if (target.hasChange() && (!java.util.Objects.equals(changeBase, target.changeBase)
                                || (percent ? target.changePercent != null : target.changeAmount != null))) {
                            // A second comparison of the same figure ("较年初预算数减少1.18万元…较上年支出数减少0.04万元"):
                            // a fact of its own, with the same value, so each change keeps its base.
                            target = p.replace(target, target.copyWithoutChange(absEnd), drafts);
                        }
                        target.changeBase = changeBase;
                        target.directionWord = direction.group();
                        target.sign = sign(direction.group(1));
                        if (percent) {
                            target.changePercent = value;
                            target.changePercentDecimals = decimals;
                        } else {
                            target.changeAmount = value;
                            target.changeAmountDecimals = decimals;
                        }
                        target.end = Math.max(target.end, absEnd);
                        p.lastWasChange = true;
                        attributed++;
                        continue;
                    }
                    Matcher prefixed = CHANGE_PREFIX.matcher(label);
                    if (prefixed.find()) {
                        Draft d = newDraft(prefixed.group(3), sinceSentence, kind, fiscalYear);
                        if (d != null) {
                            if (p.cause && GENERIC_KEYS.contains(d.key)) {
                                d.key = CAUSE_KEY;
                                d.label = label.strip();
                            }
                            d.directionWord = prefixed.group(1);
                            d.sign = "新增".equals(prefixed.group(1)) || "追加".equals(prefixed.group(1)) ? 1
                                    : sign(prefixed.group(1));
                            d.changeAmount = value;
                            d.changeAmountDecimals = decimals;
                            d.changeBase = p.lastBase;
                            d.start = absStart;
                            d.end = absEnd;
                            drafts.add(d);
                            if (p.cause) {
                                p.lastCause = d;
                            }
                            p.lastWasChange = true;
                            attributed++;
                            continue;
                        }
                    }
                    String fullLabel = label.isBlank() ? sinceSentence : label;
                    Draft d = GENERIC_AMOUNT.matcher(label.strip()).matches() && p.subject != null
                            && p.subjectSentence == sentence[0]
                            ? sameQuantity(p.subject, label.strip(), kind, fiscalYear)
                            : newDraft(fullLabel, sinceSentence, kind, fiscalYear);
                    if (d == null && !label.isBlank()) {
                        d = newDraft(sinceSentence, sinceSentence, kind, fiscalYear);
                    }
                    if (d == null) {
                        warnings.add(warning("UNATTRIBUTED_FIGURE", "No known label for " + m.group()
                                + " (label: '" + label.strip() + "')", text, absStart, absEnd));
                        continue;
                    }
                    d.value = value;
                    d.decimals = decimals;
                    d.unit = unit;
                    d.start = absStart;
                    d.end = absEnd;
                    drafts.add(d);
                    if (!p.cause) {
                        p.subject = d;
                        p.subjectSentence = sentence[0];
                    }
                    p.lastWasChange = false;
                    attributed++;
                }
                flatStatements(p, drafts, s, previousEnd, s.length(), sentenceOffset, sentenceContext, kind,
                        fiscalYear);
                if (s.endsWith("。")) {
                    p.cause = false;
                    p.lastCause = null;
                }
            }
        }
        if (stopped) {
            warnings.add(new ParseWarning("FIGURE_BUDGET", "The text states more than " + figureLimit + " figures; the "
                    + "first " + figureLimit + " were read and the rest were not (a department's disclosure states a few "
                    + "hundred, about one per 100 characters).", null));
        }
        List<Fact> facts = new ArrayList<>();
        int n = 0;
        for (Draft d : drafts) {
            n++;
            int[] quote = quoteRange(text, d.start, d.end, quoteBudget);
            quoteBudget -= quote[1] - quote[0];
            int sentenceStart = quote[0];
            int sentenceEnd = quote[1];
            Change change = d.hasChange() ? new Change(d.changeAmount, d.changeAmountDecimals, d.changePercent,
                    d.changePercentDecimals, d.directionWord, d.sign, d.changeBase) : null;
            facts.add(new Fact("f" + n, d.key, d.label, d.value, d.unit == null ? "万元" : d.unit, d.decimals,
                    d.basis, d.scope, change, d.share, d.shareDecimals,
                    Evidence.ofText(text.substring(sentenceStart, sentenceEnd), sentenceStart, sentenceEnd)));
        }
        return new Result(facts, capped(warnings), figures, attributed);
    }

    /**
     * The fact a change figure belongs to: a closer ("共增加") is a {@link #SUM_KEY} fact; in a cause clause a figure is
     * a fact of its own (its vocabulary key, or {@link #CAUSE_KEY}); otherwise the subject named in the clause, or the
     * paragraph's subject. Null when there is none.
     */
    private Draft changeTarget(Paragraph p, List<Draft> drafts, String subjectLabel, String label, String sinceSentence,
                               DisclosureKind kind, Integer fiscalYear, int absStart, int absEnd) {
        if (CLOSER.matcher(subjectLabel).matches()) {
            return add(drafts, ownDraft(SUM_KEY, label, sinceSentence), absStart, absEnd);
        }
        if (p.cause) {
            Draft d = subjectLabel.isEmpty() ? null : newDraft(subjectLabel, sinceSentence, kind, fiscalYear);
            if (d == null && subjectLabel.isEmpty() && p.lastCause != null) {
                return p.lastCause;
            }
            if (d == null || GENERIC_KEYS.contains(d.key)) {
                d = ownDraft(CAUSE_KEY, label, sinceSentence);
            }
            p.lastCause = add(drafts, d, absStart, absEnd);
            return d;
        }
        if (subjectLabel.isEmpty() || sameKey(p.subject, subjectLabel, sinceSentence, kind, fiscalYear)) {
            return p.subject;
        }
        Draft d = newDraft(subjectLabel, sinceSentence, kind, fiscalYear);
        if (d == null) {
            return p.subject;
        }
        p.subject = add(drafts, d, absStart, absEnd);
        return d;
    }

    /**
     * Changes stated without a figure ("因公出国(境)费用0万元，与2023年一致", "项目支出与上年持平") between two offsets of a
     * sentence: a zero change (sign 0, no amount) of the subject the clause names, or of the paragraph's subject.
     */
    private void flatStatements(Paragraph p, List<Draft> drafts, String s, int from, int to, int sentenceOffset,
                                String sentenceContext, DisclosureKind kind, Integer fiscalYear) {
        if (from >= to) {
            return;
        }
        // Every flat statement opens with 较, 比 or 与 (BASE): the pattern is tried only there.
        if (!FLATS.hasStart(s, from, to)) {
            return;
        }
        Matcher f = FLATS.matcher(s);
        int clauseFrom = from;
        for (int next = from; FLATS.find(f, s, next, to); next = f.end()) {
            if (p.lastWasChange && CAUSE_WORDS.find(s.substring(clauseFrom, f.start())) == 1) {
                p.cause = true;
            }
            String clause = clauseLabel(s, clauseFrom, f.start()).strip();
            // "…安排的支出，与2023年保持一致": words before a clause break belong to the clause before.
            String subjectLabel = clause.isEmpty() || CLAUSE_BREAK.matcher(clause.substring(clause.length() - 1)).matches()
                    ? "" : CAUSE.matcher(clause).replaceAll("").strip();
            if (GENERIC_SUBJECT.matcher(subjectLabel).matches()) {
                subjectLabel = "";
            }
            clauseFrom = f.end();
            int absStart = sentenceOffset + f.start();
            int absEnd = sentenceOffset + f.end();
            Draft target;
            if (!subjectLabel.isEmpty()) {
                Draft d = newDraft(subjectLabel, sentenceContext + tail(s, f.start()), kind, fiscalYear);
                if (d == null || GENERIC_KEYS.contains(d.key)) {
                    continue;
                }
                target = add(drafts, d, absStart, absEnd);
            } else if (!p.cause && p.subject != null) {
                target = p.subject;
            } else {
                continue;
            }
            String changeBase = base(f, kind, fiscalYear);
            if (target.hasChange()) {
                if (java.util.Objects.equals(changeBase, target.changeBase)) {
                    continue;
                }
                target = p.replace(target, target.copyWithoutChange(absEnd), drafts);
            }
            target.changeBase = changeBase;
            target.directionWord = f.group(FLAT_WORD);
            target.sign = 0;
            target.end = Math.max(target.end, absEnd);
            p.lastWasChange = true;
        }
    }

    private static Draft add(List<Draft> drafts, Draft d, int start, int end) {
        d.start = start;
        d.end = end;
        drafts.add(d);
        return d;
    }

    /** The subject's quantity stated again as another kind of figure (its budget, its final amount). */
    private static Draft sameQuantity(Draft subject, String label, DisclosureKind kind, Integer fiscalYear) {
        Draft d = new Draft();
        d.key = subject.key;
        d.scope = subject.scope;
        d.label = subject.label.replaceAll(GENERIC_AMOUNT.pattern() + "$", "") + label;
        d.basis = basis(label, kind, fiscalYear);
        return d;
    }

    /** A draft for a key outside the vocabulary (a closer, a cause), labelled with its clause. */
    private static Draft ownDraft(String key, String label, String sinceSentence) {
        Draft d = new Draft();
        d.key = key;
        String clean = label.strip();
        d.label = clean.length() > 40 ? clean.substring(clean.length() - 40) : clean;
        d.basis = "CURRENT";
        d.scope = contextScope(sinceSentence);
        return d;
    }

    private boolean sameKey(Draft subject, String label, String sentence, DisclosureKind kind, Integer year) {
        if (subject == null) {
            return false;
        }
        Draft probe = newDraft(label, sentence, kind, year);
        return probe == null || probe.key.equals(subject.key);
    }

    /**
     * A draft with key, label, scope and basis from the label, or null when no vocabulary entry matches.
     * {@code prefix} is the sentence up to the figure: it decides the fund scope and resolves generic labels.
     */
    private Draft newDraft(String label, String prefix, DisclosureKind kind, Integer fiscalYear) {
        String sentence = prefix;
        String clean = unnumbered(label);
        Optional<Vocabulary.FunctionClass> function = vocabulary.function(clean);
        Optional<Vocabulary.Term> term = vocabulary.term(clean);
        Draft d = new Draft();
        if (function.isPresent() && !clean.contains("基本支出") && !clean.contains("项目支出")) {
            d.key = "expenditure.function." + function.get().code();
            d.scope = contextScope(clean, sentence);
        } else if (term.isPresent()) {
            d.key = term.get().key();
            if ("budget.total".equals(d.key)) {
                String own = sentence.substring(sentence.lastIndexOf('\n') + 1);
                Optional<Vocabulary.Term> specific = vocabulary.term(own.substring(0, Math.max(0,
                        own.indexOf(clean.isEmpty() ? label : clean))));
                if (specific.isPresent() && !"budget.total".equals(specific.get().key())) {
                    d.key = specific.get().key();
                }
            }
            d.scope = term.get().scope() != null ? term.get().scope() : contextScope(clean, sentence);
        } else {
            return null;
        }
        if (d.key.startsWith("expenditure.") && ITEM_LEVEL.matcher(clean).find()) {
            d.key = ITEM_KEY;
        }
        d.label = clean.length() > 40 ? clean.substring(clean.length() - 40) : clean;
        d.basis = basis(clean, kind, fiscalYear);
        return d;
    }

    /**
     * {@link #sectionTitles} of the offsets of a document, built in one pass over the sections for every stretch
     * between two of their starts and ends (the titles are the same all along one): each section's title appended to
     * the stretches it covers, in the sections' order. They were built for each stretch a sentence was in by a pass
     * over every section (Wulong: 79 sections, 2.8 % of the parser's samples).
     */
    static final class SectionTitles {
        /** The sections' starts and ends, sorted, each once. */
        private final int[] bounds;
        /** The titles of the offsets in [bounds[k], bounds[k + 1]). */
        private final String[] titles;

        SectionTitles(List<Section> sections) {
            int[] all = new int[sections.size() * 2];
            for (int i = 0; i < sections.size(); i++) {
                all[2 * i] = sections.get(i).start();
                all[2 * i + 1] = sections.get(i).end();
            }
            java.util.Arrays.sort(all);
            int n = 0;
            for (int i = 0; i < all.length; i++) {
                if (i == 0 || all[i] != all[i - 1]) {
                    all[n++] = all[i];
                }
            }
            this.bounds = java.util.Arrays.copyOf(all, n);
            StringBuilder[] built = new StringBuilder[Math.max(0, n - 1)];
            for (Section section : sections) {
                if (section.title() == null) {
                    continue;
                }
                int to = java.util.Arrays.binarySearch(bounds, section.end());
                for (int k = java.util.Arrays.binarySearch(bounds, section.start()); k < to; k++) {
                    if (built[k] == null) {
                        built[k] = new StringBuilder();
                    }
                    built[k].append(section.title()).append(' ');
                }
            }
            this.titles = new String[built.length];
            for (int k = 0; k < built.length; k++) {
                titles[k] = built[k] == null ? "" : built[k].toString();
            }
        }

        String at(int offset) {
            int k = java.util.Arrays.binarySearch(bounds, offset);
            // The stretch of the last bound at or before the offset; none before the first or from the last on.
            k = k >= 0 ? k : -k - 2;
            return k < 0 || k >= titles.length ? "" : titles[k];
        }
    }

    /**
     * The label stripped and without its enumeration ({@link #ENUMERATION}): the pattern runs only on a label that
     * begins with a bracket or a digit, as every enumeration does.
     */
    static String unnumbered(String label) {
        String stripped = label.strip();
        if (stripped.isEmpty() || "(（0123456789".indexOf(stripped.charAt(0)) < 0) {
            return stripped;
        }
        return ENUMERATION.matcher(stripped).replaceAll("").strip();
    }

    /** Titles of the sections that contain an offset, outermost first. */
    static String sectionTitles(List<Section> sections, int offset) {
        StringBuilder titles = new StringBuilder();
        for (Section section : sections) {
            if (section.start() <= offset && offset < section.end() && section.title() != null) {
                titles.append(section.title()).append(' ');
            }
        }
        return titles.toString();
    }

    /**
     * The fund scope named nearest the figure: the context is layered (section titles, paragraph lead, sentence), one
     * layer per line, and the last layer that names a scope wins; ALL_FUNDS when none does.
     */
    static FundScope contextScope(String words) {
        return contextScope("", words);
    }

    /**
     * {@code contextScope(label + " " + words)} without building that string (the words are the sentence up to a
     * figure with its section titles, paragraph lead and context, up to a few thousand characters) or splitting it:
     * the layers are read from the last line back, the label counting as part of the first. No scope word holds a
     * space or a line break, so none is found across the label's end.
     */
    static FundScope contextScope(String label, String words) {
        int end = words.length();
        while (end >= 0) {
            int start = words.lastIndexOf('\n', end - 1) + 1;
            boolean first = start == 0;
            if (has(words, start, end, "一般公共预算") || has(words, start, end, "一般公共财政")
                    || first && (label.contains("一般公共预算") || label.contains("一般公共财政"))) {
                return FundScope.GENERAL_PUBLIC_BUDGET;
            }
            if (has(words, start, end, "财政拨款") || first && label.contains("财政拨款")) {
                return FundScope.FISCAL_APPROPRIATION;
            }
            end = start - 1;
        }
        return FundScope.ALL_FUNDS;
    }

    /** Whether {@code word} occurs within [start, end) of {@code s}. */
    private static boolean has(String s, int start, int end, String word) {
        char c = word.charAt(0);
        for (int i = start, last = end - word.length(); i <= last; i++) {
            if (s.charAt(i) == c && s.startsWith(word, i)) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern LABEL_YEAR = Pattern.compile("((?:19|20)\\d{2})\\s*年");

    /**
     * The basis a label's words give. What were the patterns {@code .*(上年|去年|上一年).*}, {@code .*(上年结转|上年结余).*}
     * and {@code .*(全年(调整)?预算|调整预算).*} (whole-label matches, so a label with a line break matches none) are
     * searches for their words in a label of one line ({@link #wordOnOneLine}).
     */
    static String basis(String label, DisclosureKind kind, Integer fiscalYear) {
        if (wordOnOneLine(label, "上年", "去年", "上一年") && !wordOnOneLine(label, "上年结转", "上年结余")) {
            return "PRIOR_YEAR";
        }
        Matcher year = LABEL_YEAR.matcher(label);
        if (year.find() && fiscalYear != null && Integer.parseInt(year.group(1)) < fiscalYear) {
            return "PRIOR_YEAR";
        }
        if (wordOnOneLine(label, "全年预算", "全年调整预算", "调整预算")) {
            return "ADJUSTED_BUDGET";
        }
        if (kind == DisclosureKind.FINAL_ACCOUNT && label.contains("年初预算")) {
            return "INITIAL_BUDGET";
        }
        return "CURRENT";
    }

    /**
     * Whether {@code .*(w1|w2|…).*} matches the whole label: one of the words occurs in it and it holds no line
     * terminator (the characters {@code .} does not match: \n, \r, U+0085, U+2028, U+2029).
     */
    static boolean wordOnOneLine(String label, String... words) {
        boolean found = false;
        for (String word : words) {
            if (label.contains(word)) {
                found = true;
                break;
            }
        }
        if (!found) {
            return false;
        }
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return false;
            }
        }
        return true;
    }

    static String base(Matcher base, DisclosureKind kind, Integer fiscalYear) {
        String word = base.group(2);
        if (word.startsWith("年初预算") || (word.startsWith("预算数") && kind == DisclosureKind.FINAL_ACCOUNT)) {
            return "INITIAL_BUDGET";
        }
        if (word.startsWith("全年") || word.startsWith("调整")) {
            return "ADJUSTED_BUDGET";
        }
        if (base.group(4) != null && fiscalYear != null && Integer.parseInt(base.group(4)) != fiscalYear - 1) {
            return "YEAR_" + base.group(4);
        }
        return "PRIOR_YEAR";
    }

    static int sign(String word) {
        return switch (word) {
            case "增加", "增长", "上升", "提高" -> 1;
            case "减少", "下降", "降低" -> -1;
            default -> 0;
        };
    }

    /**
     * The subject of a change stated for each quantity of a list (“与上年相比收、支预算总计各增加60.71万元”): the whole list
     * (“收、支预算总计”), read across the 、 that {@link #clauseLabel} breaks at, after the comparison base.
     *
     * @param words     the words between the previous figure and the change figure
     * @param direction where the direction word starts in {@code words}
     */
    static String eachSubject(String words, int direction) {
        String list = words.substring(0, direction);
        Matcher breaks = Pattern.compile("[,:;，：；。]").matcher(list);
        int cut = 0;
        while (breaks.find()) {
            cut = breaks.end();
        }
        list = list.substring(cut);
        Matcher base = lastMatch(BASES, list);
        if (base != null) {
            list = list.substring(base.end());
        }
        return list.replaceAll("各\\s*$", "").strip();
    }

    /**
     * The words of the clause in front of a figure, from the previous figure or clause break on: after the last
     * {@link #CLAUSE_BREAK} in [from, to) that does not end at {@code to}, found by one pass over the characters (a
     * comma between two digits is a thousands separator, not a break).
     */
    static String clauseLabel(String sentence, int from, int to) {
        int cut = from;
        for (int i = from; i < to; i++) {
            char c = sentence.charAt(i);
            int end;
            if (c == ',') {
                boolean between = i > from && isDigit(sentence.charAt(i - 1)) && i + 1 < to
                        && isDigit(sentence.charAt(i + 1));
                end = between ? -1 : i + 1;
            } else if (c == ':' || c == ';' || c == '、') {
                end = i + 1;
            } else if (c == '其' && i + 1 < to && sentence.charAt(i + 1) == '中') {
                end = i + 2;
                i++;
            } else {
                end = -1;
            }
            if (end > 0 && end < to) {
                cut = end;
            }
        }
        return sentence.substring(cut, to);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** [start, end) of the sentences of a line: split at 。 ; ； and keep them short enough to attribute. */
    static List<int[]> sentences(String line) {
        List<int[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '。' || c == ';' || c == '；') {
                out.add(new int[] {start, i + 1});
                start = i + 1;
            }
        }
        if (start < line.length()) {
            out.add(new int[] {start, line.length()});
        }
        return out;
    }

    /**
     * The successive matches of {@link #FIGURE} in a sentence, read by hand ({@link FigureScan}): java.util.regex tried
     * its lookbehind at every offset of a line, which was the largest single cost of the parser (Wulong), and still
     * its alternation and groups at every digit before 万, 元 or %.
     */
    private static List<MatchResult> figures(String sentence) {
        return FigureScan.all(sentence);
    }

    /**
     * The last of the successive matches of the pattern in the text (the match found again from its start, so its
     * groups are those of that match), or null.
     */
    private static Matcher lastMatch(StartScan scan, String text) {
        if (!scan.hasStart(text, 0, text.length())) {
            return null;
        }
        Matcher m = scan.matcher(text);
        int last = -1;
        for (int from = 0; scan.find(m, text, from); from = Math.max(m.end(), m.start() + 1)) {
            last = m.start();
        }
        return last < 0 || !scan.find(m, text, last) ? null : m;
    }

    /** The last {@code CONTEXT_CHARS} characters of {@code s} before {@code end}. */
    private static String tail(String s, int end) {
        return s.substring(Math.max(0, end - CONTEXT_CHARS), end);
    }

    /**
     * The part of the text a figure at [start, end) is quoted with: its sentence, or when that is longer than the
     * quote budget a window of at most {@code maxQuoteChars} around the figure; the figure alone once the document's
     * quotes have used up {@code remaining}.
     */
    int[] quoteRange(String text, int start, int end, long remaining) {
        int s = sentenceStart(text, start, maxQuoteChars);
        int e = sentenceEnd(text, end, maxQuoteChars);
        if (end - start > maxQuoteChars) {
            // A figure and the change stated after it, further apart than a quote may be: the figure's end of it.
            s = start;
            e = start + maxQuoteChars;
        } else if (e - s > maxQuoteChars) {
            int room = Math.max(0, maxQuoteChars - (end - start));
            int from = Math.max(s, start - room / 2);
            int to = Math.max(end, Math.min(e, from + maxQuoteChars));
            s = Math.min(start, Math.max(s, to - maxQuoteChars));
            e = to;
        }
        if (e - s > remaining) {
            // The document's quotes are spent: the figure itself (its first characters when a change stated later
            // was joined to it).
            return new int[] {start, Math.min(end, start + FIGURE_QUOTE_CHARS)};
        }
        return new int[] {s, e};
    }

    /** Where the sentence around an offset starts, looking back at most {@code limit} characters. */
    private static int sentenceStart(String text, int offset, int limit) {
        int i = offset;
        int floor = Math.max(0, offset - limit);
        while (i > floor && "。;\n".indexOf(text.charAt(i - 1)) < 0) {
            i--;
        }
        return i;
    }

    /** Where the sentence around an offset ends, looking ahead at most {@code limit} characters. */
    private static int sentenceEnd(String text, int offset, int limit) {
        int i = offset;
        int ceiling = Math.min(text.length(), offset + limit);
        while (i < ceiling && "。;\n".indexOf(text.charAt(i)) < 0) {
            i++;
        }
        return i < text.length() && text.charAt(i) != '\n' && "。;".indexOf(text.charAt(i)) >= 0 ? i + 1 : i;
    }

    private ParseWarning warning(String code, String message, String text, int start, int end) {
        int[] q = quoteRange(text, start, end, Long.MAX_VALUE);
        return new ParseWarning(code, message, Evidence.ofText(text.substring(q[0], q[1]), q[0], q[1]));
    }

    /** At most {@link #WARNINGS_PER_CODE} warnings of each code, then one that says how many more there were. */
    private static List<ParseWarning> capped(List<ParseWarning> warnings) {
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        List<ParseWarning> out = new ArrayList<>();
        for (ParseWarning w : warnings) {
            int count = seen.merge(w.code(), 1, Integer::sum);
            if (count <= WARNINGS_PER_CODE) {
                out.add(w);
            }
        }
        seen.forEach((code, count) -> {
            if (count > WARNINGS_PER_CODE) {
                out.add(new ParseWarning(code, (count - WARNINGS_PER_CODE) + " more " + code + " warnings like the "
                        + WARNINGS_PER_CODE + " above were left out.", null));
            }
        });
        return out;
    }
}
