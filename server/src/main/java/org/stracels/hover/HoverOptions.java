package org.stracels.hover;

import org.stracels.catalog.ManPages;

/**
 * Choices that change hover texts.
 *
 * @param manPages where to read local manual pages from, or null to leave them out
 */
public record HoverOptions(ManPages manPages) {
    /** With the manual pages installed on this machine. */
    public static final HoverOptions DEFAULT = new HoverOptions(ManPages.system());
    public static final HoverOptions WITHOUT_MAN_PAGES = new HoverOptions(null);
}
