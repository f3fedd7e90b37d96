#!/usr/bin/env bash
# Starts CUPS with a virtual PDF printer, RegistrarPDF, for the printing tests: cups-pdf writes each job as a PDF
# into the job owner's ~/PDF (Debian's /etc/cups/cups-pdf.conf: Out ${HOME}/PDF). Safe to run more than once.
# Needs Debian's cups and printer-driver-cups-pdf, and root (cupsd, lpadmin).
set -euo pipefail

printer=RegistrarPDF
ppd=lsb/usr/cups-pdf/CUPS-PDF_noopt.ppd

if ! command -v cupsd >/dev/null || ! command -v lpadmin >/dev/null; then
  echo "ci-printer: CUPS is not installed (apt-get install cups printer-driver-cups-pdf)" >&2
  exit 1
fi

if ! lpstat -r 2>/dev/null | grep -q 'scheduler is running'; then
  # Without systemd nobody starts the scheduler; cupsd daemonises itself.
  cupsd
  for _ in $(seq 1 50); do
    lpstat -r 2>/dev/null | grep -q 'scheduler is running' && break
    sleep 0.2
  done
fi
lpstat -r | grep -q 'scheduler is running' || { echo "ci-printer: cupsd did not start" >&2; exit 1; }

if ! lpstat -p "$printer" >/dev/null 2>&1; then
  # lpadmin warns that printer drivers are deprecated; cups-pdf still ships only as a driver.
  lpadmin -p "$printer" -v cups-pdf:/ -m "$ppd" -E 2>/dev/null
fi
cupsenable "$printer"
cupsaccept "$printer"
lpadmin -d "$printer"
mkdir -p "$HOME/PDF"
echo "ci-printer: $(lpstat -p "$printer" | head -n 1); output goes to $HOME/PDF"
