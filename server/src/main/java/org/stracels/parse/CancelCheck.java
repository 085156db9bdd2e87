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
}
