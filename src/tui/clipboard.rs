//! Copying a listing's apply link (or its e-mail) to the clipboard with
//! OSC 52: the terminal itself takes the text, so it works over SSH and in
//! tmux (with `set -g set-clipboard on`), with no clipboard program and
//! nothing global: the escape goes to the session's own terminal.

use base64::Engine;

use super::action::{Effect, Tab};
use super::state::State;

/// The escape that asks the terminal to put `text` on the clipboard.
/// Control characters are dropped first, so a listing's text can never
/// smuggle an escape of its own into what is pasted.
pub fn osc52(text: &str) -> String {
    let clean = crate::display::scrub(text, false);
    let b64 = base64::engine::general_purpose::STANDARD.encode(clean.trim());
    format!("\x1b]52;c;{b64}\x07")
}

/// What `copy-link` copies on the screen shown: the listing's apply link,
/// or its e-mail when it has none; with what it is, for the message.
pub fn link_to_copy(st: &State) -> Option<(&'static str, String)> {
    if st.tab != Tab::Listings {
        return None;
    }
    let l = st.listings.detail.as_ref()?;
    let url = l.apply_url.trim();
    let email = l.contact_email.trim();
    if !url.is_empty() {
        Some(("apply link", url.to_string()))
    } else if !email.is_empty() {
        Some(("e-mail", email.to_string()))
    } else {
        None
    }
}

/// The `copy-link` command: the effect that writes the escape, and a
/// message saying what was copied.
pub fn copy_link(st: &mut State) -> Vec<Effect> {
    match link_to_copy(st) {
        Some((what, text)) => {
            st.flash(format!(
                "Copied the {what} to the clipboard (OSC 52; in tmux: set -g set-clipboard on): {text}"
            ));
            vec![Effect::CopyToClipboard(text)]
        }
        None => {
            st.flash("Nothing to copy here: select a listing on the Listings tab");
            Vec::new()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn osc52_carries_the_text_in_base64() {
        assert_eq!(
            osc52("https://example.com/jobs/1"),
            "\x1b]52;c;aHR0cHM6Ly9leGFtcGxlLmNvbS9qb2JzLzE=\x07"
        );
        // an escape inside the text is dropped, not passed on
        let evil = osc52("a\x1b]52;c;Zm9v\x07b");
        let b64 = evil
            .trim_start_matches("\x1b]52;c;")
            .trim_end_matches('\x07');
        let back = base64::engine::general_purpose::STANDARD
            .decode(b64)
            .expect("base64");
        assert_eq!(back, b"a]52;c;Zm9vb");
    }
}
