package io.raftvip.raft;

/**
 * This node's timing differs from the other members': it must not join, since the leader lease
 * is only safe when every member runs with the same timing. A configuration error: the message
 * names both values and how to fix it.
 */
public final class TimingMismatchException extends RuntimeException {

  TimingMismatchException(String message) {
    super(message);
  }
}
