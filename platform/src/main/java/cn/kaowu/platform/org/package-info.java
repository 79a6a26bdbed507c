/** Organisations: provinces, cities, training-evaluation organisations (ORGs) and colleges. */
package cn.kaowu.platform.org;
