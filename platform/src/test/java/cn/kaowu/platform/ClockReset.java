package cn.kaowu.platform;

import cn.kaowu.platform.kernel.AdjustableClock;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Puts the shared platform clock back on the calendar before every test of an {@link IntegrationTest}. Test classes
 * share one application context, and a test mother that moves the clock into a plan's window (and a test that forgets
 * to reset it) would otherwise hand the next class a clock days ahead, so that what a test sees depends on the order
 * the classes ran in.
 */
public final class ClockReset implements BeforeEachCallback {

	@Override
	public void beforeEach(ExtensionContext context) {
		SpringExtension.getApplicationContext(context).getBean(AdjustableClock.class).reset();
	}
}
