package org.stracels.catalog;

import java.util.List;

/**
 * A constant strace prints symbolically (a flag, a command, an enumeration value).
 *
 * @param categories the strace tables (xlat) that hold it
 * @param value      its numeric value as written in C (hex for flags, octal for modes), or null
 */
public record ConstantDoc(String name, List<String> categories, String value, String meaning) { }
