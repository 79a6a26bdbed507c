package cn.kaowu.platform.catalog;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;

import org.jspecify.annotations.Nullable;

/**
 * A province's fee standard, in yuan per candidate and level. An empty amount removes the standard, so that
 * the default (初级 380 元, 中级/高级 360 元) applies again.
 */
public class FeeForm {

	@DecimalMin(value = "0", message = "{catalog.fee.amount.range}")
	@DecimalMax(value = "99999.99", message = "{catalog.fee.amount.range}")
	@Digits(integer = 5, fraction = 2, message = "{catalog.fee.amount.digits}")
	private @Nullable BigDecimal junior;

	@DecimalMin(value = "0", message = "{catalog.fee.amount.range}")
	@DecimalMax(value = "99999.99", message = "{catalog.fee.amount.range}")
	@Digits(integer = 5, fraction = 2, message = "{catalog.fee.amount.digits}")
	private @Nullable BigDecimal intermediate;

	@DecimalMin(value = "0", message = "{catalog.fee.amount.range}")
	@DecimalMax(value = "99999.99", message = "{catalog.fee.amount.range}")
	@Digits(integer = 5, fraction = 2, message = "{catalog.fee.amount.digits}")
	private @Nullable BigDecimal senior;

	public @Nullable BigDecimal amount(CertificateLevel level) {
		return switch (level) {
			case JUNIOR -> junior;
			case INTERMEDIATE -> intermediate;
			case SENIOR -> senior;
		};
	}

	public void setAmount(CertificateLevel level, @Nullable BigDecimal amount) {
		switch (level) {
			case JUNIOR -> junior = amount;
			case INTERMEDIATE -> intermediate = amount;
			case SENIOR -> senior = amount;
		}
	}

	/** The form field holding a level's amount. */
	public static String field(CertificateLevel level) {
		return switch (level) {
			case JUNIOR -> "junior";
			case INTERMEDIATE -> "intermediate";
			case SENIOR -> "senior";
		};
	}

	public @Nullable BigDecimal getJunior() {
		return junior;
	}

	public void setJunior(@Nullable BigDecimal junior) {
		this.junior = junior;
	}

	public @Nullable BigDecimal getIntermediate() {
		return intermediate;
	}

	public void setIntermediate(@Nullable BigDecimal intermediate) {
		this.intermediate = intermediate;
	}

	public @Nullable BigDecimal getSenior() {
		return senior;
	}

	public void setSenior(@Nullable BigDecimal senior) {
		this.senior = senior;
	}
}
