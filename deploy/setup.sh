#!/usr/bin/env bash
# Installs the Debian packages Rubdown builds and runs with. Idempotent: run it as often as you
# like; as root on Debian bookworm (or with sudo available).
set -euo pipefail

packages=(
    build-essential cmake ninja-build pkg-config
    libboost1.81-dev libboost-url1.81-dev
    nlohmann-json3-dev libsqlitecpp-dev libsqlite3-dev sqlite3
    libssl-dev ca-certificates
    libcli11-dev libhowardhinnant-date-dev tzdata libspdlog-dev prometheus-cpp-dev
    libgeonames-dev unicode-cldr-core
    libcairo2-dev fonts-dejavu-core
    catch2
    curl
)
# Tools for the end-to-end tests and benchmarks. Node.js may already come from elsewhere; Debian's
# npm conflicts with such an install, so it is only added when there is no node at all.
if [[ "${1:-}" == "--with-test-tools" ]]; then
    packages+=(wrk)
    # tests/fuzz/run.sh: clang with libFuzzer and the sanitizer runtimes (a Recommends of clang,
    # so it must be named when recommends are not installed).
    packages+=(clang-14 libclang-rt-14-dev)
    # The browser test drives Debian's chromium (never a browser downloaded by npm).
    packages+=(chromium)
    command -v node >/dev/null 2>&1 || packages+=(nodejs)
    command -v npm >/dev/null 2>&1 || packages+=(npm)
fi

missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
        missing+=("$package")
done
if ((${#missing[@]} == 0)); then
    echo "setup: all packages present"
    exit 0
fi

sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi
echo "setup: installing ${missing[*]}"
"${sudo_cmd[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
