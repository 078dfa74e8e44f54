package org.roundtable.sfu.dtls;

import java.io.IOException;
import java.util.Hashtable;
import java.util.List;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsExtensionsUtils;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.roundtable.sfu.srtp.SrtpProfile;

/**
 * Our DTLS 1.2 client side (tests and the load test, {@code a=setup:active}): offers use_srtp
 * with the given profiles, checks the server certificate against the SDP fingerprint, presents
 * its own ECDSA certificate, exports the SRTP keys. Used by one handshake thread.
 */
final class DtlsClient extends DefaultTlsClient {
    private final DtlsCertificate certificate;
    private final DtlsFingerprint expectedPeer;
    private final List<SrtpProfile> offered;
    private SrtpProfile chosen;
    private final DtlsOutcome outcome = new DtlsOutcome();

    DtlsClient(DtlsCertificate certificate, DtlsFingerprint expectedPeer, List<SrtpProfile> offered) {
        super(DtlsCrypto.shared());
        this.certificate = certificate;
        this.expectedPeer = expectedPeer;
        this.offered = List.copyOf(offered);
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
    public Hashtable getClientExtensions() throws IOException {
        Hashtable extensions = TlsExtensionsUtils.ensureExtensionsInitialised(super.getClientExtensions());
        int[] ids = offered.stream().mapToInt(SrtpProfile::dtlsId).toArray();
        TlsSRTPUtils.addUseSRTPExtension(extensions, new UseSRTPData(ids, TlsUtils.EMPTY_BYTES));
        return extensions;
    }

    @Override
    public void processServerExtensions(Hashtable serverExtensions) throws IOException {
        super.processServerExtensions(serverExtensions);
        UseSRTPData answer = TlsSRTPUtils.getUseSRTPExtension(serverExtensions);
        if (answer == null || answer.getProtectionProfiles().length != 1) {
            throw new TlsFatalAlert(AlertDescription.illegal_parameter, "server must choose exactly one SRTP profile");
        }
        SrtpProfile p = SrtpProfile.fromDtlsId(answer.getProtectionProfiles()[0]);
        if (p == null || !offered.contains(p)) {
            throw new TlsFatalAlert(AlertDescription.illegal_parameter, "server chose an SRTP profile we did not offer");
        }
        chosen = p;
    }

    @Override
    public TlsAuthentication getAuthentication() {
        return new TlsAuthentication() {
            @Override
            public void notifyServerCertificate(TlsServerCertificate serverCertificate) throws IOException {
                if (serverCertificate.getCertificate().isEmpty()
                        || !expectedPeer.matches(serverCertificate.getCertificate().getCertificateAt(0).getEncoded())) {
                    outcome.markFingerprintMismatch();
                    throw new TlsFatalAlert(AlertDescription.bad_certificate, "server certificate does not match the SDP fingerprint");
                }
            }

            @Override
            public TlsCredentials getClientCredentials(CertificateRequest request) {
                return certificate.signer(context, (BcTlsCrypto) getCrypto());
            }
        };
    }

    @Override
    public boolean requiresExtendedMasterSecret() {
        return true;
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
