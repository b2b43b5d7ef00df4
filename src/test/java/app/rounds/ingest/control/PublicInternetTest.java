package app.rounds.ingest.control;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.UnknownHostException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which addresses a source URL may name: the IANA special-purpose registries, IPv4 and IPv6, and their disguises. */
class PublicInternetTest {

    @ParameterizedTest
    @ValueSource(strings = {
            // IPv4
            "0.0.0.0", "0.1.2.3", "10.0.0.1", "10.255.255.255", "100.64.0.1", "100.127.255.254", "127.0.0.1",
            "127.255.255.254", "169.254.169.254", "169.254.0.1", "172.16.0.1", "172.31.255.255", "192.0.0.1",
            "192.0.0.170", "192.0.2.1", "192.88.99.1", "192.168.0.1", "192.168.255.255", "198.18.0.1",
            "198.19.255.255", "198.51.100.7", "203.0.113.9", "224.0.0.1", "239.255.255.250", "240.0.0.1",
            "255.255.255.255",
            // IPv6
            "::", "::1", "fc00::1", "fd00::1", "fe80::1", "febf::1", "fec0::1", "ff02::1", "ff05::1:3", "100::1",
            "2001::1", "2001:0:4136:e378:8000:63bf:3fff:fdd2", "2001:db8::1", "2001:1ff::1", "2002:7f00:1::1",
            "2002:808:808::1", "3fff::1", "5f00::1",
            // IPv4 inside IPv6: mapped (the JDK hands these back as IPv4), compatible, NAT64
            "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "::127.0.0.1", "::8.8.8.8",
            "64:ff9b::7f00:1", "64:ff9b::a9fe:a9fe", "64:ff9b::10.0.0.1", "64:ff9b::ffff:ffff", "64:ff9b:1::1",
            "64:ff9b:1::808:808"})
    void specialPurposeAddressesAreNotPublic(String literal) throws UnknownHostException {
        assertFalse(PublicInternet.contains(InetAddress.getByName(literal)), literal);
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "93.184.216.34", "100.63.255.255", "100.128.0.1",
            "172.15.255.255", "172.32.0.1", "192.167.1.1", "192.169.0.1", "198.17.255.255", "198.20.0.1",
            "223.255.255.255", "2606:4700:4700::1111", "2a00:1450:4001:81c::200e", "2001:4860:4860::8888",
            "2001:200::1", "::ffff:8.8.8.8", "64:ff9b::808:808", "64:ff9b::1.1.1.1"})
    void globallyRoutableAddressesArePublic(String literal) throws UnknownHostException {
        assertTrue(PublicInternet.contains(InetAddress.getByName(literal)), literal);
    }
}
