#!/bin/sh
# The nightly report job: reads the day's orders (/data/orders.csv: id,customer,cents) and mails
# a summary to $REPORT_TO through the SMTP server at $MAIL_HOST:$MAIL_PORT, then exits with
# msmtp's status (0 when the server accepted the mail).
#   MAIL_HOST, MAIL_PORT     where to send (required)
#   REPORT_TO                who gets the report (required)
#   MAIL_TLS_CA_FILE         if set: STARTTLS, trusting only this CA, hostname checked
#   MAIL_USER, MAIL_PASSWORD if set: AUTH PLAIN (only over TLS)
set -eu

orders=0
total=0
lines=""
ORDERS_FILE="${ORDERS_FILE:-/data/orders.csv}"
if [ -r "$ORDERS_FILE" ]; then
  while IFS=, read -r id customer cents; do
    [ -n "$id" ] || continue
    orders=$((orders + 1))
    total=$((total + cents))
    lines="$lines$(printf '  %-8s %-24s %6d.%02d EUR' "$id" "$customer" $((cents / 100)) $((cents % 100)))
"
  done < "$ORDERS_FILE"
fi

set -- --host="$MAIL_HOST" --port="$MAIL_PORT" --domain=report-job.test --from=reports@shop.test
if [ -n "${MAIL_TLS_CA_FILE:-}" ]; then
  set -- "$@" --tls=on --tls-starttls=on --tls-certcheck=on --tls-trust-file="$MAIL_TLS_CA_FILE"
else
  set -- "$@" --tls=off
fi
if [ -n "${MAIL_USER:-}" ]; then
  set -- "$@" --auth=plain --user="$MAIL_USER" --passwordeval='echo "$MAIL_PASSWORD"'
else
  set -- "$@" --auth=off
fi

# Plain LF line ends: msmtp sends them as CRLF.
printf 'From: Shop reports <reports@shop.test>\nTo: %s\nSubject: Nightly report: %d orders\n\n%s\n\n%sTotal: %d.%02d EUR\n' \
  "$REPORT_TO" "$orders" "Orders of the day:" "$lines" $((total / 100)) $((total % 100)) \
  | msmtp "$@" -- "$REPORT_TO"
echo "report-job: mailed the report on $orders orders to $REPORT_TO"
