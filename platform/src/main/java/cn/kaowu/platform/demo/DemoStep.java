package cn.kaowu.platform.demo;

/**
 * A part of the demo world contributed by a module's demo data class, run after organisations and
 * accounts exist, in {@link #order()}. Must be idempotent: it runs at every start of the demo profile.
 */
public interface DemoStep {

	int order();

	void run();
}
