package dev.sinew.client;

import java.math.BigDecimal;
import java.nio.ByteBuffer;

/** Key values made comparable across the Java types drivers return for the same column type. */
final class Keys {
    private Keys() {
    }

    /** Integers as Long, decimals without trailing zeros, byte arrays by content. */
    static Object normalize(Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigDecimal d) {
            return d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
        }
        if (value instanceof byte[] bytes) {
            return ByteBuffer.wrap(bytes.clone());
        }
        return value;
    }
}
