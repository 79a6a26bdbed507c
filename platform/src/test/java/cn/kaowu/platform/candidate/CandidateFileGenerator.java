package cn.kaowu.platform.candidate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a valid candidate import xlsx for scripts (ops/multinode): {@code CandidateFileGenerator OUT ROWS SERIES}; the
 * same rows as the candidate-import benchmark, distinct ID numbers per series.
 */
public final class CandidateFileGenerator {

	private CandidateFileGenerator() {
	}

	public static void main(String[] args) throws IOException {
		Path out = Path.of(args[0]);
		int rows = Integer.parseInt(args[1]);
		int series = Integer.parseInt(args[2]);
		Files.write(out, CandidateImportBenchmark.file(rows, series));
		System.out.println("wrote " + rows + " rows to " + out);
	}
}
