package it.familyaudit.workflow.certificate;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the certificate says of who signs it and where it is verified.
 *
 * @param signatoryName  who signs the certificates for the audit council; none: the role alone
 * @param signatoryRole  the signatory's role ("Presidente del Consiglio dell'Audit" by default)
 * @param publicBaseUrl  the address people reach the application at (the QR code opens its
 *                       {@code /verifica} page); none: the address the certificate was asked at
 */
@ConfigurationProperties("family-audit.certificate")
public record CertificateProperties(String signatoryName, String signatoryRole, String publicBaseUrl) {

    public CertificateProperties {
        signatoryName = blankAsNull(signatoryName);
        signatoryRole = blankAsNull(signatoryRole) == null ? "Presidente del Consiglio dell'Audit" : signatoryRole.strip();
        publicBaseUrl = blankAsNull(publicBaseUrl) == null ? null : publicBaseUrl.strip().replaceAll("/+$", "");
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
