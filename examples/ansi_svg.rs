//! A terminal screen captured with colours (`tmux capture-pane -e -p`) as
//! an SVG image, a cell grid on the xterm palette, for
//! `scripts/screenshots.sh` to turn into a PNG (rsvg-convert draws the
//! text with fontconfig, so Devanagari falls back to a font that has it).
//!
//! `cargo run --example ansi_svg -- screen.ansi screen.svg [COLUMNS ROWS]`

use backdesk::tui::theme::rgb;
use ratatui::style::Color;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthChar;

type Rgb = (u8, u8, u8);

#[derive(Clone, Copy, PartialEq)]
struct Pen {
    fg: Option<Rgb>,
    bg: Option<Rgb>,
    bold: bool,
    underline: bool,
    reverse: bool,
    strike: bool,
}

const PEN: Pen = Pen {
    fg: None,
    bg: None,
    bold: false,
    underline: false,
    reverse: false,
    strike: false,
};

#[derive(Clone)]
struct Cell {
    text: String,
    pen: Pen,
}

struct Screen {
    rows: Vec<Vec<Cell>>,
    x: usize,
    y: usize,
    pen: Pen,
    cols: usize,
}

impl Screen {
    fn new(cols: usize, rows: usize) -> Screen {
        let blank = Cell {
            text: " ".into(),
            pen: PEN,
        };
        Screen {
            rows: vec![vec![blank; cols]; rows],
            x: 0,
            y: 0,
            pen: PEN,
            cols,
        }
    }
}

fn indexed(n: u16) -> Option<Rgb> {
    u8::try_from(n)
        .ok()
        .map(|i| rgb(Color::Indexed(i), Color::Reset))
}

impl vte::Perform for Screen {
    fn print(&mut self, c: char) {
        let Some(row) = self.rows.get_mut(self.y) else {
            return;
        };
        let w = c.width().unwrap_or(0);
        if w == 0 {
            // a vowel sign or virama joins the cluster before it
            if let Some(prev) = self.x.checked_sub(1).and_then(|x| row.get_mut(x)) {
                prev.text.push(c);
            }
            return;
        }
        if let Some(cell) = row.get_mut(self.x) {
            *cell = Cell {
                text: c.to_string(),
                pen: self.pen,
            };
            for k in 1..w {
                if let Some(next) = row.get_mut(self.x + k) {
                    *next = Cell {
                        text: String::new(),
                        pen: self.pen,
                    };
                }
            }
        }
        self.x = (self.x + w).min(self.cols);
    }

    fn execute(&mut self, byte: u8) {
        if byte == b'\n' {
            self.y += 1;
            self.x = 0;
        } else if byte == b'\r' {
            self.x = 0;
        }
    }

    fn csi_dispatch(&mut self, params: &vte::Params, _: &[u8], _: bool, action: char) {
        if action != 'm' {
            return;
        }
        let flat: Vec<u16> = params.iter().flat_map(|p| p.iter().copied()).collect();
        let mut i = 0;
        if flat.is_empty() {
            self.pen = PEN;
        }
        while i < flat.len() {
            let p = flat[i];
            let color = |i: &mut usize| -> Option<Rgb> {
                match flat.get(*i + 1) {
                    Some(5) => {
                        *i += 2;
                        flat.get(*i).and_then(|&n| indexed(n))
                    }
                    Some(2) => {
                        *i += 4;
                        let c = |k: usize| flat.get(*i - 3 + k).map_or(0, |&v| v as u8);
                        Some((c(1), c(2), c(3)))
                    }
                    _ => None,
                }
            };
            match p {
                0 => self.pen = PEN,
                1 => self.pen.bold = true,
                4 => self.pen.underline = true,
                7 => self.pen.reverse = true,
                9 => self.pen.strike = true,
                22 => self.pen.bold = false,
                24 => self.pen.underline = false,
                27 => self.pen.reverse = false,
                29 => self.pen.strike = false,
                30..=37 => self.pen.fg = indexed(p - 30),
                39 => self.pen.fg = None,
                40..=47 => self.pen.bg = indexed(p - 40),
                49 => self.pen.bg = None,
                90..=97 => self.pen.fg = indexed(p - 90 + 8),
                100..=107 => self.pen.bg = indexed(p - 100 + 8),
                38 => self.pen.fg = color(&mut i),
                48 => self.pen.bg = color(&mut i),
                _ => {}
            }
            i += 1;
        }
    }
}

