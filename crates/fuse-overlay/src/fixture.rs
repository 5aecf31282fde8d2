//! Layer directories for unit tests: an upper dir, a work dir and lowers in
//! a fresh directory under the system's temp dir, removed on drop. Whiteouts
//! are 0:0 devices: making them needs CAP_MKNOD (root, or `unshare -Ur`).

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

use crate::{Layers, format};

pub struct Stack {
    dir: PathBuf,
    lowers: usize,
}

impl Stack {
    /// Empty `upper`, `work` and `lowers` lower dirs (`lower1` the topmost).
    pub fn new(lowers: usize) -> Stack {
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        let dir =
            std::env::temp_dir().join(format!("rcon-fuse-overlay-test-{}-{n}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        for name in ["upper", "work"] {
            fs::create_dir_all(dir.join(name)).unwrap();
        }
        for i in 1..=lowers {
            fs::create_dir_all(dir.join(format!("lower{i}"))).unwrap();
        }
        Stack { dir, lowers }
    }

    /// Layer `layer`'s directory: 0 the upper dir, 1.. the lowers.
    pub fn layer(&self, layer: usize) -> PathBuf {
        match layer {
            0 => self.dir.join("upper"),
            n => self.dir.join(format!("lower{n}")),
        }
    }

    pub fn work(&self) -> PathBuf {
        self.dir.join("work")
    }

    pub fn layers(&self) -> Layers {
        let lowers = (1..=self.lowers).map(|i| self.layer(i)).collect();
        Layers::new(self.layer(0), lowers, self.work()).unwrap()
    }

    /// Writes `text` into `rel` of `layer`, making its directories.
    pub fn file(&self, layer: usize, rel: &str, text: &str) -> PathBuf {
        let path = self.layer(layer).join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, text).unwrap();
        path
    }

    pub fn dir(&self, layer: usize, rel: &str) -> PathBuf {
        let path = self.layer(layer).join(rel);
        fs::create_dir_all(&path).unwrap();
        path
    }

    pub fn whiteout(&self, layer: usize, rel: &str) {
        let path = self.layer(layer).join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        nix::sys::stat::mknod(
            &path,
            nix::sys::stat::SFlag::S_IFCHR,
            nix::sys::stat::Mode::empty(),
            0,
        )
        .expect("making a whiteout (needs CAP_MKNOD: run as root or under `unshare -Ur`)");
    }

    pub fn opaque(&self, layer: usize, rel: &str) {
        xattr::set(self.dir(layer, rel), format::OPAQUE_XATTR, b"y").unwrap();
    }

    /// Whether `rel` of `layer` is a whiteout.
    pub fn is_whiteout(&self, layer: usize, rel: &str) -> bool {
        fs::symlink_metadata(self.layer(layer).join(rel)).is_ok_and(|m| format::is_whiteout(&m))
    }

    pub fn exists(&self, layer: usize, rel: &str) -> bool {
        fs::symlink_metadata(self.layer(layer).join(rel)).is_ok()
    }

    pub fn read(&self, layer: usize, rel: &str) -> String {
        fs::read_to_string(self.layer(layer).join(rel)).unwrap()
    }

    pub fn path(&self, layer: usize, rel: &str) -> PathBuf {
        self.layer(layer).join(Path::new(rel))
    }
}

impl Drop for Stack {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.dir);
    }
}
