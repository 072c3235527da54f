package dev.skirmish.client.bot;

import java.net.InetSocketAddress;
import picocli.CommandLine;

/**
 * Reads a server address given as {@code HOST:PORT}: a host name or IPv4 address, or an IPv6 address
 * in brackets ({@code [::1]:7777}), and a port 1..65535. The host is resolved here, so a name that
 * does not resolve is a usage error rather than a connect timeout later.
 */
public final class ServerAddressConverter implements CommandLine.ITypeConverter<InetSocketAddress> {

    @Override
    public InetSocketAddress convert(String value) {
        try {
            return parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }

    /**
     * Parses and resolves {@code HOST:PORT}.
     *
     * @throws IllegalArgumentException saying what is wrong with {@code value}
     */
    public static InetSocketAddress parse(String value) {
        String host;
        String port;
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            if (close < 0 || close + 1 >= value.length() || value.charAt(close + 1) != ':') {
                throw invalid(value, "an IPv6 address must be written [ADDRESS]:PORT");
            }
            host = value.substring(1, close);
            port = value.substring(close + 2);
        } else {
            int colon = value.lastIndexOf(':');
            if (colon < 0) {
                throw invalid(value, "expected HOST:PORT, e.g. 127.0.0.1:7777");
            }
            if (value.indexOf(':') != colon) {
                throw invalid(value, "an IPv6 address must be written in brackets, e.g. [::1]:7777");
            }
            host = value.substring(0, colon);
            port = value.substring(colon + 1);
        }
        if (host.isEmpty()) {
            throw invalid(value, "the host is missing");
        }
        InetSocketAddress address = new InetSocketAddress(host, parsePort(value, port));
        if (address.isUnresolved()) {
            throw invalid(value, "cannot resolve host '" + host + "'");
        }
        return address;
    }

    private static int parsePort(String value, String port) {
        if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw invalid(value, "the port must be a number 1..65535");
        }
        int number = Integer.parseInt(port);
        if (number < 1 || number > 65_535) {
            throw invalid(value, "the port must be a number 1..65535");
        }
        return number;
    }

    private static IllegalArgumentException invalid(String value, String reason) {
        return new IllegalArgumentException("'" + value + "' is not a server address: " + reason);
    }
}
