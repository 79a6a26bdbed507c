package cn.kaowu.platform.staff;

/** A major (专业) a person teaches: name and code, e.g. 电子商务 530701. */
public record Major(String name, String code) {
}
