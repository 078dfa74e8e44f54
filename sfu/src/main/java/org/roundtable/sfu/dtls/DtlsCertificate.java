package org.roundtable.sfu.dtls;

import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Date;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.operator.DefaultDigestAlgorithmIdentifierFinder;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.bc.BcECContentSignerBuilder;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.bouncycastle.tls.TlsContext;

/**
 * A self-signed ECDSA P-256 certificate for DTLS, with its SHA-256 fingerprint. Generating one
 * costs ~0.5 s: make it once (at server start, or once per process for clients). Immutable.
 */
public final class DtlsCertificate {
    private static final SignatureAndHashAlgorithm ECDSA_SHA256 =
            SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa);

    private final AsymmetricKeyParameter privateKey;
    private final byte[] der;
    private final Certificate chain;
    private final DtlsFingerprint fingerprint;

    private DtlsCertificate(AsymmetricKeyParameter privateKey, byte[] der) throws IOException {
        this.privateKey = privateKey;
        this.der = der;
        TlsCertificate tlsCert = DtlsCrypto.shared().createCertificate(der);
        this.chain = new Certificate(new TlsCertificate[] {tlsCert});
        this.fingerprint = DtlsFingerprint.of("sha-256", der);
    }

    public static DtlsCertificate generate(String commonName) {
        try {
            SecureRandom random = new SecureRandom();
            X9ECParameters curve = ECNamedCurveTable.getByOID(SECObjectIdentifiers.secp256r1);
            ECKeyPairGenerator generator = new ECKeyPairGenerator();
            generator.init(new ECKeyGenerationParameters(
                    new ECNamedDomainParameters(SECObjectIdentifiers.secp256r1, curve), random));
            AsymmetricCipherKeyPair pair = generator.generateKeyPair();

            long now = System.currentTimeMillis();
            X500Name name = new X500Name("CN=" + commonName);
            X509v3CertificateBuilder builder = new X509v3CertificateBuilder(name,
                    new BigInteger(64, random).abs().add(BigInteger.ONE),
                    new Date(now - 86_400_000L), new Date(now + 30L * 86_400_000L), name,
                    SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(pair.getPublic()));
            AlgorithmIdentifier sigAlg = new DefaultSignatureAlgorithmIdentifierFinder().find("SHA256withECDSA");
            AlgorithmIdentifier digAlg = new DefaultDigestAlgorithmIdentifierFinder().find(sigAlg);
            byte[] der = builder.build(new BcECContentSignerBuilder(sigAlg, digAlg).build(pair.getPrivate())).getEncoded();
            return new DtlsCertificate(pair.getPrivate(), der);
        } catch (IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot generate the DTLS certificate", e);
        }
    }

    /** "sha-256 AB:CD:..", as written into SDP. */
    public String fingerprint() {
        return fingerprint.toString();
    }

    public DtlsFingerprint dtlsFingerprint() {
        return fingerprint;
    }

    public byte[] der() {
        return der.clone();
    }

    Certificate chain() {
        return chain;
    }

    /** Signing credentials for one handshake. */
    TlsCredentialedSigner signer(TlsContext context, BcTlsCrypto crypto) {
        return new BcDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), crypto, privateKey, chain, ECDSA_SHA256);
    }
}
