package io.raftvip.config;

import static io.raftvip.config.DurationFormat.format;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Prints the effective configuration, defaults included, as YAML that {@link ConfigLoader} reads
 * back to an equal config. Shown by {@code raftvip check} and logged once at start, so an operator
 * sees what the daemon really runs with.
 */
public final class EffectiveConfigPrinter {

  /** Plain scalars that YAML reads back as text; anything else is single-quoted. */
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9/][A-Za-z0-9._/:-]*");
  private static final Pattern NUMBER_LIKE = Pattern.compile(
      "[-+]?([0-9][0-9_]*(\\.[0-9_]*)?([eE][-+]?[0-9]+)?|\\.[0-9]+|0[xob][0-9A-Fa-f_]+"
          + "|[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?)");
  private static final Set<String> YAML_WORDS = Set.of("y", "n", "yes", "no", "on", "off", "true",
      "false", "null", "~");

  /**
   * @param c a loaded config
   * @return YAML text, keys in the documented order
   */
  public String print(RaftvipConfig c) {
    StringBuilder out = new StringBuilder();
    out.append("# raftvip effective configuration (defaults filled in)\n");
    out.append("# raft group id: ").append(c.groupId()).append('\n');
    out.append("cluster: ").append(scalar(c.cluster())).append('\n');
    out.append("node: ").append(scalar(c.node())).append('\n');
    out.append("peers:\n");
    for (PeerConfig p : c.peers()) {
      out.append("  - id: ").append(scalar(p.id())).append('\n');
      out.append("    address: ").append(scalar(p.address())).append('\n');
      out.append("    priority: ").append(p.priority()).append('\n');
    }
    out.append("vips:\n");
    for (VipConfig v : c.vips()) {
      out.append("  - address: ").append(scalar(IpLiteral.format(v.address()))).append('\n');
      out.append("    interface: ").append(scalar(v.interfaceName())).append('\n');
    }
    out.append("storage: ").append(scalar(c.storage().toString())).append('\n');
    admin(out, c.admin());
    out.append("metrics:\n");
    out.append("  listen: ").append(listen(c.metrics().listen())).append('\n');
    timing(out, c.timing());
    AnnounceConfig a = c.announce();
    out.append("announce:\n");
    out.append("  repeat: ").append(a.repeat()).append('\n');
    out.append("  interval: ").append(format(a.interval())).append('\n');
    out.append("  refresh: ").append(format(a.refresh()))
        .append(a.refresh().isZero() ? "  # off\n" : "\n");
    logging(out, c.logging());
    HealthSectionPrinter.print(out, c.health());
    return out.toString();
  }

  private static void admin(StringBuilder out, AdminConfig admin) {
    out.append("admin:\n");
    out.append("  socket: ").append(scalar(admin.socket().toString())).append('\n');
    out.append("  listen: ").append(listen(admin.listen())).append('\n');
    if (admin.tls() == null) {
      out.append("  # tls: not configured (admin TCP and Raft traffic are plaintext)\n");
      return;
    }
    out.append("  tls:\n");
    out.append("    cert: ").append(scalar(admin.tls().cert().toString())).append('\n');
    out.append("    key: ").append(scalar(admin.tls().key().toString())).append('\n');
    out.append("    ca: ").append(scalar(admin.tls().ca().toString())).append('\n');
    if (admin.allow().isEmpty()) {
      out.append("  allow: []  # nobody may make changes over TCP; reads are open to the CA's clients\n");
      return;
    }
    out.append("  allow:\n");
    for (String name : admin.allow()) {
      out.append("    - ").append(scalar(name)).append('\n');
    }
  }

  private static void timing(StringBuilder out, TimingConfig t) {
    out.append("timing:\n");
    out.append("  election-timeout: ").append(format(t.electionTimeoutMin())).append("..")
        .append(format(t.electionTimeoutMax())).append('\n');
    out.append("  heartbeat: ").append(format(t.heartbeat())).append('\n');
    out.append("  lease: ").append(format(t.lease())).append('\n');
    out.append("  dead-leader-timeout: ").append(format(t.deadLeaderTimeout()))
        .append(t.deadLeaderDetection() ? "\n" : "  # off\n");
    out.append("  probe-timeout: ").append(format(t.probeTimeout())).append('\n');
    out.append("  vip-lifetime: ").append(format(t.vipLifetime()))
        .append(t.vipLifetimeEnabled() ? "\n" : "  # off\n");
    out.append("  reconcile: ").append(format(t.reconcile())).append('\n');
  }

  private static void logging(StringBuilder out, LoggingConfig logging) {
    out.append("logging:\n");
    out.append("  level: ").append(scalar(logging.level())).append('\n');
    if (logging.loggers().isEmpty()) {
      out.append("  loggers: {}\n");
      return;
    }
    out.append("  loggers:\n");
    for (Map.Entry<String, String> e : logging.loggers().entrySet()) {
      out.append("    ").append(scalar(e.getKey())).append(": ").append(scalar(e.getValue()))
          .append('\n');
    }
  }

  private static String listen(HostPort listen) {
    return listen == null ? "off" : scalar(listen.toString());
  }

  /** Quotes text that YAML would otherwise read as a number, boolean, null or structure. */
  static String scalar(String text) {
    boolean plain = PLAIN.matcher(text).matches()
        && !NUMBER_LIKE.matcher(text).matches()
        && !YAML_WORDS.contains(text.toLowerCase(Locale.ROOT));
    return plain ? text : "'" + text.replace("'", "''") + "'";
  }
}
