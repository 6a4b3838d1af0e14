//! The hostile-input fuzz targets (`fuzz/targets/`), run on stable as a bounded,
//! deterministic loop: each target gets its seeds (`fuzz/seeds/<target>/`) and a fixed
//! number of mutations of them (bit flips, byte insertions and deletions, repeated runs,
//! splices between seeds, interesting numbers). Long coverage-guided runs use cargo-fuzz on
//! nightly (`cd fuzz && cargo +nightly fuzz run spreadsheet`); this keeps every target
//! building and its oracle holding in the ordinary test command.
//!
//! `CONFORME_FUZZ_ITERATIONS` sets the mutations per target (default 100); the seed of the
//! generator is fixed, so a failure reproduces; its input is printed.

#[path = "../../fuzz/targets/mod.rs"]
#[allow(dead_code)]
mod targets;

use std::path::Path;

/// xorshift64*: a small deterministic generator.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

const INTERESTING: &[&[u8]] = &[
    b"0",
    b"-1",
    b"4294967295",
    b"18446744073709551616",
    b"1048576",
    b"XFD",
    b"1e400",
    b",",
    b",,",
    b"]",
    b"}",
    b"\"",
    b"\\",
    b"\x00",
    b"\xff\xfe",
    b"\xef\xbb\xbf",
    b"\x1b[2J",
    b"<",
    b"..",
    b"/",
    b"\n",
    b"\r\n",
    b"`",
    b"|",
];

fn mutate(rng: &mut Rng, input: &[u8], seeds: &[Vec<u8>]) -> Vec<u8> {
    let mut out = input.to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(out.len() + 1);
        match rng.below(7) {
            0 if !out.is_empty() => {
                let i = at.min(out.len() - 1);
                out[i] ^= 1 << rng.below(8);
            }
            1 => out.insert(at, rng.next() as u8),
            2 if !out.is_empty() => {
                let end = (at + 1 + rng.below(16)).min(out.len());
                out.drain(at.min(end)..end);
            }
            3 => {
                let word = INTERESTING[rng.below(INTERESTING.len())];
                out.splice(at..at, word.iter().copied());
            }
            4 if !out.is_empty() => {
                // A run repeated: deep nesting, long rows, many items.
                let start = at.min(out.len() - 1);
                let end = (start + 1 + rng.below(8)).min(out.len());
                let run = out[start..end].to_vec();
                for _ in 0..rng.below(64) {
                    out.splice(start..start, run.iter().copied());
                }
            }
            5 if !seeds.is_empty() => {
                let other = &seeds[rng.below(seeds.len())];
                let from = rng.below(other.len() + 1);
                out.truncate(at);
                out.extend_from_slice(&other[from..]);
            }
            _ => {
                let n = rng.below(8).min(out.len());
                out.truncate(out.len() - n);
            }
        }
    }
    out.truncate(64 * 1024);
    out
}

fn seeds(target: &str) -> Vec<Vec<u8>> {
    let dir = conforme_tests::workspace_root()
        .join("fuzz/seeds")
        .join(target);
    let mut out: Vec<Vec<u8>> = read_dir(&dir);
    out.push(Vec::new());
    out
}

fn read_dir(dir: &Path) -> Vec<Vec<u8>> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("seeds {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    files.sort();
    files.iter().map(|p| std::fs::read(p).unwrap()).collect()
}

fn iterations() -> usize {
    std::env::var("CONFORME_FUZZ_ITERATIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100)
}

/// Every seed, then `iterations()` mutants, through `run`; on a panic the input is shown.
fn fuzz(target: &str, run: fn(&[u8])) {
    let seeds = seeds(target);
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ target.len() as u64);
    let mut inputs: Vec<Vec<u8>> = seeds.clone();
    for i in 0..iterations() {
        let base = &seeds[i % seeds.len()];
        inputs.push(mutate(&mut rng, base, &seeds));
    }
    for input in inputs {
        let outcome = std::panic::catch_unwind(|| run(&input));
        if let Err(panic) = outcome {
            let what = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                .unwrap_or_default();
            panic!(
                "{target} failed on {:?}: {what}",
                String::from_utf8_lossy(&input)
            );
        }
    }
}

#[test]
fn spreadsheet() {
    fuzz("spreadsheet", targets::spreadsheet::run);
}

#[test]
fn zip_archive() {
    fuzz("zip_archive", targets::zip_archive::run);
}

#[test]
fn json_split() {
    fuzz("json_split", targets::json_split::run);
}

#[test]
fn schema() {
    fuzz("schema", targets::schema::run);
}

#[test]
fn package() {
    fuzz("package", targets::package::run);
}

#[test]
fn render() {
    fuzz("render", targets::render::run);
}
