/**
 * Notifications: the in-app inbox fed by {@link cn.kaowu.platform.kernel.Notifiable} domain events, and
 * delivery channels (e-mail now; SMS and WeChat adapters plug in through {@link NotificationChannel}).
 */
package cn.kaowu.platform.notification;
