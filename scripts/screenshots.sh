#!/usr/bin/env bash
# The README's screenshots, from the real binary in a real terminal: the
# release build runs in a tmux session of 120x36 on the demo catalogue
# (in memory, nothing saved), each tab is captured with its colours
# (`tmux capture-pane -e`), drawn as a cell grid on the xterm palette
# (examples/ansi_svg.rs) and rendered to PNG by rsvg-convert with DejaVu
# Sans Mono, falling back to Lohit Devanagari for Hindi (₹ is in DejaVu),
# then reduced to 256 colours by pngquant (each image stays under 150 KB).
#
# Needs: tmux, rsvg-convert and the fonts
#   sudo apt-get install tmux librsvg2-bin pngquant fonts-dejavu-core fonts-lohit-deva
# Usage: scripts/screenshots.sh [OUT_DIR]   (default: docs/)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-docs}"
mkdir -p "$out"
for tool in tmux rsvg-convert pngquant; do
    command -v "$tool" >/dev/null || { echo "screenshots: $tool is not installed" >&2; exit 1; }
done
fc-list | grep -q "DejaVu Sans Mono" || echo "screenshots: DejaVu Sans Mono missing; text falls back" >&2
fc-list | grep -qi "Devanagari" || echo "screenshots: no Devanagari font; Hindi shows as boxes" >&2

cargo build --release --quiet
cargo build --release --quiet --example ansi_svg
bin="$PWD/target/release/backdesk"
svg="$PWD/target/release/examples/ansi_svg"
work="$(mktemp -d)"
sock="backdesk-shots-$$"
t() { tmux -L "$sock" "$@"; }
cleanup() { t kill-server 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

# an empty home (no config, no database): what a new user sees
t new-session -d -s shots -x 120 -y 36 \
    "env -u NO_COLOR -u BACKDESK_DB -u BACKDESK_CONFIG HOME=$work XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data TERM=xterm-256color $bin --demo"
t set -g status off
sleep 2

# one key at a time: an Escape followed at once by a letter reads as Alt
keys() {
    if [ "$1" = -l ]; then t send-keys -t shots -l "$2"; sleep 0.6; return; fi
    for k in "$@"; do t send-keys -t shots "$k"; sleep 0.4; done
}
shot() {
    local name="$1"
    t capture-pane -t shots -e -p >"$work/$name.ansi"
    "$svg" "$work/$name.ansi" "$work/$name.svg" 120 36
    rsvg-convert -o "$work/$name.png" "$work/$name.svg"
    # 256 colours are plenty for a terminal: a third of the size
    pngquant --force --strip --quality 70-95 --output "$out/$name.png" "$work/$name.png"
    echo "$out/$name.png: $(wc -c <"$out/$name.png") bytes"
}

# Listings: a search, read as words and a place (the app opens in the
# search box)
keys -l "payroll pune"
keys Escape
shot listings
# Roles: the detail of Data Entry Specialist (with its Hindi title)
keys 2
keys Escape
shot roles
# Salaries: market figures beside the role bands
keys 3
shot salaries
# Tracker: save a few listings, apply to one, then the board and the list
keys 1 /
keys C-w C-w
keys -l "data entry"
keys Escape s j s j a j s j s
keys 4
shot tracker
keys v
shot tracker-list
keys q
