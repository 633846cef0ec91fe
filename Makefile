# Meridian: `make demo` runs the product, `make test` runs every test.
# Builds go to CARGO_TARGET_DIR (see .cargo/config.toml) so they are reused between clones.

SHELL := /bin/bash
TARGET := $(or $(CARGO_TARGET_DIR),/var/tmp/meridian-target)
APP := $(TARGET)/debug/meridian-desktop
CLI := $(TARGET)/debug/meridian
# Tests that need a display run on a private X server with their own session bus.
XVFB := xvfb-run -a -s "-screen 0 1280x800x24"

.PHONY: demo test deps ui build bindings reseed

deps:
	@.ci/deps

ui: deps
	npm --prefix ui run build

build: ui
	cargo build -p meridian-cli -p meridian-desktop

## Seeds the demo store (unless one exists), starts the platform sandbox, opens the app syncing from it.
demo: build
	$(CLI) seed --demo --if-missing
	$(CLI) stats
	.ci/demo-run $(CLI) $(APP)

## Every test: Rust units and contracts (SQLite and PostgreSQL), UI units, and the real window.
test: build
	npm --prefix ui test
	$(XVFB) dbus-run-session -- .ci/with-keyring cargo nextest run --workspace --no-fail-fast

## Regenerates ui/src/lib/bindings.ts from the Rust commands.
bindings:
	MERIDIAN_WRITE_BINDINGS=1 cargo test -p meridian-desktop --lib ui_bindings_are_current

## Replaces the demo store with a fresh one.
reseed: build
	$(CLI) seed --demo --force

## Measures store speed on 100k conversations / 1M messages and the app's cold start and memory.
bench: deps
	.ci/bench