fn hex((r, g, b): Rgb) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn svg(screen: &Screen) -> String {
    // xterm's defaults for the dark themes: light grey on black
    let (dfg, dbg) = ((229, 229, 229), (0, 0, 0));
    let (cw, ch, size) = (8.4_f64, 17.0_f64, 14.0_f64);
    let (w, h) = (cw * screen.cols as f64, ch * screen.rows.len() as f64);
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" \
         font-family=\"DejaVu Sans Mono, Lohit Devanagari, monospace\" font-size=\"{size}\">\n\
         <rect width=\"100%\" height=\"100%\" fill=\"{}\"/>\n",
        hex(dbg)
    );
    for (y, row) in screen.rows.iter().enumerate() {
        let top = ch * y as f64;
        let colours = |c: &Cell| {
            let (mut fg, mut bg) = (c.pen.fg.unwrap_or(dfg), c.pen.bg.unwrap_or(dbg));
            if c.pen.reverse {
                std::mem::swap(&mut fg, &mut bg);
            }
            (fg, bg)
        };
        for (x, c) in row.iter().enumerate() {
            let (_, bg) = colours(c);
            if bg != dbg {
                // half a pixel wider than a cell, so neighbours leave no seam
                out.push_str(&format!(
                    "<rect x=\"{:.1}\" y=\"{top}\" width=\"{:.1}\" height=\"{ch}\" fill=\"{}\"/>\n",
                    cw * x as f64,
                    cw + 0.5,
                    hex(bg)
                ));
            }
        }
        // the row's text in grapheme clusters, each drawn whole from the
        // cell it starts in: a Devanagari cluster the terminal spread over
        // several cells (a consonant, then its vowel sign) is shaped as one
        let mut text = String::new();
        let mut starts = Vec::new(); // (byte offset, cell)
        for (x, c) in row.iter().enumerate() {
            if !c.text.is_empty() {
                starts.push((text.len(), x));
                text.push_str(&c.text);
            }
        }
        for (at, g) in text.grapheme_indices(true) {
            if g.trim().is_empty() {
                continue;
            }
            let k = starts.partition_point(|&(o, _)| o <= at).saturating_sub(1);
            let x = starts.get(k).map_or(0, |&(_, x)| x);
            let c = &row[x];
            let (fg, _) = colours(c);
            let mut attrs = format!("fill=\"{}\"", hex(fg));
            if c.pen.bold {
                attrs.push_str(" font-weight=\"bold\"");
            }
            if c.pen.underline || c.pen.strike {
                let deco = if c.pen.strike {
                    "line-through"
                } else {
                    "underline"
                };
                attrs.push_str(&format!(" text-decoration=\"{deco}\""));
            }
            out.push_str(&format!(
                "<text x=\"{:.1}\" y=\"{:.1}\" {attrs}>{}</text>\n",
                cw * x as f64,
                top + ch * 0.78,
                escape(g)
            ));
        }
    }
    out.push_str("</svg>\n");
    out
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, output, rest @ ..] = args.as_slice() else {
        anyhow::bail!("usage: ansi_svg SCREEN.ansi OUT.svg [COLUMNS ROWS]");
    };
    let num = |i: usize, d: usize| rest.get(i).and_then(|s| s.parse().ok()).unwrap_or(d);
    let bytes = std::fs::read(input)?;
    let mut screen = Screen::new(num(0, 120), num(1, 36));
    let mut parser = vte::Parser::new();
    parser.advance(&mut screen, &bytes);
    std::fs::write(output, svg(&screen))?;
    Ok(())
}
