package cn.kaowu.platform.candidate;

import cn.kaowu.platform.kernel.ChineseIdNumber;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Verification without the national service: a 身份证 with a valid check digit and a valid photo is verified;
 * every other document, and anything that fails, needs a manual check by the college. Replaced by defining another
 * {@link IdentityVerifier} bean.
 */
public class OfflineIdentityVerifier implements IdentityVerifier {

	@Override
	public Result verify(Subject subject) {
		if (subject.photo() == null) {
			return Result.manual("candidate.verify.noPhoto");
		}
		if (CandidatePhotos.problem(subject.photo()).isPresent()) {
			return Result.manual("candidate.verify.badPhoto");
		}
		if (subject.idType() != IdType.ID_CARD) {
			return Result.manual("candidate.verify.notIdCard");
		}
		if (!ChineseIdNumber.isValid(subject.idNumber())) {
			return Result.manual("candidate.verify.checkDigit");
		}
		return Result.verified();
	}

	@Configuration(proxyBeanMethods = false)
	static class Default {

		@Bean
		@ConditionalOnMissingBean(IdentityVerifier.class)
		IdentityVerifier offlineIdentityVerifier() {
			return new OfflineIdentityVerifier();
		}
	}
}
