package io.budgetlens.ingest.decode.office;

/**
 * Limits on one spreadsheet or Word file. A department's disclosure workbook has 10–30 sheets of at most a few
 * hundred rows and 20–30 columns (under 1 MiB unpacked); the limits leave room for a hundred times that and refuse
 * what would only cost memory: a ZIP bomb (too many entries, too much unpacked, a compression ratio no document
 * has), a sheet whose used range is huge, too many sheets.
 *
 * @param maxEntries          entries in the ZIP container (XLSX, DOCX)
 * @param maxUnpackedBytes    bytes of all ZIP entries once inflated
 * @param maxCompressionRatio unpacked / packed size of one entry larger than {@link #GRACE_BYTES}
 * @param maxSheets           sheets of a workbook
 * @param maxCellsPerSheet    rows × columns of the range of a sheet (or of a Word table) that holds values
 * @param maxCells            rows × columns of all sheets (or all Word tables) together
 */
public record OfficeLimits(int maxEntries, long maxUnpackedBytes, int maxCompressionRatio, int maxSheets,
                           long maxCellsPerSheet, long maxCells) {

    public static final OfficeLimits DEFAULT = new OfficeLimits(1_000, 64L * 1024 * 1024, 100, 64, 100_000,
            500_000);

    /** Entries smaller than this unpacked are never judged by their compression ratio (as POI does). */
    public static final long GRACE_BYTES = 100 * 1024;
}
