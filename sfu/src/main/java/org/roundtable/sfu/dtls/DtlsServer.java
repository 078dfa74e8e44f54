package org.roundtable.sfu.dtls;

import java.io.IOException;
import java.util.Hashtable;
import java.util.List;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.ClientCertificateType;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.roundtable.sfu.srtp.SrtpProfile;

/**
 * Our DTLS 1.2 server side (the SFU is always {@code a=setup:passive}): ECDSA certificate,
 * requires the client certificate and checks it against the SDP fingerprint, negotiates
 * use_srtp by our preference, exports the SRTP keys. Used by one handshake thread.
 */
final class DtlsServer extends DefaultTlsServer {
    private final DtlsCertificate certificate;
    private final DtlsFingerprint expectedPeer;
    private final List<SrtpProfile> preference;
    private SrtpProfile chosen;
    private final DtlsOutcome outcome = new DtlsOutcome();

    DtlsServer(DtlsCertificate certificate, DtlsFingerprint expectedPeer, List<SrtpProfile> preference) {
        super(DtlsCrypto.shared());
        this.certificate = certificate;
        this.expectedPeer = expectedPeer;
        this.preference = List.copyOf(preference);
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return ProtocolVersion.DTLSv12.only();
    }

    @Override
    protected int[] getSupportedCipherSuites() {
        return DtlsCrypto.cipherSuites();
    }

    @Override
    protected TlsCredentialedSigner getECDSASignerCredentials() {
        return certificate.signer(context, (BcTlsCrypto) getCrypto());
    }

    @Override
    public CertificateRequest getCertificateRequest() {
        return new CertificateRequest(new short[] {ClientCertificateType.ecdsa_sign, ClientCertificateType.rsa_sign},
                TlsUtils.getDefaultSupportedSignatureAlgorithms(context), null);
    }

    @Override
    public void notifyClientCertificate(Certificate clientCertificate) throws IOException {
        if (clientCertificate == null || clientCertificate.isEmpty()) {
            throw new TlsFatalAlert(AlertDescription.handshake_failure, "client sent no certificate");
        }
        if (!expectedPeer.matches(clientCertificate.getCertificateAt(0).getEncoded())) {
            outcome.markFingerprintMismatch();
            throw new TlsFatalAlert(AlertDescription.bad_certificate, "client certificate does not match the SDP fingerprint");
        }
    }

    @Override
    public void processClientExtensions(Hashtable clientExtensions) throws IOException {
        super.processClientExtensions(clientExtensions);
        UseSRTPData offered = TlsSRTPUtils.getUseSRTPExtension(clientExtensions);
        if (offered == null) {
            throw new TlsFatalAlert(AlertDescription.handshake_failure, "client offered no use_srtp");
        }
        chosen = SrtpProfileChoice.choose(offered.getProtectionProfiles(), preference);
        if (chosen == null) {
            throw new TlsFatalAlert(AlertDescription.handshake_failure, "no common SRTP profile");
        }
    }

    @Override
    public Hashtable getServerExtensions() throws IOException {
        Hashtable extensions = super.getServerExtensions();
        TlsSRTPUtils.addUseSRTPExtension(extensions, new UseSRTPData(new int[] {chosen.dtlsId()}, TlsUtils.EMPTY_BYTES));
        return extensions;
    }

    @Override
    public boolean requiresExtendedMasterSecret() {
        return true; // the keying-material exporter needs it, and browsers negotiate it
    }

    @Override
    public int getHandshakeTimeoutMillis() {
        return DtlsCrypto.HANDSHAKE_TIMEOUT_MILLIS;
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        outcome.exportKeys(context, chosen);
    }

    @Override
    public void notifyAlertReceived(short alertLevel, short alertDescription) {
        outcome.onAlertReceived(alertDescription);
    }

    DtlsOutcome outcome() {
        return outcome;
    }
}
