//! Prints the README's key table, made from the command table:
//! `cargo run --example keys_table` (a test checks the README against it).

fn main() {
    print!("{}", backdesk::keys::markdown_table());
}
