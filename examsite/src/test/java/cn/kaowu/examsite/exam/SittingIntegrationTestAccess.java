package cn.kaowu.examsite.exam;

import java.util.Map;

/** Lets tests in other packages read the answer key of a candidate's paper. */
public final class SittingIntegrationTestAccess {

    private SittingIntegrationTestAccess() {
    }

    public static Map<String, String> correctLabels(SittingView view) {
        return SittingIntegrationTest.correctLabels(view);
    }
}
