package cn.kaowu.examsite.proctor;

import java.util.Arrays;
import java.util.List;

/** Form text as the proctor typed it. */
final class Text {

    private Text() {
    }

    /** Stripped, or {@code null} when blank. */
    static String clean(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Names separated by 、 , ， ; ； or white space, e.g. "赵敏、钱进". */
    static List<String> names(String value) {
        return value == null ? List.of()
                : Arrays.stream(value.split("[、,，;；\\s]+")).filter(name -> !name.isBlank()).toList();
    }
}
