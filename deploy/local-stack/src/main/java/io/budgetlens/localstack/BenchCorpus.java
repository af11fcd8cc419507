package io.budgetlens.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * New text disclosures for the load generator, varied from the samples so that every one is a document the stack
 * has not seen (a new sha-256, so never a duplicate) and still reads like the sample it came from: the same sections,
 * tables and figures, moved to another Chongqing district, another office and another year. Variant {@code i} takes
 * sample {@code i mod samples}; the district (38), the office (10) and the year shift (0-9 years back) follow from
 * {@code i / samples}, and past those 3,800 combinations per sample an index-number line (索引号, as portals print)
 * is added at the end.
 */
public final class BenchCorpus {

    /** Chongqing's districts and counties (the samples are all from Chongqing). */
    static final List<String> DISTRICTS = List.of("万州区", "涪陵区", "渝中区", "大渡口区", "江北区", "沙坪坝区",
            "九龙坡区", "南岸区", "北碚区", "綦江区", "大足区", "渝北区", "巴南区", "黔江区", "长寿区", "江津区",
            "合川区", "永川区", "南川区", "璧山区", "铜梁区", "潼南区", "荣昌区", "开州区", "梁平区", "武隆区",
            "城口县", "丰都县", "垫江县", "忠县", "云阳县", "奉节县", "巫山县", "巫溪县", "石柱土家族自治县",
            "秀山土家族苗族自治县", "酉阳土家族苗族自治县", "彭水苗族土家族自治县");

    /** Offices of the same trade as the samples' (政务服务), so the functions text still fits. */
    static final List<String> OFFICES = List.of("政务服务管理办公室", "行政服务中心", "大数据发展局",
            "公共资源交易中心", "行政审批服务局", "营商环境建设局", "政务服务中心", "便民服务中心",
            "电子政务中心", "12345政务服务便民热线中心");

    private static final int YEAR_SHIFTS = 10;
    private static final Pattern YEAR = Pattern.compile("(?<![0-9.])(20[0-3][0-9])(?=\\s*年|-[01][0-9]-|年度)");

    /** A budget-unit code as the parser reads it: digits before "-" and a name ("151001-重庆市荣昌区…本级"). */
    private static final Pattern UNIT_CODE = Pattern.compile("(?<![0-9])([0-9]{3,6})-(?=\\p{IsHan})");

    record Sample(String name, String contentType, String text, String district, String office, String code) {
    }

    /** A generated document: its bytes and how it is sent. */
    public record Document(int index, String filename, String contentType, byte[] content) {
    }

    private final List<Sample> samples;

    BenchCorpus(List<Sample> samples) {
        if (samples.isEmpty()) {
            throw new CliException("bench needs text samples (.txt, .md) to vary; none found");
        }
        this.samples = List.copyOf(samples);
    }

    /** The text samples (.txt, .md, .markdown) of a directory, in name order. */
    public static BenchCorpus fromDirectory(Path dir) {
        List<Sample> samples = new ArrayList<>();
        for (Path file : Documents.files(List.of(dir.toString()))) {
            String type = Documents.contentType(file);
            if (!type.equals("text/plain") && !type.equals("text/markdown")) {
                continue; // PDFs and spreadsheets are benchmarked separately
            }
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                String district = first(text, DISTRICTS);
                Matcher code = UNIT_CODE.matcher(text);
                samples.add(new Sample(file.getFileName().toString(), type, text, district,
                        office(text, district), code.find() ? code.group(1) : null));
            } catch (IOException e) {
                throw new CliException("cannot read " + file + ": " + e.getMessage());
            }
        }
        return new BenchCorpus(samples);
    }

    /** The i-th document (0-based); distinct i give distinct bytes. */
    public Document document(int i) {
        Sample sample = samples.get(i % samples.size());
        int v = i / samples.size();
        String district = DISTRICTS.get(v % DISTRICTS.size());
        String office = OFFICES.get((v / DISTRICTS.size()) % OFFICES.size());
        int shift = (v / (DISTRICTS.size() * OFFICES.size())) % YEAR_SHIFTS;
        int serial = v / (DISTRICTS.size() * OFFICES.size() * YEAR_SHIFTS);
        String text = sample.text();
        if (sample.district() != null) {
            text = text.replace(sample.district(), district);
        }
        if (sample.office() != null) {
            text = text.replace(sample.office(), office);
        }
        if (sample.code() != null) {
            // a department's code is unique within its district only: another office, another code (with one code,
            // every office of a district would be one department to the identity rules)
            text = otherCode(text, sample.code(), OFFICES.indexOf(office));
        }
        if (shift > 0) {
            text = shiftYears(text, shift);
        }
        if (serial > 0 || sample.district() == null || sample.office() == null) {
            text = text + "\n[ 索引号 ] | " + String.format(Locale.ROOT, "BENCH-%08d", i) + " |\n";
        }
        String name = sample.name();
        int dot = name.lastIndexOf('.');
        String filename = name.substring(0, dot) + "-" + i + name.substring(dot);
        return new Document(i, filename, sample.contentType() + "; charset=UTF-8",
                text.getBytes(StandardCharsets.UTF_8));
    }

    int samples() {
        return samples.size();
    }

    /**
     * How many variants are of a department, year and kind no earlier variant has (each sample × district × office ×
     * year shift once): from this index on a variant differs from an earlier one only by its 索引号, so to the
     * identity rules it is another document of a department already stored (the latest of its identity moves, and
     * every document compared with it is checked again), not a first intake.
     */
    int distinctIdentities() {
        return samples.size() * DISTRICTS.size() * OFFICES.size() * YEAR_SHIFTS;
    }

    /** Every printed budget-unit code {@code code} moved by {@code by} (same number of digits). */
    static String otherCode(String text, String code, int by) {
        if (by == 0) {
            return text;
        }
        long modulus = (long) Math.pow(10, code.length());
        String moved = String.format(Locale.ROOT, "%0" + code.length() + "d", (Long.parseLong(code) + by) % modulus);
        Matcher m = UNIT_CODE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, m.group(1).equals(code) ? moved + "-" : m.group());
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Every year of the document (2019年, 2024-08-21, 2023年度) moved back by {@code shift} years. */
    static String shiftYears(String text, int shift) {
        Matcher m = YEAR.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Integer.toString(Integer.parseInt(m.group(1)) - shift));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * The sample's own office: the one its district is followed by (武隆区政务服务管理办公室), not the first office word
     * of the text (Wulong's functions name 行政服务中心 first); the first office word when none follows the district.
     */
    static String office(String text, String district) {
        if (district != null) {
            String own = first(text, OFFICES.stream().map(o -> district + o).toList());
            if (own != null) {
                return own.substring(district.length());
            }
        }
        return first(text, OFFICES);
    }

    private static String first(String text, List<String> candidates) {
        int best = Integer.MAX_VALUE;
        String found = null;
        for (String c : candidates) {
            int at = text.indexOf(c);
            if (at >= 0 && at < best) {
                best = at;
                found = c;
            }
        }
        return found;
    }
}
