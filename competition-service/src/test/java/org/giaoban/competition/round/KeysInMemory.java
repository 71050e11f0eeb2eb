package org.giaoban.competition.round;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The motions' keys for tests without a database (aggregate fixtures, the seal's own tests): a map, same contract. */
final class KeysInMemory implements MotionKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, byte[]> keys = new HashMap<>();

    @Override
    public byte[] keyOf(String roundId, String motionId) {
        return keys.computeIfAbsent(roundId + "/" + motionId, k -> {
            byte[] key = new byte[32];
            RANDOM.nextBytes(key);
            return key;
        }).clone();
    }

    @Override
    public Optional<byte[]> existingKey(String roundId, String motionId) {
        return Optional.ofNullable(keys.get(roundId + "/" + motionId)).map(byte[]::clone);
    }

    @Override
    public void destroy(String roundId, String motionId) {
        keys.remove(roundId + "/" + motionId);
    }

    boolean has(String roundId, String motionId) {
        return keys.containsKey(roundId + "/" + motionId);
    }

    /** Replaces a motion's key, as if it had been lost and another made. */
    void replace(String roundId, String motionId) {
        keys.remove(roundId + "/" + motionId);
        keyOf(roundId, motionId);
    }
}
