#!/usr/bin/env bash
# HR's pages at scale: times each page through the app's services and as hand-written SQL on one generated database,
# checks both give the same rows and figures, and prints median, p95, allocations and ratio against the targets.
# Generates the database first when it does not exist (Development data only; never a production database).
#
#   scripts/benchmark.sh [--cases 100000] [--database PATH] [--runs 20]
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
cases=100000
database=""
runs=20
while [ $# -gt 0 ]; do
    case "$1" in
        --cases) cases="$2"; shift 2 ;;
        --database) database="$2"; shift 2 ;;
        --runs) runs="$2"; shift 2 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
if [ -z "$database" ]; then
    # The 100 000-case database is the one scripts/circuits.sh uses too.
    if [ "$cases" = 100000 ]; then database="CoupDePousse.App/data/bench.db"; else database="CoupDePousse.App/data/bench-$cases.db"; fi
fi
database="$(realpath -m "$database")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
echo "==> Building (Release)"
dotnet build CoupDePousse.Benchmarks -c Release -v quiet -nologo | tail -n 3

if [ ! -f "$database" ]; then
    echo "==> Generating $cases cases into $database"
    mkdir -p "$(dirname "$database")"
    ASPNETCORE_ENVIRONMENT=Development dotnet run -c Release --no-build --project CoupDePousse.App -- \
        generate --cases "$cases" "--Database:Path=$database" --Demo:History=false
fi

echo "==> Timing HR's pages"
dotnet run -c Release --no-build --project CoupDePousse.Benchmarks -- queries --database "$database" --runs "$runs"
