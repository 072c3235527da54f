package dev.skirmish.transport.handshake;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.random.RandomGenerator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Makes and checks the stateless handshake cookies that prove a client receives at its claimed
 * address before the server keeps any state for it (like DTLS's HelloVerifyRequest and QUIC's Retry).
 *
 * <pre>
 * +---------------------+-------------------+------------------------------------------+
 * | Secret epoch (u32)  | Issued millis (u64)| HMAC-SHA256(secret[epoch], ...) [0..16)  |
 * +---------------------+-------------------+------------------------------------------+
 *   HMAC input: client IP bytes, client port (u16), client connection id (u64), issued millis (u64)
 * </pre>
 *
 * Secrets rotate every {@code rotationMillis}: a fresh random secret per epoch, and only the current
 * and the previous one are kept, so a stolen secret ages out and a cookie from before the last
 * rotation can no longer be checked at all. A cookie older than {@code lifetimeMillis} is expired.
 * Time is the caller's ({@code nowNanos}); nothing here reads a clock.
 */
public final class CookieMinter {
    /** Bytes of every cookie. */
    public static final int COOKIE_LENGTH = 4 + 8 + 16;

    /** Result of {@link #verify}. */
    public enum Verdict { VALID, INVALID, EXPIRED }

    private static final String ALGORITHM = "HmacSHA256";

    private final RandomGenerator random;
    private final long rotationMillis;
    private final long lifetimeMillis;
    private final Mac mac;
    private final byte[] macOutput = new byte[32];
    private final ByteBuffer scratch = ByteBuffer.allocate(16 + 2 + 8 + 8);
    private long currentEpoch = -1;
    private byte[] currentSecret;
    private byte[] previousSecret;

    public CookieMinter(RandomGenerator random, long rotationMillis, long lifetimeMillis) {
        if (lifetimeMillis > rotationMillis) {
            throw new IllegalArgumentException("cookie lifetime must not exceed the rotation interval");
        }
        this.random = random;
        this.rotationMillis = rotationMillis;
        this.lifetimeMillis = lifetimeMillis;
        try {
            this.mac = Mac.getInstance(ALGORITHM);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks " + ALGORITHM, e);
        }
    }

    /** Writes a cookie for this client into {@code out} at offset 0; returns its length. */
    public int mint(long nowNanos, InetSocketAddress client, long clientConnectionId, byte[] out) {
        long nowMillis = nowNanos / 1_000_000;
        rotate(nowMillis);
        ByteBuffer cookie = ByteBuffer.wrap(out);
        cookie.putInt((int) currentEpoch).putLong(nowMillis);
        authenticate(currentSecret, client, clientConnectionId, nowMillis);
        cookie.put(macOutput, 0, 16);
        return COOKIE_LENGTH;
    }

    /** Checks a cookie returned by {@code client}. */
    public Verdict verify(long nowNanos, InetSocketAddress client, long clientConnectionId, byte[] cookie, int length) {
        if (length != COOKIE_LENGTH) {
            return Verdict.INVALID;
        }
        long nowMillis = nowNanos / 1_000_000;
        rotate(nowMillis);
        ByteBuffer in = ByteBuffer.wrap(cookie, 0, length);
        long epoch = in.getInt() & 0xFFFF_FFFFL;
        long issuedMillis = in.getLong();
        byte[] secret = epoch == (currentEpoch & 0xFFFF_FFFFL) ? currentSecret
                : epoch == ((currentEpoch - 1) & 0xFFFF_FFFFL) ? previousSecret : null;
        if (secret == null) {
            return Verdict.EXPIRED;
        }
        authenticate(secret, client, clientConnectionId, issuedMillis);
        int difference = 0;
        for (int i = 0; i < 16; i++) {
            difference |= macOutput[i] ^ cookie[12 + i];
        }
        if (difference != 0) {
            return Verdict.INVALID;
        }
        if (nowMillis - issuedMillis > lifetimeMillis || issuedMillis > nowMillis) {
            return Verdict.EXPIRED;
        }
        return Verdict.VALID;
    }

    private void rotate(long nowMillis) {
        long epoch = nowMillis / rotationMillis;
        if (epoch == currentEpoch) {
            return;
        }
        previousSecret = epoch == currentEpoch + 1 ? currentSecret : null;
        currentSecret = new byte[32];
        for (int i = 0; i < currentSecret.length; i += 8) {
            long bits = random.nextLong();
            for (int j = 0; j < 8; j++) {
                currentSecret[i + j] = (byte) (bits >>> (8 * j));
            }
        }
        currentEpoch = epoch;
    }

    private void authenticate(byte[] secret, InetSocketAddress client, long clientConnectionId, long issuedMillis) {
        scratch.clear();
        byte[] ip = client.getAddress().getAddress();
        scratch.put(ip).putShort((short) client.getPort()).putLong(clientConnectionId).putLong(issuedMillis);
        try {
            mac.init(new SecretKeySpec(secret, ALGORITHM));
            mac.update(scratch.array(), 0, scratch.position());
            mac.doFinal(macOutput, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC failed", e);
        }
    }
}
