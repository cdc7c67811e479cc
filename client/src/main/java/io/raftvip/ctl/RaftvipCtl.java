package io.raftvip.ctl;

/** Entry point placeholder. */
public final class RaftvipCtl {
  public static void main(String[] args) {}
}
