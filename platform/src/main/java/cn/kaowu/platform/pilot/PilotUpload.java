package cn.kaowu.platform.pilot;

/** A file a college uploads with its application, as received (checked by content in the service). */
public record PilotUpload(String name, byte[] content) {
}
