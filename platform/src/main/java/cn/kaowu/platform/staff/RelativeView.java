package cn.kaowu.platform.staff;

/** A declared close relative of a person of the staff database; the ID number is masked. */
public record RelativeView(long id, long staffId, String name, String idNumberMasked, String relation) {
}
