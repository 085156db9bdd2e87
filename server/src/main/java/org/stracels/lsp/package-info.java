/**
 * The language server protocol glue: the only package that imports lsp4j.
 *
 * <p>Invariant: nothing here decides anything about traces. Handlers find the open document and call the
 * core ({@code analysis}, {@code check}); {@link org.stracels.lsp.Positions} is the one place where char
 * offsets become LSP positions, {@link org.stracels.lsp.DiagnosticConverter} the one place where findings
 * become diagnostics.
 */
package org.stracels.lsp;
