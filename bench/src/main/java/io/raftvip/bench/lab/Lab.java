package io.raftvip.bench.lab;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A switched L2 lab in network namespaces: a switch namespace holding a bridge, node namespaces
 * each with an {@code eth0} whose peer is a bridge port, and a client namespace. The veths are
 * created inside the lab namespaces, so nothing appears in the host namespace.
 *
 * <pre>
 *   prefix-n1 eth0 ──┐
 *   prefix-n2 eth0 ──┤ br0 (prefix-sw) ├── eth0 prefix-client
 *   prefix-n3 eth0 ──┘
 * </pre>
 * Cutting a node means detaching its port from the bridge: the node's link stays up, as when a
 * switch port or cable fails, so nothing on the node notices.
 */
public final class Lab implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Lab.class);
    private static final String BRIDGE = "br0";

    private final CommandRunner cmd;
    private final String prefix;
    private final String suffix;
    private final String subnet;
    private final List<LabNode> nodes = new ArrayList<>();
    private final List<String> created = new ArrayList<>();
    private LabNode client;

    /**
     * @param cmd    runs the {@code ip} commands
     * @param prefix namespace prefix, e.g. {@code rvb}
     * @param suffix per-run suffix, making parallel runs and leftovers recognisable
     * @param subnet first three octets, e.g. {@code 10.213.0}
     */
    public Lab(CommandRunner cmd, String prefix, String suffix, String subnet) {
        this.cmd = cmd;
        this.prefix = prefix;
        this.suffix = suffix;
        this.subnet = subnet;
    }

    /** Creates the switch, {@code nodeCount} nodes (.11, .12, ...) and the client (.50). */
    public void create(int nodeCount) {
        String sw = namespace("sw");
        addNamespace(sw);
        cmd.run("ip", "-n", sw, "link", "add", BRIDGE, "type", "bridge", "stp_state", "0", "mcast_snooping", "0");
        cmd.run("ip", "-n", sw, "link", "set", BRIDGE, "up");
        for (int i = 0; i < nodeCount; i++) {
            String id = "n" + (i + 1);
            nodes.add(attach(id, i, subnet + "." + (11 + i)));
        }
        client = attach("client", nodeCount, subnet + ".50");
        LOG.info("{}: lab up: {} nodes + client on {}.0/24", suffix, nodeCount, subnet);
    }

    private LabNode attach(String id, int index, String address) {
        String ns = namespace(id);
        String port = "p-" + id;
        addNamespace(ns);
        cmd.run("ip", "-n", ns, "link", "set", "lo", "up");
        cmd.run("ip", "-n", ns, "link", "add", "eth0", "type", "veth", "peer", "name", port, "netns", namespace("sw"));
        cmd.run("ip", "-n", ns, "addr", "add", address + "/24", "dev", "eth0");
        cmd.run("ip", "-n", ns, "link", "set", "eth0", "up");
        cmd.run("ip", "-n", namespace("sw"), "link", "set", port, "master", BRIDGE, "up");
        return new LabNode(id, index, ns, address, port);
    }

    private void addNamespace(String ns) {
        cmd.run("ip", "netns", "add", ns);
        created.add(ns);
    }

    /** @return the namespace name for a role, e.g. {@code rvb-n1-3fa2} */
    public String namespace(String role) {
        return prefix + "-" + role + "-" + suffix;
    }

    /** Detaches the node's port from the bridge: the node is cut off, its link stays up. */
    public void cut(LabNode node) {
        cmd.run("ip", "-n", namespace("sw"), "link", "set", node.port(), "nomaster");
    }

    /** Attaches the node's port to the bridge again. */
    public void reattach(LabNode node) {
        cmd.run("ip", "-n", namespace("sw"), "link", "set", node.port(), "master", BRIDGE);
    }

    /** Removes an address from a node's eth0 if present, as a reboot after a crash would. */
    public void removeAddress(LabNode node, String address) {
        cmd.tryRun("ip", "-n", node.netns(), "addr", "del", address + "/32", "dev", "eth0");
    }

    /** @return the nodes in index order */
    public List<LabNode> nodes() {
        return List.copyOf(nodes);
    }

    /** @return the client namespace's node */
    public LabNode client() {
        return client;
    }

    /** @return the run suffix */
    public String suffix() {
        return suffix;
    }

    /** Deletes every namespace this lab created (killing what still runs inside); idempotent. */
    @Override
    public synchronized void close() {
        for (int i = created.size() - 1; i >= 0; i--) {
            new NamespaceRemover(cmd).remove(created.get(i));
        }
        created.clear();
    }
}
