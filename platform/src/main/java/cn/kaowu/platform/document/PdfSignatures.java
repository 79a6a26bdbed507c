package cn.kaowu.platform.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;

import cn.kaowu.platform.kernel.KeyFiles;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Signs finished PDFs with the platform's document key and verifies such signatures. The signature is a detached
 * CMS (CAdES: SHA-256 with RSA-2048, ESS signing-certificate-v2, the self-signed certificate embedded) in an
 * invisible signature field, sub-filter {@code ETSI.CAdES.detached}, appended as an incremental update, so the
 * pages stay byte for byte what {@link PdfCanvas} drew. The signing time is the platform clock's (the {@code /M}
 * entry; the CMS carries no signing-time attribute, as PAdES asks).
 * <p>
 * The key ({@code document-signing.key}, PKCS#8 PEM) and its certificate ({@code document-signing.crt}, naming
 * the signer) live in {@code kaowu.document.key-dir} (default: the delivery key directory, {@code ./data/keys}),
 * created owner-only on first use through {@link KeyFiles}, so one key signs across restarts. Readers that do
 * not trust the certificate still show the document as unaltered since signing; trust comes from publishing the
 * certificate's fingerprint ({@link #certificateSha256()}).
 */
@Component
public final class PdfSignatures {

	static final String KEY_FILE = "document-signing.key";

	static final String CERTIFICATE_FILE = "document-signing.crt";

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	/** Room reserved for the CMS in the file (bytes; written as twice as many hex digits). */
	private static final int SIGNATURE_SIZE = 8192;

	private final PrivateKey key;

	private final X509Certificate certificate;

	private final String signer;

	private final Clock clock;

