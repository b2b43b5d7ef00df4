package app.rounds.ingest.control;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * Whether an address is on the public internet, so a source URL that names it may be called. Judged from the bytes
 * against the IANA special-purpose registries (IPv4 and IPv6), not {@code InetAddress.isSiteLocalAddress()} and its
 * siblings, which miss shared (100.64/10), benchmarking, unique-local (fc00::/7), NAT64 and IPv4-compatible forms.
 * No library judges this (Guava's {@code InetAddresses} and commons-validator parse, they do not classify), hence
 * the table. It refuses some blocks IANA counts as globally reachable (192.0.0.9, the odd 2001::/23 service) and every
 * IPv6 address outside 2000::/3: no news source lives there.
 */
public final class PublicInternet {

    private record Block(byte[] network, int prefixLength) {

        static Block of(String cidr) {
            int slash = cidr.indexOf('/');
            try {
                // literals only: getByName does not resolve them
                byte[] network = InetAddress.getByName(cidr.substring(0, slash)).getAddress();
                return new Block(network, Integer.parseInt(cidr.substring(slash + 1)));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(cidr, e);
            }
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int whole = prefixLength / 8;
            if (!Arrays.equals(address, 0, whole, network, 0, whole)) {
                return false;
            }
            int rest = prefixLength % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[whole] & mask) == (network[whole] & mask);
        }
    }

    /** IPv4 blocks that are not the public internet (RFC 6890 and the IANA IPv4 special-purpose registry). */
    private static final List<Block> NOT_PUBLIC_V4 = List.of(
            Block.of("0.0.0.0/8"),          // this network
            Block.of("10.0.0.0/8"),         // private
            Block.of("100.64.0.0/10"),      // shared address space (carrier-grade NAT)
            Block.of("127.0.0.0/8"),        // loopback
            Block.of("169.254.0.0/16"),     // link-local, cloud metadata at 169.254.169.254
            Block.of("172.16.0.0/12"),      // private
            Block.of("192.0.0.0/24"),       // IETF protocol assignments
            Block.of("192.0.2.0/24"),       // documentation TEST-NET-1
            Block.of("192.88.99.0/24"),     // 6to4 relay anycast (deprecated)
            Block.of("192.168.0.0/16"),     // private
            Block.of("198.18.0.0/15"),      // benchmarking
            Block.of("198.51.100.0/24"),    // documentation TEST-NET-2
            Block.of("203.0.113.0/24"),     // documentation TEST-NET-3
            Block.of("224.0.0.0/4"),        // multicast
            Block.of("240.0.0.0/4"));       // reserved, and 255.255.255.255 broadcast

    /** Outside it no IPv6 address is global unicast today (fc00::/7, fe80::/10, fec0::/10, ff00::/8, 100::/64 ...). */
    private static final Block GLOBAL_UNICAST_V6 = Block.of("2000::/3");

    /** Inside 2000::/3, still not a host Rounds may call, or one that hides an IPv4 address we would not judge. */
    private static final List<Block> NOT_PUBLIC_V6 = List.of(
            Block.of("2001::/23"),          // IETF protocol assignments, with Teredo 2001::/32
            Block.of("2001:db8::/32"),      // documentation
            Block.of("2002::/16"),          // 6to4: tunnels to any IPv4 address
            Block.of("3fff::/20"));         // documentation (RFC 9637)

    /** IPv4-mapped ::ffff:0:0/96: the IPv4 address it carries is what is reached. */
    private static final Block MAPPED_V4 = Block.of("::ffff:0:0/96");

    /** IPv4-compatible ::/96 (deprecated), with :: and ::1. */
    private static final Block COMPATIBLE_V4 = Block.of("::/96");

    /** NAT64 well-known prefix: the gateway reaches the IPv4 address in the last 32 bits. */
    private static final Block NAT64_V4 = Block.of("64:ff9b::/96");

    private PublicInternet() {
    }

    /** True only for an address of the public internet: every special-purpose, local or translated form is false. */
    public static boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return isPublicV4(bytes);
        }
        if (address instanceof Inet6Address) {
            if (MAPPED_V4.contains(bytes) || NAT64_V4.contains(bytes)) {
                return isPublicV4(Arrays.copyOfRange(bytes, 12, 16));
            }
            if (COMPATIBLE_V4.contains(bytes)) {
                return false;
            }
            return GLOBAL_UNICAST_V6.contains(bytes) && NOT_PUBLIC_V6.stream().noneMatch(b -> b.contains(bytes));
        }
        return false;
    }

    /**
     * What {@code host} resolved to, when every address is public; else {@link NotPublicAddress} naming the first
     * that is not. All must be public, not one: the HTTP client may pick any of them.
     */
    public static List<InetAddress> checked(String host, InetAddress[] resolved)
            throws NotPublicAddress, UnknownHostException {
        return checked(host, resolved, PublicInternet::contains);
    }

    /** As {@link #checked(String, InetAddress[])}, with another judge (tests tunnel to a stand-in on loopback). */
    static List<InetAddress> checked(String host, InetAddress[] resolved, Predicate<InetAddress> isPublic)
            throws NotPublicAddress, UnknownHostException {
        if (resolved.length == 0) {
            throw new UnknownHostException(host);
        }
        for (InetAddress address : resolved) {
            if (!isPublic.test(address)) {
                throw new NotPublicAddress(host + " resolves to " + address.getHostAddress()
                        + ", which is not a public internet address; Rounds does not call it", address.getHostAddress());
            }
        }
        return List.of(resolved);
    }

    /** The host of a URL as a resolver takes it: an IPv6 literal without its brackets. */
    public static String unbracketed(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static boolean isPublicV4(byte[] bytes) {
        return NOT_PUBLIC_V4.stream().noneMatch(b -> b.contains(bytes));
    }
}
