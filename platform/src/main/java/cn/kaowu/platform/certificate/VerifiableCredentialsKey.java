package cn.kaowu.platform.certificate;

import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.cert.CertificateEncodingException;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64;
import cn.kaowu.platform.document.PdfSignatures;
import org.springframework.stereotype.Component;

/**
 * The document key of {@link PdfSignatures} as a JWK and the one place that signs credentials with it: VC-JOSE
 * (compact JWS, RS256, {@code typ: vc+jwt}, {@code cty: vc}, {@code kid} the key's RFC 7638 thumbprint, which is also its
 * {@code kid} in the published JWKS).
 */
@Component
class VerifiableCredentialsKey {

	static final JOSEObjectType VC_JWT = new JOSEObjectType("vc+jwt");

	private final RSAKey publicJwk;

	private final RSASSASigner signer;

	VerifiableCredentialsKey(PdfSignatures signatures) {
		var pair = signatures.keyPair();
		try {
			RSAKey bare = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).build();
			String kid = bare.computeThumbprint().toString();
			this.publicJwk = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).keyID(kid)
				.keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.x509CertChain(List.of(Base64.encode(signatures.certificate().getEncoded())))
				.build();
			this.signer = new RSASSASigner((RSAPrivateKey) pair.getPrivate());
		}
		catch (JOSEException | CertificateEncodingException e) {
			throw new IllegalStateException("无法读取文档签名密钥 (document key unusable for JWS)", e);
		}
	}

	String kid() {
		return publicJwk.getKeyID();
	}

	/** The public key set, JSON ({@code {"keys":[…]}}). */
	String jwks() {
		return new JWKSet(publicJwk).toString(true);
	}

	/** The payload (a credential) as a compact JWS. */
	String sign(Map<String, Object> credential) {
		JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).type(VC_JWT).contentType("vc").keyID(kid()).build();
		JWSObject jws = new JWSObject(header, new Payload(credential));
		try {
			jws.sign(signer);
		}
		catch (JOSEException e) {
			throw new IllegalStateException("签名失败 (JWS signing failed)", e);
		}
		return jws.serialize();
	}
}
