/**
 * Shared kernel: roles and the caller's data scope, the one clock, paging, domain exceptions and the
 * single error format (RFC 9457) used by every module.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package cn.kaowu.platform.kernel;
