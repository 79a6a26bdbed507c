package cn.kaowu.platform.catalog;

import java.math.BigDecimal;

/**
 * The exam fee per candidate that applies in a province for a level.
 *
 * @param provinceId the province (an organisation of type PROVINCE)
 * @param level 初级 / 中级 / 高级
 * @param amount in yuan, at most two decimals
 * @param usesDefault {@code true} when the province has set no standard and the default (初级 380 元,
 * 中级/高级 360 元) applies; such fees are settled later by refund or top-up
 */
public record EffectiveFee(long provinceId, CertificateLevel level, BigDecimal amount, boolean usesDefault) {

	/** The default fee where a province has set none. */
	public static EffectiveFee byDefault(long provinceId, CertificateLevel level) {
		return new EffectiveFee(provinceId, level, level.defaultFee(), true);
	}
}
