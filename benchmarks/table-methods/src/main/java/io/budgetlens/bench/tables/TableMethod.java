package io.budgetlens.bench.tables;

/** One way of finding the tables of a PDF: from the bytes to the text and grids the parser's TableReader reads. */
interface TableMethod {

    /** The name printed in the comparison. */
    String name();

    /** The PDFBox it runs on ("pdfbox2" or "pdfbox3"). */
    String pdfbox();

    /** Reads one PDF (loading included). */
    Extraction extract(byte[] pdf) throws Exception;
}
