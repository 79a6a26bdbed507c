package cn.kaowu.examsite.infra;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The site's two kinds of session: the administrator's ({@value #ADMIN}) for {@code /admin/**} and the
 * candidate's ({@value #CANDIDATE}) for {@code /exam/**}. Without one, pages redirect to their login and
 * background saves get 401.
 */
@Configuration(proxyBeanMethods = false)
public class SessionGuard implements WebMvcConfigurer {

    public static final String ADMIN = "kaowu.admin";
    public static final String CANDIDATE = "kaowu.candidate";
    /** Set while the administrator still has the one-time password: only the password page is open. */
    public static final String MUST_CHANGE_PASSWORD = "kaowu.admin.mustChangePassword";
    static final String PASSWORD_PAGE = "/admin/password";

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new Guard(ADMIN, "/admin/login", true)).addPathPatterns("/admin/**")
                .excludePathPatterns("/admin/login");
        registry.addInterceptor(new Guard(CANDIDATE, "/", false)).addPathPatterns("/exam/**");
    }

    private record Guard(String attribute, String loginPage, boolean passwordChangeFirst) implements HandlerInterceptor {
        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                throws Exception {
            HttpSession session = request.getSession(false);
            if (session != null && session.getAttribute(attribute) != null) {
                boolean blocked = passwordChangeFirst && session.getAttribute(MUST_CHANGE_PASSWORD) != null
                        && !request.getRequestURI().equals(request.getContextPath() + PASSWORD_PAGE)
                        && !request.getRequestURI().equals(request.getContextPath() + "/admin/logout");
                if (!blocked) {
                    return true;
                }
                if ("GET".equals(request.getMethod())) {
                    response.sendRedirect(request.getContextPath() + PASSWORD_PAGE);
                } else {
                    response.sendError(HttpServletResponse.SC_FORBIDDEN);
                }
                return false;
            }
            if ("GET".equals(request.getMethod())) {
                response.sendRedirect(request.getContextPath() + loginPage);
            } else {
                response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            }
            return false;
        }
    }
}
