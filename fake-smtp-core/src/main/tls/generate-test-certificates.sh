#!/usr/bin/env bash
# Generates the TEST-ONLY certificate authority and server certificate that fake-smtp ships.
# The private keys are public (they are in this repository): never trust this CA outside tests.
# Run once, from this folder, with a JDK's keytool and openssl on the PATH; it writes to
# ../resources/dev/fakesmtp/tls/. Validity: 36,500 days (a century) from the day it ran.
set -euo pipefail
cd "$(dirname "$0")"
OUT=../resources/dev/fakesmtp/tls
PASS=fake-smtp-test-only
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# 1. The certificate authority (EC P-256), a CA by its basic constraints.
keytool -genkeypair -alias ca -keyalg EC -groupname secp256r1 -sigalg SHA256withECDSA \
  -dname "CN=fake-smtp test CA - TEST ONLY - its private key is public" -validity 36500 \
  -ext bc:c -ext ku:c=keyCertSign,cRLSign \
  -keystore "$WORK/ca.p12" -storetype PKCS12 -storepass "$PASS" -keypass "$PASS"
keytool -exportcert -rfc -alias ca -keystore "$WORK/ca.p12" -storepass "$PASS" > "$OUT/fake-smtp-ca.pem"

# 2. The server key, and a certificate for localhost, 127.0.0.1 and ::1 signed by the CA.
keytool -genkeypair -alias server -keyalg EC -groupname secp256r1 -sigalg SHA256withECDSA \
  -dname "CN=localhost" -validity 36500 \
  -keystore "$OUT/fake-smtp-server.p12" -storetype PKCS12 -storepass "$PASS" -keypass "$PASS"
keytool -certreq -alias server -keystore "$OUT/fake-smtp-server.p12" -storepass "$PASS" > "$WORK/server.csr"
keytool -gencert -alias ca -keystore "$WORK/ca.p12" -storepass "$PASS" -validity 36500 \
  -sigalg SHA256withECDSA -rfc -infile "$WORK/server.csr" -outfile "$WORK/server.pem" \
  -ext san=dns:localhost,ip:127.0.0.1,ip:::1 -ext ku:c=digitalSignature,keyAgreement -ext eku=serverAuth
# 3. The server keystore holds the key with the chain server <- CA.
keytool -importcert -noprompt -alias ca -file "$OUT/fake-smtp-ca.pem" \
  -keystore "$OUT/fake-smtp-server.p12" -storepass "$PASS"
keytool -importcert -alias server -file "$WORK/server.pem" \
  -keystore "$OUT/fake-smtp-server.p12" -storepass "$PASS" -keypass "$PASS"
keytool -delete -alias ca -keystore "$OUT/fake-smtp-server.p12" -storepass "$PASS"
keytool -list -v -keystore "$OUT/fake-smtp-server.p12" -storepass "$PASS" | grep -E "Alias|Owner|Issuer|Valid|DNSName|IPAddress|Certificate chain length"
# 4. The same key and chain unencrypted, which is what the server loads: the key is public, and
#    the keystore's PBKDF2 (10,000 iterations for its MAC, key and certificates) made every JVM's
#    first STARTTLS about 100 ms slower. The keystore stays for tests and for keytool users.
openssl pkcs12 -in "$OUT/fake-smtp-server.p12" -passin "pass:$PASS" -nocerts -nodes | openssl pkey \
  -out "$OUT/fake-smtp-server-key.pem"
openssl pkcs12 -in "$OUT/fake-smtp-server.p12" -passin "pass:$PASS" -nokeys -clcerts | openssl x509 \
  > "$OUT/fake-smtp-server-chain.pem"
cat "$OUT/fake-smtp-ca.pem" >> "$OUT/fake-smtp-server-chain.pem"
