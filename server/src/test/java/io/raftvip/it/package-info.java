/**
 * End-to-end tests of real raftvip daemons (one JVM each) in Linux network namespaces: the
 * {@link io.raftvip.it.ClusterLab} topology, a client probing the VIP, netlink watchers proving
 * there is never a second owner, and the admin API and metrics checked against what the kernel
 * holds. Every class here is a failsafe {@code *IT} tagged {@code netns}.
 */
package io.raftvip.it;
