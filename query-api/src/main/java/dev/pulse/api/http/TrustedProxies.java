package dev.pulse.api.http;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The reverse proxies whose {@code X-Forwarded-For} this instance believes (configuration {@code
 * api.trustedProxies}): addresses or CIDR ranges. Anyone can send the header, so it names the
 * client only when the direct peer is one of these; otherwise the peer itself is the client.
 */
public final class TrustedProxies {
    public static final TrustedProxies NONE = new TrustedProxies(List.of());

    private final List<IpSubnetFilterRule> ranges;

    private TrustedProxies(List<IpSubnetFilterRule> ranges) {
        this.ranges = ranges;
    }

    /**
     * From addresses and CIDR ranges separated by commas or spaces, e.g. {@code "10.0.0.0/8,
     * 192.168.1.5, ::1"}; blank means none. Host names are refused: they would need a lookup.
     */
    public static TrustedProxies parse(String spec) {
        if (spec == null || spec.isBlank()) {
            return NONE;
        }
        List<IpSubnetFilterRule> ranges = new ArrayList<>();
        for (String entry : spec.trim().split("[,\\s]+")) {
            ranges.add(range(entry));
        }
        return new TrustedProxies(List.copyOf(ranges));
    }

    private static IpSubnetFilterRule range(String entry) {
        int slash = entry.indexOf('/');
        String address = slash < 0 ? entry : entry.substring(0, slash);
        InetAddress ip = NetUtil.createInetAddressFromIpAddressString(address);
        if (ip == null) {
            throw new IllegalArgumentException(
                    "api.trustedProxies: '" + entry + "' is not an IP address or CIDR range");
        }
        int bits = ip.getAddress().length * 8;
        int prefix;
        try {
            prefix = slash < 0 ? bits : Integer.parseInt(entry.substring(slash + 1));
        } catch (NumberFormatException e) {
            prefix = -1;
        }
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException(
                    "api.trustedProxies: '" + entry + "' has no prefix length from 0 to " + bits);
        }
        return new IpSubnetFilterRule(ip, prefix, IpFilterRuleType.ACCEPT);
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** Whether {@code address} (an IP literal) is one of the trusted proxies. */
    public boolean trusts(String address) {
        InetAddress ip = NetUtil.createInetAddressFromIpAddressString(address);
        if (ip == null) {
            return false;
        }
        InetSocketAddress socket = new InetSocketAddress(ip, 0);
        return ranges.stream().anyMatch(range -> range.matches(socket));
    }

    /**
     * The client of a request from {@code peer} carrying these {@code X-Forwarded-For} values: the
     * peer, unless it is trusted; then the rightmost forwarded address that is not itself a trusted
     * proxy (the ones left of it were written by the client and prove nothing).
     */
    public String client(String peer, List<String> forwardedFor) {
        if (!trusts(peer)) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String hop : header.split(",")) {
                hops.add(hop.trim());
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (NetUtil.createInetAddressFromIpAddressString(hop) == null) {
                // Garbage in a chain we cannot read further back: the last sane hop is all we know.
                return peer;
            }
            if (!trusts(hop)) {
                return hop;
            }
            peer = hop;
        }
        return peer;
    }

    @Override
    public String toString() {
        return ranges.isEmpty() ? "none" : ranges.size() + " range(s)";
    }
}
