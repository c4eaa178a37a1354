//! Loads the bundled sample county, validates it and prints a summary.

fn main() {
    println!("shuangsuiji county example: sample data not bundled yet");
}
