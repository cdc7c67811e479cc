package io.raftvip.net.netlink;

import io.raftvip.net.InterfaceNotFoundException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Interface names and indexes, asked of the kernel over our own netlink socket rather than
 * if_nametoindex(3): that call opens a socket in the calling thread's namespace, while ours
 * answers for the namespace the address manager lives in. Indexes are looked up at each call
 * because interfaces get recreated; the index-to-name cache only serves event reporting,
 * where the interface may already be gone.
 */
final class LinkNames {

  private final RtnlConnection rtnl;
  private final Map<Integer, String> lastKnownNames = new ConcurrentHashMap<>();

  LinkNames(RtnlConnection rtnl) {
    this.rtnl = rtnl;
  }

  /** @return the current index of the interface, or -1 when it does not exist */
  int indexOf(String name) {
    int s = rtnl.nextSeq();
    RtnlConnection.Reply reply = rtnl.request(LinkMessages.getByName(s, name), s, "RTM_GETLINK " + name);
    if (reply.error().errno() == Errno.ENODEV) {
      return -1;
    }
    if (reply.error().errno() != 0) {
      throw Errno.failure("RTM_GETLINK " + name, reply.error().errno(), null);
    }
    for (NetlinkMessage m : reply.messages()) {
      if (m.type() == Rtnl.RTM_NEWLINK) {
        LinkMessages.Link link = LinkMessages.decode(m);
        lastKnownNames.put(link.index(), link.name());
        return link.index();
      }
    }
    return -1;
  }

  /** @return the index of the interface, or throws listing the interfaces that exist */
  int requireIndex(String name) {
    int index = indexOf(name);
    if (index < 0) {
      throw new InterfaceNotFoundException(name, names());
    }
    return index;
  }

  /** @return the interface's name, or its last known name, or {@code "if<index>"} */
  String nameOf(int index) {
    String cached = lastKnownNames.get(index);
    if (cached != null) {
      return cached;
    }
    int s = rtnl.nextSeq();
    RtnlConnection.Reply reply = rtnl.request(LinkMessages.getByIndex(s, index), s, "RTM_GETLINK index " + index);
    for (NetlinkMessage m : reply.messages()) {
      if (m.type() == Rtnl.RTM_NEWLINK) {
        LinkMessages.Link link = LinkMessages.decode(m);
        lastKnownNames.put(index, link.name());
        return link.name();
      }
    }
    return "if" + index;
  }

  /** @return every interface name, in index order; refreshes the cache */
  List<String> names() {
    List<LinkMessages.Link> links = rtnl.dump(LinkMessages::dump, "RTM_GETLINK dump").stream()
        .filter(m -> m.type() == Rtnl.RTM_NEWLINK)
        .map(LinkMessages::decode)
        .sorted((a, b) -> Integer.compare(a.index(), b.index()))
        .toList();
    lastKnownNames.clear();
    links.forEach(l -> lastKnownNames.put(l.index(), l.name()));
    return links.stream().map(LinkMessages.Link::name).toList();
  }
}
