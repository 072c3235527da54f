package dev.skirmish.transport.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.skirmish.transport.handshake.CookieMinter.Verdict;
import java.net.InetSocketAddress;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CookieMinterTest {
    private static final long MS = 1_000_000L;
    private final InetSocketAddress client = new InetSocketAddress("127.0.0.1", 40000);
    private final CookieMinter minter = new CookieMinter(new SplittableRandom(1), 30_000, 10_000);
    private final byte[] cookie = new byte[CookieMinter.COOKIE_LENGTH];

    @Test
    void acceptsItsOwnCookieFromTheSameClient() {
        int length = minter.mint(1_000 * MS, client, 77, cookie);
        assertEquals(Verdict.VALID, minter.verify(5_000 * MS, client, 77, cookie, length));
    }

    @Test
    void refusesTheCookieFromAnotherAddressPortOrId() {
        int length = minter.mint(1_000 * MS, client, 77, cookie);
        assertEquals(Verdict.INVALID, minter.verify(1_001 * MS, new InetSocketAddress("127.0.0.2", 40000), 77, cookie, length));
        assertEquals(Verdict.INVALID, minter.verify(1_001 * MS, new InetSocketAddress("127.0.0.1", 40001), 77, cookie, length));
        assertEquals(Verdict.INVALID, minter.verify(1_001 * MS, client, 78, cookie, length));
    }

    @Test
    void refusesATamperedCookie() {
        int length = minter.mint(1_000 * MS, client, 77, cookie);
        cookie[10] ^= 1;
        assertEquals(Verdict.INVALID, minter.verify(1_001 * MS, client, 77, cookie, length));
    }

    @Test
    void expiresAfterTheLifetime() {
        int length = minter.mint(1_000 * MS, client, 77, cookie);
        assertEquals(Verdict.VALID, minter.verify(11_000 * MS, client, 77, cookie, length));
        assertEquals(Verdict.EXPIRED, minter.verify(11_001 * MS, client, 77, cookie, length));
    }

    @Test
    void survivesOneSecretRotationButNotTwo() {
        int length = minter.mint(29_999 * MS, client, 77, cookie);
        assertEquals(Verdict.VALID, minter.verify(30_500 * MS, client, 77, cookie, length));
        CookieMinter other = new CookieMinter(new SplittableRandom(1), 30_000, 10_000);
        byte[] old = new byte[CookieMinter.COOKIE_LENGTH];
        other.mint(1_000 * MS, client, 77, old);
        assertEquals(Verdict.EXPIRED, other.verify(61_000 * MS, client, 77, old, old.length));
    }

    @Test
    void refusesACookieOfTheWrongLength() {
        assertEquals(Verdict.INVALID, minter.verify(0, client, 77, cookie, 5));
    }
}
