package cn.kaowu.examsite.appeal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import cn.kaowu.exampackage.RoomReport.PanelMember;
import cn.kaowu.examsite.Refusal;

/**
 * The rules of 申诉与仲裁 (seed 000 §4.5), without a database.
 * <ul>
 * <li>An appeal is recorded from the slot's start up to the candidate's <b>effective end</b> (slot end + their own
 * and their room's extensions — when "考核内容全部完成" for them) + 2:00:00 inclusive; 2:00:01 after is refused.</li>
 * <li>The panel has 1, 3 or 5 members (odd, at most 5), each with name and organisation; a member whose organisation
 * is the site's own college (compared without white space and case) is refused.</li>
 * <li>The decision is due 2 h after the appeal was recorded; a later one is accepted and flagged late.</li>
 * <li>The decision names the members who decided: each a member of the current panel, more than half of it.</li>
 * <li>The scanned signature: JPEG or PNG by its first bytes, 1 byte to 5 MiB.</li>
 * </ul>
 */
public final class AppealRules {

    public static final Duration APPEAL_WINDOW = Duration.ofHours(2);
    public static final Duration DECISION_DUE = Duration.ofHours(2);
    public static final int MAX_SIGNATURE_BYTES = 5 * 1024 * 1024;
    private static final Set<Integer> PANEL_SIZES = Set.of(1, 3, 5);

    private AppealRules() {
    }

    /** @throws Refusal before the slot's start or after effective end + 2 h */
    public static void checkWindow(Instant slotStart, Instant effectiveEnd, Instant now) {
        if (now.isBefore(slotStart)) {
            throw Refusal.of("refusal.appeal.beforeStart");
        }
        Instant closes = closes(effectiveEnd);
        if (now.isAfter(closes)) {
            throw Refusal.of("refusal.appeal.windowClosed", Long.toString(APPEAL_WINDOW.toHours()));
        }
    }

    /** The last instant an appeal is recorded (inclusive). */
    public static Instant closes(Instant effectiveEnd) {
        return effectiveEnd.plus(APPEAL_WINDOW);
    }

    public static Instant dueAt(Instant recordedAt) {
        return recordedAt.plus(DECISION_DUE);
    }

    /** The members as entered (blank rows dropped), checked. */
    public static List<PanelMember> panel(String siteCollege, List<PanelMember> entered) {
        String college = clean(siteCollege);
        if (college == null) {
            throw Refusal.of("refusal.appeal.panel.college");
        }
        List<PanelMember> members = new ArrayList<>();
        for (PanelMember m : entered) {
            String name = clean(m.name());
            String organisation = clean(m.organisation());
            String contact = clean(m.contact());
            if (name == null && organisation == null && contact == null) {
                continue;
            }
            if (name == null || organisation == null) {
                throw Refusal.of("refusal.appeal.panel.member", Integer.toString(members.size() + 1));
            }
            if (same(organisation, college)) {
                throw Refusal.of("refusal.appeal.panel.ownCollege", name, organisation);
            }
            members.add(new PanelMember(name, organisation, contact));
        }
        if (!PANEL_SIZES.contains(members.size())) {
            throw Refusal.of("refusal.appeal.panel.size", Integer.toString(members.size()));
        }
        return List.copyOf(members);
    }

    /** The deciding members, checked against the panel. */
    public static List<String> deciders(List<String> names, List<PanelMember> panel) {
        if (panel.isEmpty()) {
            throw Refusal.of("refusal.appeal.decision.noPanel");
        }
        List<String> deciders = names.stream().distinct().toList();
        for (String name : deciders) {
            if (panel.stream().noneMatch(m -> m.name().equals(name))) {
                throw Refusal.of("refusal.appeal.decision.notMember", name);
            }
        }
        if (deciders.size() * 2 <= panel.size()) {
            throw Refusal.of("refusal.appeal.decision.majority", Integer.toString(panel.size() / 2 + 1));
        }
        return deciders;
    }

    /** The image type of a scanned signature, by content. */
    public static String signatureType(byte[] content) {
        if (content == null || content.length == 0) {
            throw Refusal.of("refusal.appeal.signature.missing");
        }
        if (content.length > MAX_SIGNATURE_BYTES) {
            throw Refusal.of("refusal.appeal.signature.tooLarge");
        }
        if (content.length >= 3 && (content[0] & 0xff) == 0xFF && (content[1] & 0xff) == 0xD8
                && (content[2] & 0xff) == 0xFF) {
            return "image/jpeg";
        }
        byte[] png = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A };
        if (content.length >= png.length && java.util.Arrays.equals(content, 0, png.length, png, 0, png.length)) {
            return "image/png";
        }
        throw Refusal.of("refusal.appeal.signature.type");
    }

    static String clean(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static boolean same(String a, String b) {
        return a.replaceAll("\\s+", "").toLowerCase(Locale.ROOT).equals(b.replaceAll("\\s+", "").toLowerCase(Locale.ROOT));
    }
}
