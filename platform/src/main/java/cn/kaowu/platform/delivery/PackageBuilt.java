package cn.kaowu.platform.delivery;

import java.util.List;
import java.util.Map;

/**
 * Published (synchronously, inside the build's transaction) for each package built: which practical items each
 * candidate's paper holds. The platform cannot open a package (its content key is wrapped for the site), so the
 * {@code result} module keeps this to know which practical tasks to grade, with or without an uploaded file.
 *
 * @param packageId the exam package
 * @param planId its plan
 * @param planSubjectId its subject slot
 * @param practicalItems ticket number → the package item ids ({@code <bank id>v<version>}) of the paper's practical
 * tasks, in paper order (empty lists are left out)
 */
public record PackageBuilt(String packageId, long planId, long planSubjectId,
		Map<String, List<String>> practicalItems) {

	public PackageBuilt {
		practicalItems = Map.copyOf(practicalItems);
	}
}
