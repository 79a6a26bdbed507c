package cn.kaowu.exampackage;

import java.security.Provider;
import java.security.SecureRandom;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** Shared provider and randomness; the provider is passed explicitly, never installed globally. */
final class BouncyCastle {

    // One instance: constructing the provider is slow, and registering it in java.security.Security
    // would change behaviour for every other library in the JVM.
    static final Provider PROVIDER = new BouncyCastleProvider();

    static final SecureRandom RANDOM = new SecureRandom();

    private BouncyCastle() {
    }
}
