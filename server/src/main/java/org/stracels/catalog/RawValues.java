package org.stracels.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Names for the bare numbers of {@code -X raw} (and of calls strace does not decode): which constants of the
 * syscall's strace tables a value stands for, as one name ({@code 3} → {@code RLIMIT_STACK}) or as a set of
 * flags ({@code 0x22} → {@code MAP_PRIVATE|MAP_ANONYMOUS}).
 */
public final class RawValues {
    private final Map<String, List<String>> tablesBySyscall;
    private final Map<String, List<Constant>> constantsByTable;

    private record Constant(String name, long value) { }

    private RawValues(Map<String, List<String>> tablesBySyscall, Map<String, List<Constant>> constantsByTable) {
        this.tablesBySyscall = tablesBySyscall;
        this.constantsByTable = constantsByTable;
    }

    private static final class Holder {
        static final RawValues INSTANCE = load(Catalog.get());
    }

    public static RawValues get() {
        return Holder.INSTANCE;
    }

    /**
     * The symbolic form of {@code value} passed as {@code param} of {@code syscall}, e.g. {@code PROT_READ|PROT_WRITE},
     * or null when the tables of that call hold no match.
     */
    public String names(String syscall, String param, long value) {
        List<String> tables = ranked(syscall, param);
        for (String table : tables) {
            for (Constant c : constantsByTable.getOrDefault(table, List.of())) {
                if (c.value() == value) {
                    return c.name();
                }
            }
        }
        if (value <= 0) {
            return null;
        }
        for (String table : tables) {
            String flags = decompose(constantsByTable.getOrDefault(table, List.of()), value);
            if (flags != null) {
                return flags;
            }
        }
        return null;
    }

    /**
     * The call's tables whose name shares a word with the parameter ({@code prot} → {@code mmap_prot}), or
     * the call's only table; guessing among unrelated tables would name numbers that are not flags at all.
     */
    private List<String> ranked(String syscall, String param) {
        List<String> tables = tablesBySyscall.getOrDefault(syscall, List.of());
        String p = param == null ? "" : param.toLowerCase(Locale.ROOT);
        List<String> hints = new ArrayList<>(List.of(p));
        hints.addAll(SYNONYMS.getOrDefault(p, List.of()));
        List<String> matching = new ArrayList<>();
        for (String table : tables) {
            if (matches(table, hints)) {
                matching.add(table);
            }
        }
        return matching.isEmpty() && tables.size() == 1 ? tables : matching;
    }

    /** Parameter names whose tables are named differently: arch_prctl's {@code code} → {@code archvals}. */
    private static final Map<String, List<String>> SYNONYMS = Map.of(
            "code", List.of("vals", "cmds", "codes"), "op", List.of("ops", "cmds"), "cmd", List.of("cmds"),
            "option", List.of("options"), "how", List.of("cmds"), "domain", List.of("addrfams"),
            "clockid", List.of("clocknames"), "advice", List.of("advise", "cmds"), "which", List.of("which", "who"),
            "futex_op", List.of("futexops"));

    private static boolean matches(String table, List<String> hints) {
        for (String word : table.split("_")) {
            for (String hint : hints) {
                if (hint.isEmpty() || word.length() < 3) {
                    continue;
                }
                if (hint.contains(word) || word.startsWith(hint) || (hint.length() >= 3 && word.endsWith(hint))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The value as single-bit (or multi-bit) flags of one table, biggest first, with any rest in hex. */
    private static String decompose(List<Constant> table, long value) {
        List<Constant> candidates = new ArrayList<>();
        for (Constant c : table) {
            if (c.value() > 0 && (value & c.value()) == c.value()) {
                candidates.add(c);
            }
        }
        candidates.sort(Comparator.comparingLong(Constant::value).reversed());
        long rest = value;
        List<String> names = new ArrayList<>();
        for (Constant c : candidates) {
            if ((rest & c.value()) == c.value()) {
                names.add(0, c.name());
                rest &= ~c.value();
            }
        }
        if (names.isEmpty()) {
            return null;
        }
        if (rest != 0) {
            names.add("0x" + Long.toHexString(rest));
        }
        return String.join("|", names);
    }

    private static RawValues load(Catalog catalog) {
        Map<String, List<String>> bySyscall = new HashMap<>();
        try (InputStream in = RawValues.class.getResourceAsStream("/org/stracels/facts/syscall-xlat.txt")) {
            if (in != null) {
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String row; (row = reader.readLine()) != null; ) {
                    String[] cols = row.split("\t");
                    if (!row.startsWith("#") && cols.length >= 4 && !cols[3].isBlank()) {
                        bySyscall.put(cols[0], List.of(cols[3].split(",")));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, List<Constant>> byTable = new HashMap<>();
        for (ConstantDoc doc : catalog.constants().values()) {
            Long value = parse(doc.value());
            if (value == null) {
                continue;
            }
            for (String table : doc.categories()) {
                byTable.computeIfAbsent(table, k -> new ArrayList<>()).add(new Constant(doc.name(), value));
            }
        }
        byTable.values().forEach(list -> list.sort(Comparator.comparing(Constant::name)));
        return new RawValues(bySyscall, byTable);
    }

    /** {@code 0x80000}, {@code 02000000}, {@code -100}, {@code 3}; null when not a plain number. */
    static Long parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            String v = value.trim();
            boolean negative = v.startsWith("-");
            String digits = negative ? v.substring(1) : v;
            long n;
            if (digits.startsWith("0x") || digits.startsWith("0X")) {
                n = Long.parseUnsignedLong(digits.substring(2), 16);
            } else if (digits.length() > 1 && digits.startsWith("0")) {
                n = Long.parseLong(digits.substring(1), 8);
            } else {
                n = Long.parseLong(digits);
            }
            return negative ? -n : n;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