	@Autowired
	PdfSignatures(@Value("${kaowu.document.key-dir:${kaowu.delivery.key-dir:./data/keys}}") Path keyDir,
			@Value("${kaowu.document.signer:考务平台}") String signer, Clock clock) {
		this.clock = clock;
		byte[] keyPem = KeyFiles.loadOrCreate(keyDir.resolve(KEY_FILE), 0, PdfSignatures::freshKeyPem);
		this.key = privateKey(keyPem);
		byte[] certificatePem = KeyFiles.loadOrCreate(keyDir.resolve(CERTIFICATE_FILE), 0,
				() -> selfSigned(key, signer, clock.instant()));
		this.certificate = certificate(certificatePem);
		if (!certificate.getPublicKey().equals(publicKey(key))) {
			throw new IllegalStateException("证书与签名密钥不匹配 (certificate does not belong to the key): "
					+ keyDir.resolve(CERTIFICATE_FILE));
		}
		try {
			this.signer = commonName(new JcaX509CertificateHolder(certificate).getSubject());
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	/** For code outside Spring (tools, tests): the key pair in {@code keyDir}, created on first use. */
	public static PdfSignatures open(Path keyDir, String signer, Clock clock) {
		return new PdfSignatures(keyDir, signer, clock);
	}

	/** Who signs: the certificate's common name (set when the key was created). */
	public String signer() {
		return signer;
	}

	/** The signing certificate, PEM; publish it (or its fingerprint) so readers can trust the signatures. */
	public String certificatePem() {
		return pem("CERTIFICATE", encoded(certificate));
	}

	/**
	 * The document key pair, for other signature formats with the same key (Verifiable Credentials as JWS); the
	 * private key never leaves the process.
	 */
	public KeyPair keyPair() {
		return new KeyPair(certificate.getPublicKey(), key);
	}

	/** The signing certificate (self-signed, naming the signer). */
	public X509Certificate certificate() {
		return certificate;
	}

	/** SHA-256 of the certificate (DER), lower-case hex. */
	public String certificateSha256() {
		return hex(sha256(encoded(certificate)));
	}

	/** The PDF with a signature of the platform appended; {@code reason} and {@code location} may be null. */
	public byte[] sign(byte[] pdf, String reason, String location) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			PDSignature signature = new PDSignature();
			signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
			signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
			signature.setName(signer);
			if (reason != null) {
				signature.setReason(reason);
			}
			if (location != null) {
				signature.setLocation(location);
			}
			GregorianCalendar when = new GregorianCalendar(TimeZone.getTimeZone(CHINA));
			when.setTimeInMillis(clock.millis());
			signature.setSignDate(when);
			var options = new org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions();
			options.setPreferredSignatureSize(SIGNATURE_SIZE);
			document.addSignature(signature, this::cms, options);
			ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 2 * SIGNATURE_SIZE + 4096);
			document.saveIncremental(out);
			options.close();
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException("PDF 签名失败 (signing failed)", e);
		}
	}

	/** Reads the whole stream (a finished PDF) and returns it signed. */
	public byte[] sign(InputStream pdf, String reason, String location) {
		try {
			return sign(pdf.readAllBytes(), reason, location);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The detached CMS over the signed byte ranges. */
	private byte[] cms(InputStream content) throws IOException {
		try {
			byte[] data = content.readAllBytes();
			ContentSigner contentSigner = new JcaContentSignerBuilder("SHA256withRSA").build(key);
			ASN1EncodableVector attributes = new ASN1EncodableVector();
			attributes.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
					new DERSet(new SigningCertificateV2(new ESSCertIDv2(sha256(encoded(certificate)))))));
			var standard = new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes));
			CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
			generator.addSignerInfoGenerator(
					new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
						.setSignedAttributeGenerator(parameters -> {
							AttributeTable table = standard.getAttributes(parameters);
							return table.remove(CMSAttributes.signingTime);
						})
						.build(contentSigner, certificate));
			generator.addCertificates(new JcaCertStore(List.of(certificate)));
			return generator.generate(new CMSProcessableByteArray(data), false).getEncoded();
		}
		catch (GeneralSecurityException | OperatorCreationException | CMSException e) {
			throw new IOException("CMS 签名失败 (CMS signing failed)", e);
		}
	}

	/** What a PDF's last signature says; any error in reading counts against it. */
	public static Verification verify(byte[] pdf) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			List<PDSignature> signatures = document.getSignatureDictionaries();
			if (signatures.isEmpty()) {
				return Verification.unsigned();
			}
			PDSignature signature = signatures.getLast();
			int[] range = signature.getByteRange();
			boolean whole = coversAllButContents(pdf, range);
			if (!whole) {
				return Verification.invalid(signatures.size(), "签名未覆盖整个文件 (byte range does not cover the file)");
			}
			byte[] signed = new byte[range[1] + range[3]];
			System.arraycopy(pdf, range[0], signed, 0, range[1]);
			System.arraycopy(pdf, range[2], signed, range[1], range[3]);
			byte[] contents = hexDecode(pdf, range[1] + 1, range[2] - 1);
			// the reserved room is zero-padded after the DER object: read that one object only
			ContentInfo contentInfo;
			try (ASN1InputStream in = new ASN1InputStream(contents)) {
				contentInfo = ContentInfo.getInstance(in.readObject());
			}
			CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signed), contentInfo);
			if (cms.getSignerInfos().size() != 1) {
				return Verification.invalid(signatures.size(), "CMS 应有一个签名者 (expected one signer)");
			}
			SignerInformation info = cms.getSignerInfos().getSigners().iterator().next();
			@SuppressWarnings("unchecked")
			var matches = cms.getCertificates().getMatches(info.getSID());
			if (matches.isEmpty()) {
				return Verification.invalid(signatures.size(), "CMS 未附签名证书 (signing certificate missing)");
			}
			X509CertificateHolder holder = (X509CertificateHolder) matches.iterator().next();
			X509Certificate cert = new JcaX509CertificateConverter().getCertificate(holder);
			boolean valid;
			try {
				valid = info.verify(new JcaSimpleSignerInfoVerifierBuilder().build(cert));
			}
			catch (CMSException e) {
				// BC reports a message-digest mismatch (altered content) as an exception
				valid = false;
			}
			Instant signedAt = signature.getSignDate() == null ? null : signature.getSignDate().toInstant();
			String name = commonName(holder.getSubject());
			if (!valid) {
				return new Verification(Status.INVALID, signatures.size(), name, signedAt, signature.getReason(),
						signature.getLocation(), hex(sha256(holder.getEncoded())), "签名或摘要不符 (signature or digest mismatch)");
			}
			return new Verification(Status.VALID, signatures.size(), name, signedAt, signature.getReason(),
					signature.getLocation(), hex(sha256(holder.getEncoded())), null);
		}
		catch (IOException | RuntimeException | GeneralSecurityException | CMSException
				| OperatorCreationException e) {
			return Verification.invalid(0, "无法读取签名 (unreadable): " + e.getMessage());
		}
	}

	/**
	 * The byte range must be [0, a, b, c] with the gap between a and b exactly the hex string of /Contents and
	 * b + c the end of the file: nothing outside the signature is left unsigned, nothing appended after it.
	 */
	private static boolean coversAllButContents(byte[] pdf, int[] range) {
		if (range == null || range.length != 4 || range[0] != 0) {
			return false;
		}
		long a = range[1];
		long b = range[2];
		long c = range[3];
		if (a <= 0 || c < 0 || b <= a + 1 || b + c != pdf.length) {
			return false;
		}
		if (pdf[(int) a] != '<' || pdf[(int) b - 1] != '>') {
			return false;
		}
		for (int i = (int) a + 1; i < b - 1; i++) {
			if (Character.digit(pdf[i], 16) < 0) {
				return false;
			}
		}
		return true;
	}

	private static byte[] hexDecode(byte[] pdf, int from, int to) {
		int length = (to - from) / 2;
		byte[] bytes = new byte[length];
		for (int i = 0; i < length; i++) {
			bytes[i] = (byte) (Character.digit(pdf[from + 2 * i], 16) << 4 | Character.digit(pdf[from + 2 * i + 1], 16));
		}
		return bytes;
	}

	public enum Status {

		/** The PDF has no signature. */
		UNSIGNED,
		/** The last signature covers the whole file and its CMS checks out against the embedded certificate. */
		VALID,
		/** A signature that does not check out, or does not cover the whole file. */
		INVALID

	}

	/**
	 * The outcome of {@link #verify}: of the last signature, who signed (the certificate's common name), when,
	 * why and where, the certificate's SHA-256 (to compare with {@link #certificateSha256()}), and why it failed.
	 */
	public record Verification(Status status, int signatures, String signer, Instant signedAt, String reason,
			String location, String certificateSha256, String problem) {

		static Verification unsigned() {
			return new Verification(Status.UNSIGNED, 0, null, null, null, null, null, null);
		}

		static Verification invalid(int signatures, String problem) {
			return new Verification(Status.INVALID, signatures, null, null, null, null, null, problem);
		}

		public boolean valid() {
			return status == Status.VALID;
		}

		public Optional<String> signerName() {
			return Optional.ofNullable(signer);
		}
	}

	private static byte[] freshKeyPem() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair pair = generator.generateKeyPair();
			return pem("PRIVATE KEY", pair.getPrivate().getEncoded()).getBytes(StandardCharsets.US_ASCII);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	/** A self-signed certificate for the key, naming the signer; long-lived, since nothing renews it. */
	private static byte[] selfSigned(PrivateKey key, String signer, Instant now) {
		try {
			X500Name name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, signer)
				.addRDN(BCStyle.O, signer)
				.addRDN(BCStyle.C, "CN")
				.build();
			var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
					Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(365L * 30))), name,
					publicKey(key));
			builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
			builder.addExtension(Extension.keyUsage, true,
					new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
			ContentSigner contentSigner = new JcaContentSignerBuilder("SHA256withRSA").build(key);
			return pem("CERTIFICATE", builder.build(contentSigner).getEncoded()).getBytes(StandardCharsets.US_ASCII);
		}
		catch (IOException | OperatorCreationException e) {
			throw new IllegalStateException("无法生成签名证书 (cannot create the certificate)", e);
		}
	}

	private static PrivateKey privateKey(byte[] pem) {
		try {
			return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(unpem(pem)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("签名密钥文件无效 (signing key unreadable)", e);
		}
	}

	private static PublicKey publicKey(PrivateKey key) {
		try {
			RSAPrivateCrtKey rsa = (RSAPrivateCrtKey) key;
			return KeyFactory.getInstance("RSA")
				.generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
		}
		catch (GeneralSecurityException | ClassCastException e) {
			throw new IllegalStateException("签名密钥不是 RSA 密钥 (signing key is not RSA)", e);
		}
	}

	private static X509Certificate certificate(byte[] pem) {
		try {
			return (X509Certificate) CertificateFactory.getInstance("X.509")
				.generateCertificate(new java.io.ByteArrayInputStream(pem));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("签名证书文件无效 (certificate unreadable)", e);
		}
	}

	private static String commonName(X500Name name) {
		var cn = name.getRDNs(BCStyle.CN);
		return cn.length == 0 ? name.toString() : IETFUtils.valueToString(cn[0].getFirst().getValue());
	}

	private static byte[] encoded(X509Certificate certificate) {
		try {
			return certificate.getEncoded();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String pem(String type, byte[] der) {
		return "-----BEGIN " + type + "-----\n"
				+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der) + "\n-----END "
				+ type + "-----\n";
	}

	private static byte[] unpem(byte[] pem) {
		String text = new String(pem, StandardCharsets.US_ASCII).replaceAll("-----[A-Z ]+-----", "");
		return Base64.getMimeDecoder().decode(text);
	}

	private static byte[] sha256(byte[] data) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(data);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String hex(byte[] bytes) {
		return java.util.HexFormat.of().formatHex(bytes);
	}
}
