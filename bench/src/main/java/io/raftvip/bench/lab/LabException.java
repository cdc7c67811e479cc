package io.raftvip.bench.lab;

/** A lab operation (namespace, link, address or daemon process) failed; the message names it. */
public final class LabException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message the operation, its arguments and the cause */
    public LabException(String message) {
        super(message);
    }

    /** @param message the operation, its arguments and the cause; @param cause the underlying error */
    public LabException(String message, Throwable cause) {
        super(message, cause);
    }
}
