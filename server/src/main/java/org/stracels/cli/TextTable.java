package org.stracels.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Aligned columns for the human output, indented by two spaces: the first column left-aligned, columns that
 * hold only numbers right-aligned, the rest left-aligned. Trailing spaces are trimmed.
 */
final class TextTable {
    private final List<Object[]> rows = new ArrayList<>();

    TextTable(Object... header) {
        rows.add(header);
    }

    void row(Object... cells) {
        rows.add(cells);
    }

    void appendTo(StringBuilder b) {
        int columns = rows.get(0).length;
        int[] width = new int[columns];
        boolean[] numeric = new boolean[columns];
        Arrays.fill(numeric, true);
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < columns; c++) {
                String cell = String.valueOf(rows.get(r)[c]);
                width[c] = Math.max(width[c], cell.length());
                if (r > 0 && !isNumber(rows.get(r)[c], cell)) {
                    numeric[c] = false;
                }
            }
        }
        for (Object[] row : rows) {
            StringBuilder line = new StringBuilder("  ");
            for (int c = 0; c < columns; c++) {
                String cell = String.valueOf(row[c]);
                String pad = " ".repeat(width[c] - cell.length());
                if (numeric[c] && c > 0) {
                    line.append(pad).append(cell);
                } else {
                    line.append(cell).append(pad);
                }
                line.append("  ");
            }
            b.append(line.toString().stripTrailing()).append('\n');
        }
    }

    /** Numbers, and the "?" and "-" that stand for an unknown or absent number. */
    private static boolean isNumber(Object value, String cell) {
        return value instanceof Number || cell.equals("?") || cell.equals("-") || cell.matches("[0-9]+(\\.[0-9]+)?");
    }
}
