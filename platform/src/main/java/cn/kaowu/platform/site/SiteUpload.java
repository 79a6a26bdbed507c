package cn.kaowu.platform.site;

/** A file uploaded with a site application, as received (checked by content in the service). */
public record SiteUpload(String name, byte[] content) {
}
