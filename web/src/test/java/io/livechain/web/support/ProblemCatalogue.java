package io.livechain.web.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The table of docs/problems.md: every problem type with its status. */
public final class ProblemCatalogue {

    private static final Pattern ROW = Pattern.compile("^\\| `([a-z0-9-]+)` \\| (\\d{3}) \\|", Pattern.MULTILINE);

    private ProblemCatalogue() {}

    /** Type (without its base URI) to status, in the order of the table. */
    public static Map<String, Integer> types() {
        Map<String, Integer> types = new LinkedHashMap<>();
        Matcher row = ROW.matcher(read());
        while (row.find()) {
            Integer earlier = types.put(row.group(1), Integer.valueOf(row.group(2)));
            if (earlier != null) {
                throw new IllegalStateException("docs/problems.md lists " + row.group(1) + " twice");
            }
        }
        return types;
    }

    private static String read() {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            Path catalogue = dir.resolve("docs/problems.md");
            if (Files.isRegularFile(catalogue)) {
                try {
                    return Files.readString(catalogue);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalStateException("no docs/problems.md above " + here);
    }
}
