package org.stracels.catalog;

/**
 * A {@code si_code} value: why a signal was sent.
 *
 * @param signal the signal it belongs to, or null for the generic codes (SI_USER, SI_KERNEL, …)
 */
public record SiCodeDoc(String name, String signal, Integer value, String meaning) { }
