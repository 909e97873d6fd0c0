#!/usr/bin/env bash
# Installs the Debian packages the test suite needs, only when missing:
#   chromium       the browser for Playwright and Lighthouse (never a downloaded browser build)
#   postgresql     a real PostgreSQL 15 server for the DB suite and the multi-instance tests
#   python3-nacl   an independent libsodium binding for the crypto interop tests
set -euo pipefail

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
/usr/bin/python3 -c 'import nacl' 2>/dev/null || missing+=(python3-nacl)

if [ ${#missing[@]} -eq 0 ]; then
	echo "system-deps: chromium, postgresql and python3-nacl are installed"
	exit 0
fi

echo "system-deps: installing ${missing[*]} with apt-get (Debian packages)"
if [ "$(id -u)" -ne 0 ]; then
	if command -v sudo >/dev/null; then SUDO=sudo; else
		echo "system-deps: not root and no sudo; please install: apt-get install ${missing[*]}" >&2
		exit 1
	fi
else SUDO=; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "system-deps: installed ${missing[*]}"
