"""Runtime hook of the frozen app: let TLS find this computer's certificate authorities.

The bundle carries the OpenSSL of the machine it was built on, and that OpenSSL looks for
trusted certificates where the build machine's distribution keeps them (Debian's
/usr/lib/ssl). On Fedora, openSUSE or macOS they live elsewhere, so sending over
STARTTLS/SSL would fail with "certificate could not be verified", while the installed app
(whose Python uses the system's OpenSSL) works. Point OpenSSL at the system's bundle
unless the user already chose one. Windows is left alone: Python reads its certificate
store there.
"""

import os
import sys

_SYSTEM_BUNDLES = (
    "/etc/ssl/certs/ca-certificates.crt",  # Debian, Ubuntu, Arch, Gentoo
    "/etc/pki/tls/certs/ca-bundle.crt",  # Fedora, RHEL
    "/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem",  # Fedora, RHEL (newer layout)
    "/etc/ssl/ca-bundle.pem",  # openSUSE
    "/etc/ssl/cert.pem",  # macOS, Alpine
)

if sys.platform != "win32" and not (os.environ.get("SSL_CERT_FILE") or os.environ.get("SSL_CERT_DIR")):
    for _bundle in _SYSTEM_BUNDLES:
        if os.path.isfile(_bundle):
            os.environ["SSL_CERT_FILE"] = _bundle
            break
