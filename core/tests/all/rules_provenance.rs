//! Every rules file names the document and article it follows (issue #15 item 11), and
//! docs/rules-provenance.md lists it.

use std::path::Path;

#[test]
fn every_rules_file_cites_its_source_and_is_listed() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let doc = std::fs::read_to_string(root.join("../docs/rules-provenance.md"))
        .expect("docs/rules-provenance.md");
    let mut missing = Vec::new();
    for entry in std::fs::read_dir(root.join("src/rules")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name == "mod.rs" {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let module_doc: String = text
            .lines()
            .take_while(|l| l.starts_with("//!"))
            .collect::<Vec<_>>()
            .join("\n");
        // A source: a named document with an article, section or number.
        let cites = module_doc.contains("Source")
            && ["Art.", "号", "第"].iter().any(|m| module_doc.contains(m));
        if !cites {
            missing.push(format!("{name}: module doc cites no document and article"));
        }
        if !doc.contains(&format!("`{name}`")) {
            missing.push(format!("{name}: not listed in docs/rules-provenance.md"));
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}
