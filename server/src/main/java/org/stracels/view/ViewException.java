package org.stracels.view;

/** A view that cannot be made from this trace and filter, said in one line for a user. */
public final class ViewException extends Exception {
    private static final long serialVersionUID = 1L;

    public ViewException(String message) {
        super(message);
    }
}
