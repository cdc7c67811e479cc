package io.raftvip.daemon;

/** Entry point placeholder. */
public final class Main {
  public static void main(String[] args) {}
}
