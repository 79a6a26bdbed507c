/**
 * The one PDF renderer (PDFBox) with an embedded, subset CJK font and QR codes (ZXing): every printed
 * material — qualification certificates, admission tickets, labels, sheets, forms, certificates — is drawn
 * through {@link PdfCanvas}. Finished PDFs can be signed with the platform's key and verified
 * ({@link PdfSignatures}).
 */
package cn.kaowu.platform.document;
