package cn.kaowu.platform.certificate;

/** 发证方式 of a plan's certificates for one college (004 ch.5 四). */
public enum DeliveryMode {
	/** 电子证书: the signed PDF with the college principal's stamp; the default. */
	ELECTRONIC,
	/** 纸质证书: the print template without seals or signature, stamped by hand and mailed to the college. */
	PAPER;

	public String messageKey() {
		return "certificate.mode." + name();
	}
}
