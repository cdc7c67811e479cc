package io.raftvip.ctl;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exit codes of raftvipctl: the only place they are defined. The {@code --help} footer and
 * the README table are rendered from (or checked against) this enum.
 */
public enum ExitCode {
  /** The command did what was asked. */
  OK(0, "ok"),
  /** The server refused or failed the request (FAILED_PRECONDITION, INTERNAL, ...). */
  SERVER_ERROR(1, "error from the server (FAILED_PRECONDITION, INTERNAL, ...)"),
  /** Bad flags or arguments, found by raftvipctl or by the server (INVALID_ARGUMENT). */
  USAGE(2, "usage error or invalid argument (also INVALID_ARGUMENT from the server)"),
  /** {@code owner} only: no node holds the VIP right now. */
  NO_OWNER(3, "no owner: no node holds the VIP (owner command)"),
  /** The endpoint cannot be reached, or the cluster has no leader/quorum, or the call timed out. */
  UNAVAILABLE(4, "unavailable: endpoint unreachable, no leader or quorum, timed out");

  private final int code;
  private final String description;

  ExitCode(int code, String description) {
    this.code = code;
    this.description = description;
  }

  /** The process exit status. */
  public int code() {
    return code;
  }

  /** One line saying when this code is returned. */
  public String description() {
    return description;
  }

  /** The codes as picocli's help section wants them: code (as text) to description, in order. */
  static Map<String, String> helpList() {
    Map<String, String> list = new LinkedHashMap<>();
    for (ExitCode exitCode : values()) {
      list.put(Integer.toString(exitCode.code), exitCode.description);
    }
    return list;
  }
}
