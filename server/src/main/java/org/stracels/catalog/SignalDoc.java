package org.stracels.catalog;

/**
 * A signal.
 *
 * @param action the default action: terminate, core, ignore, stop or continue
 */
public record SignalDoc(String name, int number, String action, String meaning) {

    /** The default action in words. */
    public String actionText() {
        return switch (action == null ? "" : action) {
            case "terminate" -> "terminates the process";
            case "core" -> "terminates the process and dumps core";
            case "ignore" -> "is ignored";
            case "stop" -> "stops the process";
            case "continue" -> "continues a stopped process";
            default -> "has no known default action";
        };
    }
}
