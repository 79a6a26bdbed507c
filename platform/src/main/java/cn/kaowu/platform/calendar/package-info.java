/**
 * Working days with China's statutory holidays and adjusted working weekends (调休), as published each year by
 * 国务院办公厅 and maintained here by the platform administrator. Deadlines counted in working days (invigilator
 * review: 2, score review requests: 7, answers: 3) use {@link WorkingCalendar}.
 */
package cn.kaowu.platform.calendar;
