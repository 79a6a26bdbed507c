package cn.kaowu.platform.kernel;

/** Implemented by the authenticated principal so that every module can learn the caller's scope. */
public interface ScopedPrincipal {

	Scope scope();
}
