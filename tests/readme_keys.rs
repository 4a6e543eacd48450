//! The README's key table is the command table: regenerate it with
//! `cargo run --example keys_table` when a command or key changes.

#[test]
fn the_readme_key_table_is_the_command_table() {
    let readme = include_str!("../README.md");
    let start = readme
        .find("<!-- keys:start")
        .expect("the keys:start marker");
    let body = &readme[start..];
    let body = &body[body.find("-->").expect("marker end") + 4..];
    let end = body.find("<!-- keys:end -->").expect("the keys:end marker");
    let table = &body[..end];
    let expected = backdesk::keys::markdown_table();
    assert!(
        table == expected,
        "README's Keys table is out of date; replace it with the output of \
         `cargo run --example keys_table`:\n{expected}"
    );
    // and it names every command
    for c in backdesk::keys::Command::ALL {
        assert!(table.contains(&format!("`{}`", c.name())), "{}", c.name());
    }
}
