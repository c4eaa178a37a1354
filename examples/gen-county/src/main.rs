//! Writes the synthetic sample county to `examples/data/huolinguole/` and refreshes the
//! statistics block of `examples/data/README.md`.

use std::fs;

use shuangsuiji_gen_county::{STATS_BEGIN, STATS_END, county_dir, data_dir, generate};

fn main() -> Result<(), shuangsuiji_gen_county::Error> {
    let data = generate()?;
    let dir = county_dir();
    fs::create_dir_all(&dir)?;
    for (name, bytes) in data.files()? {
        fs::write(dir.join(name), &bytes)?;
        println!("wrote {name} ({} bytes)", bytes.len());
    }
    let stats = data.stats_markdown();
    let readme = data_dir().join("README.md");
    match fs::read_to_string(&readme) {
        Ok(text) => match (text.find(STATS_BEGIN), text.find(STATS_END)) {
            (Some(b), Some(e)) if b < e => {
                let new = format!("{}{STATS_BEGIN}\n{stats}{}", &text[..b], &text[e..]);
                fs::write(&readme, new)?;
                println!("updated the statistics in {}", readme.display());
            }
            _ => println!(
                "{} has no statistics markers; statistics:\n{stats}",
                readme.display()
            ),
        },
        Err(_) => println!("statistics:\n{stats}"),
    }
    Ok(())
}
