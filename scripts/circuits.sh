#!/usr/bin/env bash
# HR dashboards in Chromium against a running app: server memory per live circuit, then many circuits clicking a cheap
# action every 5 s (p50/p95 click-to-render latency, dropped circuits). Each figure is printed with its target.
#
#   scripts/circuits.sh [--database PATH] [--circuits 200] [--duration 60] [any option of the circuits verb]
#
# --database is the app's Database:Path (relative to CoupDePousse.App/, its content root; default data/bench.db). When the
# file does not exist it is generated first with 100 000 cases. The app runs from its Release build in Development (demo
# accounts, no MFA for them) with the memory endpoint on, on a free local port, and is stopped on exit.
# Other options (--memory-circuits, --interval, --renderer-processes, ...) go to the benchmark: see its usage.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
repo_root="$(pwd)"
app_dir="$repo_root/CoupDePousse.App"

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"

database="data/bench.db"
cases=100000
port=""
benchmark_args=()
while [ $# -gt 0 ]; do
    case "$1" in
        --help|-h) sed -n '2,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
        --database) database="${2:?--database needs a path}"; shift 2 ;;
        --cases) cases="${2:?--cases needs a number}"; shift 2 ;;
        --port) port="${2:?--port needs a number}"; shift 2 ;;
        *) benchmark_args+=("$1" "${2:?$1 needs a value}"); shift 2 ;;
    esac
done
case "$database" in
    /*) database_path="$database" ;;
    *) database_path="$app_dir/$database" ;;
esac

if [ ! -x "$CHROMIUM_PATH" ]; then
    echo "==> Installing chromium (missing at $CHROMIUM_PATH)"
    sudo_cmd=""
    if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
    $sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    $sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    if [ ! -x "$CHROMIUM_PATH" ]; then
        echo "chromium is still missing at $CHROMIUM_PATH after apt-get install" >&2
        exit 1
    fi
fi

echo "==> dotnet build -c Release"
dotnet build CoupDePousse.Benchmarks -c Release --nologo -v quiet

if [ ! -f "$database_path" ]; then
    echo "==> Generating $database_path ($cases cases)"
    mkdir -p "$(dirname "$database_path")"
    (cd "$app_dir" && dotnet run -c Release --no-build -- generate --cases "$cases" "--Database:Path=$database_path" --Demo:History=false)
fi

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
if [ -z "$port" ]; then
    port=5099
    while ! port_free "$port"; do port=$((port + 1)); done
elif ! port_free "$port"; then
    echo "port $port is taken" >&2
    exit 1
fi
url="http://127.0.0.1:$port"

app_log="$(mktemp -t coupdepousse-circuits-app.XXXXXX.log)"
app_dll="$app_dir/bin/Release/net10.0/CoupDePousse.App.dll"
echo "==> Starting the app on $url over $database_path (log: $app_log)"
# From its project folder, as dotnet run does: appsettings and static web assets are found from the content root.
(
    cd "$app_dir"
    exec env ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="$url" \
        Database__Path="$database_path" \
        Diagnostics__Memory=true \
        Security__Login__RequestsPerAddressPerMinute=10000 \
        Logging__LogLevel__Default=Warning \
        dotnet "$app_dll"
) >"$app_log" 2>&1 &
app_pid=$!
stop_app() {
    if kill -0 "$app_pid" 2>/dev/null; then
        kill "$app_pid" 2>/dev/null || true
        wait "$app_pid" 2>/dev/null || true
    fi
}
trap stop_app EXIT

for _ in $(seq 1 180); do
    if curl -fsS -o /dev/null "$url/Account/Login" 2>/dev/null; then break; fi
    if ! kill -0 "$app_pid" 2>/dev/null; then
        echo "The app stopped while starting:" >&2
        tail -n 40 "$app_log" >&2
        exit 1
    fi
    sleep 1
done
if ! curl -fsS -o /dev/null "$url/Account/Login"; then
    echo "The app did not answer on $url within 3 minutes:" >&2
    tail -n 40 "$app_log" >&2
    exit 1
fi

echo "==> Database: $database_path ($(du -ch "$database_path"* | tail -n 1 | cut -f1))"
dotnet run -c Release --no-build --project CoupDePousse.Benchmarks -- circuits --url "$url" --pid "$app_pid" ${benchmark_args[@]+"${benchmark_args[@]}"}
