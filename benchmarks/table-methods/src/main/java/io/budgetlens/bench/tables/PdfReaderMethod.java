package io.budgetlens.bench.tables;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.budgetlens.ingest.decode.TextTable;

/**
 * Our lattice reconstruction: {@code PdfReader.read} of ingest-service, as the parser calls it. PdfReader needs
 * PDFBox 3 while tabula on this classpath needs PDFBox 2 under the same package names, so PdfReader's package and
 * PDFBox 3 are loaded child-first by a class loader of their own; everything else (TextTable, the events) is shared
 * with this class path, so the tables it returns are the parser's own type.
 */
final class PdfReaderMethod implements TableMethod {

    private static final String PACKAGE = "io.budgetlens.ingest.decode.pdf.";

    private final Method read;
    private final Object limits;
    private final Method text;
    private final Method tables;

    /** @param pdfbox3 a folder holding the pdfbox, pdfbox-io and fontbox 3 jars */
    PdfReaderMethod(Path pdfbox3) throws ReflectiveOperationException {
        List<URL> urls = new ArrayList<>();
        try (Stream<Path> jars = Files.list(pdfbox3)) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                urls.add(jar.toUri().toURL());
            }
            // The ingest-service classes, wherever this class path has them (jar or classes folder).
            urls.add(TextTable.class.getProtectionDomain().getCodeSource().getLocation());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + pdfbox3, e);
        }
        if (urls.size() < 4) {
            throw new IllegalStateException(pdfbox3 + " does not hold the PDFBox 3 jars (pdfbox, pdfbox-io, fontbox); "
                    + "run with -Ptable-methods, which copies them there.");
        }
        ClassLoader loader = new ChildFirst(urls.toArray(URL[]::new), PdfReaderMethod.class.getClassLoader());
        Class<?> reader = Class.forName(PACKAGE + "PdfReader", true, loader);
        Class<?> limitsType = Class.forName(PACKAGE + "PdfReader$Limits", true, loader);
        Class<?> pdfText = Class.forName(PACKAGE + "PdfText", true, loader);
        this.read = reader.getMethod("read", byte[].class, limitsType);
        this.limits = limitsType.getField("DEFAULT").get(null);
        this.text = pdfText.getMethod("text");
        this.tables = pdfText.getMethod("tables");
    }

    @Override
    public String pdfbox() {
        return "pdfbox3";
    }

    @Override
    public String name() {
        return "PdfReader (our lattice reconstruction, PDFBox 3)";
    }

    @Override
    @SuppressWarnings("unchecked")
    public Extraction extract(byte[] pdf) throws Exception {
        Object result;
        try {
            result = read.invoke(null, pdf, limits);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        return new Extraction((String) text.invoke(result), (List<TextTable>) tables.invoke(result));
    }

    /** Loads PDFBox and PdfReader's package from its own URLs first; everything else from the parent. */
    private static final class ChildFirst extends URLClassLoader {

        static {
            registerAsParallelCapable();
        }

        ChildFirst(URL[] urls, ClassLoader parent) {
            super("pdfbox3", urls, parent);
        }

        private static boolean isolated(String className) {
            return className.startsWith("org.apache.pdfbox.") || className.startsWith("org.apache.fontbox.")
                    || className.startsWith(PACKAGE);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!isolated(name)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    c = findClass(name);
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }

        @Override
        public URL getResource(String name) {
            String n = name.startsWith("/") ? name.substring(1) : name;
            if (n.startsWith("org/apache/pdfbox/") || n.startsWith("org/apache/fontbox/")) {
                URL own = findResource(n);
                if (own != null) {
                    return own;
                }
            }
            return super.getResource(name);
        }
    }

    static Path folder(String property) {
        String configured = System.getProperty(property);
        if (configured == null) {
            throw new IllegalStateException("-D" + property + " (the folder of the PDFBox 3 jars) is not set; run "
                    + "with -Ptable-methods.");
        }
        return Path.of(configured);
    }
}
