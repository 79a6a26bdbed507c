package cn.kaowu.platform.catalog;

import java.util.List;

/**
 * The fee standard of one province: one effective fee per level, in the order 初级, 中级, 高级.
 *
 * @param provinceId the province
 * @param provinceName its name
 * @param fees the effective fee of each level
 */
public record ProvinceFees(long provinceId, String provinceName, List<EffectiveFee> fees) {

	public EffectiveFee fee(CertificateLevel level) {
		return fees.stream().filter(f -> f.level() == level).findFirst().orElseThrow();
	}
}
