package org.giaoban.gateway;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.Collections;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * In the local profile (documented secrets, demo clients) the gateway listens on the loopback interface only, unless
 * GIAOBAN_BIND_ADDRESS asks otherwise: from this machine's network address nothing answers.
 */
class LocalProfileBindTest extends GatewayTestBase {

    @Test
    void theLocalProfileListensOnTheLoopbackInterfaceOnly() throws IOException {
        try (Socket loopback = new Socket()) {
            loopback.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2_000);
            assertThat(loopback.isConnected()).isTrue();
        }
        Optional<InetAddress> network = networkAddress();
        assumeTrue(network.isPresent(), "this machine has no network address besides the loopback one");
        assertThatThrownBy(() -> {
            try (Socket outside = new Socket()) {
                outside.connect(new InetSocketAddress(network.get(), port), 2_000);
            }
        }).as("a connection to %s:%d", network.get(), port).isInstanceOf(IOException.class);
    }

    private static Optional<InetAddress> networkAddress() throws SocketException {
        for (NetworkInterface face : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!face.isUp() || face.isLoopback()) {
                continue;
            }
            for (InetAddress address : Collections.list(face.getInetAddresses())) {
                if (address instanceof Inet4Address && !address.isLoopbackAddress() && !address.isLinkLocalAddress()) {
                    return Optional.of(address);
                }
            }
        }
        return Optional.empty();
    }
}
