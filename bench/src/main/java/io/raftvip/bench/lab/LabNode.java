package io.raftvip.bench.lab;

/**
 * One node of the lab: its id ({@code n1}), its namespace, its address on {@code eth0} and the
 * name of its port on the switch bridge.
 *
 * @param id      node id used by the daemons and the responders
 * @param index   0-based position, stable across the run
 * @param netns   namespace name, e.g. {@code rvb-n1-3fa2}
 * @param address IPv4 address of the node's eth0
 * @param port    name of the veth end attached to the bridge in the switch namespace
 */
public record LabNode(String id, int index, String netns, String address, String port) {
}
