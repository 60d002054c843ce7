#!/usr/bin/env bash
# Runs the whole test suite; installs Debian's Chromium, PostgreSQL and nginx first when they are missing.
# Last line: "N passed, N failed, N skipped", read from the TRX results. Exit code: dotnet test's.
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
repo_root="$(pwd)"
results_dir="$repo_root/TestResults"

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
export TEST_RESULTS_DIR="$results_dir"

if [ ! -x "$CHROMIUM_PATH" ]; then
    echo "==> Installing chromium (missing at $CHROMIUM_PATH)"
    sudo_cmd=""
    if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
    $sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get update -qq || exit 1
    $sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null || exit 1
    if [ ! -x "$CHROMIUM_PATH" ]; then
        echo "chromium is still missing at $CHROMIUM_PATH after apt-get install" >&2
        exit 1
    fi
fi

# The two-instance test (Hosting/TwoInstanceTests) runs nginx itself, as a plain process from a temporary folder: the
# package only has to be there; its system service is neither enabled nor started here.
export NGINX_PATH="${NGINX_PATH:-/usr/sbin/nginx}"
if [ ! -x "$NGINX_PATH" ]; then
    echo "==> Installing nginx (missing at $NGINX_PATH)"
    sudo_cmd=""
    if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
    $sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get update -qq || exit 1
    $sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null || exit 1
    # Debian starts the service on port 80 where systemd runs: the tests do not use it.
    if [ -d /run/systemd/system ]; then $sudo_cmd systemctl disable --now nginx >/dev/null 2>&1 || true; fi
    if [ ! -x "$NGINX_PATH" ]; then
        echo "nginx is still missing at $NGINX_PATH after apt-get install" >&2
        exit 1
    fi
fi

# shellcheck source=postgres.sh
source "$repo_root/scripts/postgres.sh" || { echo "PostgreSQL could not be made available"; echo "0 passed, 1 failed, 0 skipped"; exit 1; }

if [ -f dotnet-tools.json ] || [ -f .config/dotnet-tools.json ]; then
    echo "==> dotnet tool restore"
    dotnet tool restore || exit 1
fi

rm -rf "$results_dir"
mkdir -p "$results_dir"

echo "==> dotnet test CoupDePousse.sln"
dotnet test CoupDePousse.sln \
    --logger "trx" \
    --logger "console;verbosity=normal" \
    --results-directory "$results_dir"
test_exit=$?

python3 - "$results_dir" <<'PY'
import glob, sys
import xml.etree.ElementTree as ET

passed = failed = skipped = 0
reports = glob.glob(f"{sys.argv[1]}/**/*.trx", recursive=True)
if not reports:
    print("No TRX results were written: the build or the test host failed before any test ran.")
for path in reports:
    for counters in ET.parse(path).getroot().iter():
        if not counters.tag.endswith("}Counters") and counters.tag != "Counters":
            continue
        count = lambda name: int(counters.get(name, "0"))
        passed += count("passed")
        failed += count("failed") + count("error") + count("timeout") + count("aborted")
        # xunit's skipped tests are counted in total but not in executed (notExecuted stays 0).
        skipped += count("total") - count("executed")
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY

exit "$test_exit"
