/**
 * End-to-end tests of real raftvip daemons (one JVM each) in Linux network namespaces: the
 * {@link io.raftvip.it.ClusterLab} topology, a client probing the VIP, netlink watchers proving
 * there is never a second owner, and the admin API and metrics checked against what the kernel
 * holds. Every class here is a failsafe {@code *IT} tagged {@code netns}.
 *
 * <p>Daemons are started with the launcher users run ({@code bin/raftvip run}); every wait's
 * deadline derives from the configured timing ({@link io.raftvip.it.LabTiming}); a wait that times
 * out reports the cluster's state ({@link io.raftvip.it.ClusterDiagnostics}); and a lab whose test
 * failed keeps its directory and copies the logs to {@code server/target/it-logs/}.
 */
package io.raftvip.it;
