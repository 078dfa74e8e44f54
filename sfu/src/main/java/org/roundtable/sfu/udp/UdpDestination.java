package org.roundtable.sfu.udp;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A receiver's address in both forms a send needs: the Java one (for NIO) and the raw
 * {@code sockaddr_in}/{@code sockaddr_in6} bytes (for the kernel), encoded once per selected pair
 * instead of once per datagram. Immutable.
 */
public final class UdpDestination {
    private static final int AF_INET = 2;
    private static final int AF_INET6 = 10;

    private final InetSocketAddress address;
    private final byte[] sockaddr;

    private UdpDestination(InetSocketAddress address, byte[] sockaddr) {
        this.address = address;
        this.sockaddr = sockaddr;
    }

    public static UdpDestination of(InetSocketAddress address) {
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("unresolved address " + address);
        }
        byte[] ip = address.getAddress().getAddress();
        int port = address.getPort();
        boolean v4 = address.getAddress() instanceof Inet4Address;
        byte[] raw = new byte[v4 ? 16 : 28];
        // family and scope are in host order, the port in network order
        ByteBuffer host = ByteBuffer.wrap(raw).order(ByteOrder.nativeOrder());
        host.putShort(0, (short) (v4 ? AF_INET : AF_INET6));
        raw[2] = (byte) (port >>> 8);
        raw[3] = (byte) port;
        if (v4) {
            System.arraycopy(ip, 0, raw, 4, 4);
        } else {
            System.arraycopy(ip, 0, raw, 8, 16);
            host.putInt(24, ((Inet6Address) address.getAddress()).getScopeId());
        }
        return new UdpDestination(address, raw);
    }

    public InetSocketAddress address() { return address; }

    byte[] sockaddr() { return sockaddr; }

    @Override
    public String toString() { return address.toString(); }
}
