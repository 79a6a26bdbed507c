/** 国密 (SM2/SM3/SM4) crypto primitives shared by the platform and the exam-site server. */
package cn.kaowu.exampackage;
