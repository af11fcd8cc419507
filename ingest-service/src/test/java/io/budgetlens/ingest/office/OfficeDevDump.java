package io.budgetlens.ingest.office;

import java.nio.file.Files;
import java.nio.file.Path;

import io.budgetlens.ingest.decode.DecodedDocument;
import io.budgetlens.ingest.decode.DocumentReader;
import io.budgetlens.ingest.decode.TextTable;
import io.budgetlens.testsupport.SharedPdfs;

/** Development aid (not a test): writes the Office fixtures of a shared PDF to a folder and prints their reading. */
public final class OfficeDevDump {

    private OfficeDevDump() {
    }

    public static void main(String[] args) throws Exception {
        String name = args.length > 0 ? args[0] : "jiangsu-2019-dept-budget-zhengxie-tables";
        Path dir = Path.of(args.length > 1 ? args[1] : "target/office-fixtures");
        Files.createDirectories(dir);
        DecodedDocument pdf = DocumentReader.read(SharedPdfs.bytes(name), "application/pdf", null);
        var sources = OfficeFixtures.sources(pdf);
        byte[][] files = {OfficeFixtures.xlsx(sources, new OfficeFixtures.Layout()),
                OfficeFixtures.xls(sources, new OfficeFixtures.Layout()), OfficeFixtures.docx(sources)};
        String[] ext = {"xlsx", "xls", "docx"};
        for (int i = 0; i < files.length; i++) {
            Files.write(dir.resolve(name + "." + ext[i]), files[i]);
            DecodedDocument d = DocumentReader.read(files[i], null, null);
            System.out.println("==== " + ext[i] + " " + d.format() + " notes " + d.notes());
            System.out.println(d.text());
            for (TextTable t : d.tables()) {
                System.out.println("-- sheet " + t.sheet() + " refs " + (t.cellRefs().isEmpty() ? "-"
                        : t.cellRefs().get(0)));
            }
        }
    }
}
