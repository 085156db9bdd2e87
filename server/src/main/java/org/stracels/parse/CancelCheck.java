package org.stracels.parse;

/**
 * Asks whether the work in progress is still wanted. Long loops over a trace call it now and then; when the
 * answer is no it throws an unchecked exception of the caller's choice (the language server uses lsp4j's
 * cancellation). Never catch that exception in the core.
 */
@FunctionalInterface
public interface CancelCheck {
    CancelCheck NONE = () -> { };

    void checkCanceled();

    /** How many iterations of a loop go between two checks: often enough to stop within a millisecond. */
    int PERIOD = 1 << 10;

    /**
     * The periodic check of every long loop: checks on iteration 0 and every {@link #PERIOD} iterations after
     * it, so that the check costs nothing next to the loop's work.
     */
    default void checkEvery(int iteration) {
        if ((iteration & (PERIOD - 1)) == 0) {
            checkCanceled();
        }
    }
}
