//! Whether a path given by a descriptor stays inside the directory it is relative to once
//! symbolic links are followed: a resource `data.csv` that is a link to `/etc/shadow` would
//! otherwise be read, and its lines printed in the report.

use std::path::Path;

/// `false` when `path` exists and, every link resolved, lies outside `dir`. A path that
/// does not exist (yet) passes: opening it fails later with its own message. For example
/// `pkg/data.csv` linked to `/etc/shadow` is outside `pkg`; `pkg/sub/../data.csv` is not
/// (the tests below build both).
pub(crate) fn stays_inside(dir: &Path, path: &Path) -> bool {
    let Ok(real) = path.canonicalize() else {
        return true;
    };
    // `Path::parent` of a bare file name is the empty path: the current directory.
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let Ok(dir) = dir.canonicalize() else {
        return false;
    };
    real.starts_with(dir)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    fn tempfile_in(dir: &Path) -> std::path::PathBuf {
        let file = dir.join(format!("conforme-contain-here-{}.csv", std::process::id()));
        std::fs::write(&file, "a\n").unwrap();
        file
    }

    #[test]
    fn links_out_of_the_directory_are_caught() {
        let root = std::env::temp_dir().join(format!("conforme-contain-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(root.join("pkg/sub")).unwrap();
        std::fs::write(root.join("secret.txt"), "x").unwrap();
        std::fs::write(root.join("pkg/data.csv"), "a\n").unwrap();
        let link = |target: &str, name: &str| {
            std::os::unix::fs::symlink(root.join(target), root.join("pkg").join(name)).unwrap()
        };
        link("secret.txt", "leak.csv");
        link("", "up");
        link("pkg/data.csv", "inside.csv");
        let pkg = root.join("pkg");
        assert!(stays_inside(&pkg, &pkg.join("data.csv")));
        assert!(stays_inside(&pkg, &pkg.join("inside.csv")));
        assert!(stays_inside(&pkg, &pkg.join("missing.csv")));
        assert!(!stays_inside(&pkg, &pkg.join("leak.csv")));
        assert!(!stays_inside(&pkg, &pkg.join("up/secret.txt")));
        // A descriptor named without a directory (`datapackage.json`) is relative to the
        // current directory, whose parent is the empty path.
        let here = std::env::current_dir().unwrap();
        let file = tempfile_in(&here);
        assert!(stays_inside(
            Path::new(""),
            Path::new(file.file_name().unwrap())
        ));
        std::fs::remove_file(&file).unwrap();
        std::fs::remove_dir_all(root).unwrap();
    }
}
