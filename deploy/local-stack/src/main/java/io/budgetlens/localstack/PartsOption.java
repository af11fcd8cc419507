package io.budgetlens.localstack;

import java.nio.file.Path;
import java.util.List;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --parts FILE...}, the option {@code ingest} and {@code check} share (a picocli mixin): the files of one
 * disclosure published as several files, taken together as one document ({@link MultiPart}), instead of the command's
 * own arguments.
 */
class PartsOption {

    @Option(names = "--parts", paramLabel = "FILE", arity = "1..*",
            description = "The files of ONE disclosure published as several files (narrative, tables, attachments: "
                    + "PDF, XLSX, XLS, DOCX, HTML, text), taken together as one document.")
    List<Path> files;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /**
     * True when {@code --parts} was given instead of the command's {@code arguments} (null when none); a usage error
     * when both or neither were given. {@code label} names the arguments, {@code alternative} spells them out.
     */
    boolean given(Object arguments, String label, String alternative) {
        return MultiPart.partsGiven(spec, files, arguments, label, alternative);
    }
}
