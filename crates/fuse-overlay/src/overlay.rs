//! The FUSE filesystem: requests from the kernel onto [`Layers`]. A node ID
//! (which FUSE also reports as `st_ino`) comes from a table of the underlying
//! inodes, so it stays stable for the mount's life across copy-up, and hard
//! links are one node with several names.

use std::collections::HashMap;
use std::ffi::OsStr;
use std::fs::{self, File, Metadata};
use std::io;
use std::os::unix::fs::{FileExt, MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock, RwLock, RwLockReadGuard, RwLockWriteGuard};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use fuser::{
    Errno, FileAttr, FileHandle, FileType, Filesystem, FopenFlags, Generation, INodeNo,
    KernelConfig, LockOwner, Notifier, OpenFlags, RenameFlags, ReplyAttr, ReplyCreate, ReplyData,
    ReplyDirectory, ReplyDirectoryPlus, ReplyEmpty, ReplyEntry, ReplyLseek, ReplyOpen, ReplyStatfs,
    ReplyWrite, ReplyXattr, Request, TimeOrNow, WriteFlags,
};
use nix::fcntl::OFlag;
use nix::sys::mman::{MapFlags, ProtFlags, mmap, munmap};
use nix::sys::stat::{Mode, SFlag};

use crate::ids::IdTranslation;
use crate::layers::{Found, Layers, Listed, UPPER, component, corrupt, shown_xattr, stored_xattr};

/// How long the kernel may trust names and attributes: only the container
/// changes its upper dir, and every change comes through here.
const TTL: Duration = Duration::from_secs(1);
const ROOT: u64 = 1;
/// The attributes of a name that does not exist (node ID 0).
const MISSING: FileAttr = FileAttr {
    ino: INodeNo(0),
    size: 0,
    blocks: 0,
    atime: UNIX_EPOCH,
    mtime: UNIX_EPOCH,
    ctime: UNIX_EPOCH,
    crtime: UNIX_EPOCH,
    kind: FileType::RegularFile,
    perm: 0,
    nlink: 0,
    uid: 0,
    gid: 0,
    rdev: 0,
    blksize: 0,
    flags: 0,
};
/// `__FMODE_EXEC`: the kernel opens a file with it to execute it.
const FMODE_EXEC: i32 = 0x20;
/// Largest program whose pages are pushed into the kernel's cache on its
/// first exec; bigger ones are read on demand.
const PRELOAD_MAX: u64 = 16 << 20;
/// The path of a node whose name was removed or replaced (never a real path:
/// no name holds a NUL).
const REMOVED: &str = "\0removed";

struct Node {
    /// Path in the merged view ("" for the root): the name last looked up.
    path: PathBuf,
    /// Every name the kernel looked it up by (several for hard links).
    names: Vec<PathBuf>,
    layer: usize,
    dir_layers: Vec<usize>,
    /// The kernel's lookup count; the node goes at zero.
    lookups: u64,
    /// Whether its pages were pushed into the kernel's cache on a first
    /// exec (see [`Overlay::preload`]); the kernel's inode, and its cache,
    /// live as long as the node.
    preloaded: bool,
}

impl Node {
    /// Sets where the node is found. Returns whether the kernel's cached
    /// attributes stop holding: a directory that became merged, or stopped
    /// being, changes its `st_nlink` (see [`Overlay::attr`]).
    fn set_layers(&mut self, layer: usize, dir_layers: Vec<usize>) -> bool {
        let was_merged = self.dir_layers.len() > 1;
        self.layer = layer;
        self.dir_layers = dir_layers;
        was_merged != (self.dir_layers.len() > 1)
    }
}

#[derive(Default)]
struct Tree {
    nodes: HashMap<u64, Node>,
    by_path: HashMap<PathBuf, u64>,
}

pub struct Overlay {
    /// The layers the merged view is made of: read to look names up and
    /// open files, written to change them (create, remove, rename, copy-up,
    /// setattr, xattr changes), so no lookup sees half a change. Reads and
    /// writes of open files take only the handle table.
    view: RwLock<Layers>,
    tree: Mutex<Tree>,
    /// Stable inode numbers, by (device, inode) of what backs a node.
    idents: Mutex<HashMap<(u64, u64), u64>>,
    next_ident: AtomicU64,
    files: RwLock<HashMap<u64, Arc<File>>>,
    dirs: Mutex<HashMap<u64, Arc<Vec<DirEntry>>>>,
    next_handle: AtomicU64,
    ids: IdTranslation,
    /// For dropping the kernel's cached attributes; set once the session
    /// exists, before the first request.
    notifier: Arc<OnceLock<Notifier>>,
    /// Held by the one thread pushing a program's pages. A push waits for
    /// pages the kernel is reading ahead, and those reads need a free
    /// thread: with one pusher at a time and two threads or more, one is.
    preloading: AtomicBool,
}

type Result<T> = std::result::Result<T, Errno>;

/// One entry of an open directory: node ID, type, name.
type DirEntry = (u64, FileType, std::ffi::OsString);

/// Who makes a new name, in the IDs of the namespace that mounted the
/// filesystem (the kernel's request IDs).
#[derive(Clone, Copy)]
struct Caller {
    uid: u32,
    gid: u32,
}

impl Caller {
    /// The container's root, which makes the mount points.
    const ROOT: Caller = Caller { uid: 0, gid: 0 };

    fn of(req: &Request) -> Caller {
        Caller {
            uid: req.uid(),
            gid: req.gid(),
        }
    }
}

/// What `setattr` changes.
struct Changes {
    mode: Option<u32>,
    uid: Option<u32>,
    gid: Option<u32>,
    size: Option<u64>,
    atime: Option<TimeOrNow>,
    mtime: Option<TimeOrNow>,
}

fn errno(e: io::Error) -> Errno {
    Errno::from(e)
}

fn kind_of(file_type: fs::FileType) -> FileType {
    FileType::from_std(file_type).unwrap_or(FileType::RegularFile)
}

fn time(secs: i64, nsecs: i64) -> SystemTime {
    if secs >= 0 {
        UNIX_EPOCH + Duration::new(secs as u64, nsecs as u32)
    } else {
        UNIX_EPOCH - Duration::from_secs(secs.unsigned_abs())
    }
}

impl Overlay {
    pub fn new(
        layers: Layers,
        ids: IdTranslation,
        notifier: Arc<OnceLock<Notifier>>,
    ) -> io::Result<Overlay> {
        let root = layers.root()?;
        let mut tree = Tree::default();
        tree.nodes.insert(
            ROOT,
            Node {
                path: PathBuf::new(),
                names: vec![PathBuf::new()],
                layer: root.layer,
                dir_layers: root.dir_layers,
                lookups: 1,
                preloaded: false,
            },
        );
        tree.by_path.insert(PathBuf::new(), ROOT);
        Ok(Overlay {
            view: RwLock::new(layers),
            tree: Mutex::new(tree),
            idents: Mutex::new(HashMap::new()),
            next_ident: AtomicU64::new(ROOT + 1),
            files: RwLock::new(HashMap::new()),
            dirs: Mutex::new(HashMap::new()),
            next_handle: AtomicU64::new(1),
            ids,
            notifier,
            preloading: AtomicBool::new(false),
        })
    }

    /// The view, to look names up in.
    fn view(&self) -> RwLockReadGuard<'_, Layers> {
        self.view.read().unwrap_or_else(|p| p.into_inner())
    }

    /// The view, to change.
    fn view_mut(&self) -> RwLockWriteGuard<'_, Layers> {
        self.view.write().unwrap_or_else(|p| p.into_inner())
    }

    fn tree(&self) -> std::sync::MutexGuard<'_, Tree> {
        self.tree.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The node's path and layers.
    fn node(&self, ino: INodeNo) -> Result<(PathBuf, usize, Vec<usize>)> {
        let tree = self.tree();
        let node = tree.nodes.get(&ino.0).ok_or(Errno::ESTALE)?;
        Ok((node.path.clone(), node.layer, node.dir_layers.clone()))
    }

    /// The stable number for what backs a node (`dev`, `ino` in its layer).
    fn ident(&self, dev: u64, ino: u64, is_root: bool) -> u64 {
        if is_root {
            return ROOT;
        }
        let mut idents = self.idents.lock().unwrap_or_else(|p| p.into_inner());
        *idents
            .entry((dev, ino))
            .or_insert_with(|| self.next_ident.fetch_add(1, Ordering::Relaxed))
    }

    /// Gives the copy-up of `from` the number its origin had.
    fn inherit_ident(&self, from: &Metadata, to: &Path) {
        if let Ok(meta) = fs::symlink_metadata(to) {
            let number = self.ident(from.dev(), from.ino(), false);
            let mut idents = self.idents.lock().unwrap_or_else(|p| p.into_inner());
            idents.insert((meta.dev(), meta.ino()), number);
        }
    }

    /// Forgets the number of an upper inode whose last name this server
    /// removed: the filesystem may give its inode number to a new file, which
    /// must not share a node with the old one (still open, or not yet
    /// forgotten by the kernel) and its page cache.
    fn retire_ident(&self, meta: &Metadata) {
        if meta.is_dir() || meta.nlink() <= 1 {
            let mut idents = self.idents.lock().unwrap_or_else(|p| p.into_inner());
            idents.remove(&(meta.dev(), meta.ino()));
        }
    }

    fn attr(&self, meta: &Metadata, merged_dir: bool, is_root: bool) -> FileAttr {
        FileAttr {
            ino: INodeNo(self.ident(meta.dev(), meta.ino(), is_root)),
            size: meta.size(),
            blocks: meta.blocks(),
            atime: time(meta.atime(), meta.atime_nsec()),
            mtime: time(meta.mtime(), meta.mtime_nsec()),
            ctime: time(meta.ctime(), meta.ctime_nsec()),
            crtime: UNIX_EPOCH,
            kind: kind_of(meta.file_type()),
            perm: (meta.mode() & 0o7777) as u16,
            // As kernel overlay: a merged directory's link count is unknown.
            nlink: if merged_dir { 1 } else { meta.nlink() as u32 },
            uid: self.ids.uid_to_kernel(meta.uid()),
            gid: self.ids.gid_to_kernel(meta.gid()),
            rdev: meta.rdev() as u32,
            blksize: meta.blksize() as u32,
            flags: 0,
        }
    }

    fn found_attr(&self, found: &Found, is_root: bool) -> FileAttr {
        self.attr(&found.meta, found.dir_layers.len() > 1, is_root)
    }

    /// Records a looked-up (or created) name and returns its node ID.
    fn remember(&self, path: PathBuf, found: &Found) -> u64 {
        let is_root = path.as_os_str().is_empty();
        let id = self.ident(found.meta.dev(), found.meta.ino(), is_root);
        let mut tree = self.tree();
        let node = tree.nodes.entry(id).or_insert_with(|| Node {
            path: path.clone(),
            names: Vec::new(),
            layer: found.layer,
            dir_layers: Vec::new(),
            lookups: 0,
            preloaded: false,
        });
        node.path = path.clone();
        if !node.names.contains(&path) {
            node.names.push(path.clone());
        }
        node.layer = found.layer;
        node.dir_layers = found.dir_layers.clone();
        node.lookups += 1;
        tree.by_path.insert(path, id);
        id
    }

    /// Updates the node at `path`, if the kernel holds one, after a change.
    fn refresh(&self, path: &Path, layer: usize, dir_layers: Vec<usize>) {
        let changed = {
            let mut guard = self.tree();
            let tree = &mut *guard;
            tree.by_path.get(path).copied().filter(|id| {
                tree.nodes
                    .get_mut(id)
                    .is_some_and(|node| node.set_layers(layer, dir_layers))
            })
        };
        self.invalidate(changed);
    }

    /// Tells the kernel to drop its cached attributes of nodes `ids`.
    fn invalidate(&self, ids: impl IntoIterator<Item = u64>) {
        let Some(notifier) = self.notifier.get() else {
            return;
        };
        for id in ids {
            // Fails only when the kernel no longer holds the inode: then
            // it has nothing cached to drop.
            let _ = notifier.inval_inode(INodeNo(id), -1, 0);
        }
    }

    /// Forgets the name `path` (removed or replaced). Its node keeps its
    /// other names; with none left it answers ENOENT by path (open files
    /// keep working through their descriptors).
    fn drop_name(&self, path: &Path) {
        let mut tree = self.tree();
        if let Some(id) = tree.by_path.remove(path) {
            if let Some(node) = tree.nodes.get_mut(&id) {
                node.names.retain(|n| n != path);
                node.path = node
                    .names
                    .last()
                    .cloned()
                    .unwrap_or_else(|| PathBuf::from(REMOVED));
            }
        }
    }

    fn child(&self, parent: INodeNo, name: &OsStr) -> Result<(PathBuf, Vec<usize>)> {
        let (path, _, dir_layers) = self.node(parent)?;
        if dir_layers.is_empty() {
            return Err(Errno::ENOTDIR);
        }
        Ok((path.join(component(name).map_err(errno)?), dir_layers))
    }

    /// Copies `path` up (its parents too), updating the nodes that moved.
    fn copy_up(&self, layers: &mut Layers, path: &Path, found: &Found) -> Result<()> {
        if found.layer == UPPER {
            return Ok(());
        }
        if found.meta.is_dir() {
            self.parent_up(layers, path)?;
            layers.copy_up_dir(path).map_err(|e| {
                log::error!("fuse-overlay: copying directory {} up: {e}", path.display());
                errno(e)
            })?;
            self.inherit_ident(&found.meta, &layers.path(UPPER, path));
            let mut merged = vec![UPPER];
            merged.extend(found.dir_layers.iter().copied());
            self.refresh(path, UPPER, merged);
            return Ok(());
        }
        self.parent_up(layers, path)?;
        let copied = layers.copy_up_file(path, found).map_err(|e| {
            log::error!("fuse-overlay: copying {} up: {e}", path.display());
            errno(e)
        })?;
        for copied in copied {
            self.inherit_ident(&found.meta, &layers.path(UPPER, &copied));
            self.refresh(&copied, UPPER, Vec::new());
            self.ancestors_up(&copied);
        }
        Ok(())
    }

    /// Records that every directory above `path` is in the upper dir now
    /// (copy-up makes them as it needs them).
    fn ancestors_up(&self, path: &Path) {
        let mut changed = Vec::new();
        {
            let mut guard = self.tree();
            let tree = &mut *guard;
            for ancestor in path.ancestors().skip(1) {
                let Some(&id) = tree.by_path.get(ancestor) else {
                    continue;
                };
                if let Some(node) = tree.nodes.get_mut(&id) {
                    let mut layers = node.dir_layers.clone();
                    if !layers.contains(&UPPER) {
                        layers.insert(0, UPPER);
                    }
                    if node.set_layers(UPPER, layers) {
                        changed.push(id);
                    }
                }
            }
        }
        self.invalidate(changed);
    }

    /// Makes sure the parent directory of `path` is in the upper dir.
    fn parent_up(&self, layers: &mut Layers, path: &Path) -> Result<()> {
        let parent = path.parent().unwrap_or(Path::new(""));
        let found = layers
            .resolve(parent)
            .map_err(errno)?
            .ok_or(Errno::ENOENT)?;
        self.copy_up(layers, parent, &found)
    }

    /// The node's current state on disk.
    fn current(&self, layers: &Layers, ino: INodeNo) -> Result<(PathBuf, Found)> {
        let (path, _, _) = self.node(ino)?;
        if path.as_os_str() == REMOVED {
            return Err(Errno::ENOENT);
        }
        // Only this server changes the view, and it updates its nodes as it
        // does: a held name that no longer resolves was changed behind its back.
        let found = layers
            .resolve(&path)
            .map_err(errno)?
            .ok_or_else(|| errno(corrupt(&path, "a name in use has vanished")))?;
        Ok((path, found))
    }

    /// The node's current state on disk, copied up.
    fn current_up(&self, layers: &mut Layers, ino: INodeNo) -> Result<(PathBuf, Found)> {
        let (path, found) = self.current(layers, ino)?;
        if found.layer == UPPER {
            return Ok((path, found));
        }
        self.copy_up(layers, &path, &found)?;
        let found = layers.resolve(&path).map_err(errno)?.ok_or(Errno::ENOENT)?;
        Ok((path, found))
    }

    /// Prepares a new name in `parent`: the parent copied up, a whiteout
    /// there removed. Returns the path and whether a whiteout was removed.
    fn new_name(
        &self,
        layers: &mut Layers,
        parent: INodeNo,
        name: &OsStr,
    ) -> Result<(PathBuf, bool)> {
        let (path, dir_layers) = self.child(parent, name)?;
        let had_whiteout = self.claim_name(layers, &path, &dir_layers)?;
        Ok((path, had_whiteout))
    }

    /// [`Self::new_name`] for `path` in a directory merged from `dir_layers`:
    /// EEXIST when the view shows the name.
    fn claim_name(&self, layers: &mut Layers, path: &Path, dir_layers: &[usize]) -> Result<bool> {
        if layers.locate(path, dir_layers).map_err(errno)?.is_some() {
            return Err(Errno::EEXIST);
        }
        self.parent_up(layers, path)?;
        let mut merged = vec![UPPER];
        merged.extend(dir_layers.iter().copied().filter(|&l| l != UPPER));
        self.refresh(path.parent().unwrap_or(Path::new("")), UPPER, merged);
        layers.clear_whiteout(path).map_err(errno)
    }

    /// Makes the empty files that the container's bind mounts of files go
    /// on, where the image lacks them and their directory is a real one in
    /// the merged view, before the container's child mounts this filesystem:
    /// what the child would make through the mount (owned by the container's
    /// root, this process's umask applied: the child's), without the round
    /// trips. Anything else (a missing directory, a symlink on the way) is
    /// left to the child. `paths` are relative to the root.
    pub fn make_mount_files(&self, paths: &[PathBuf]) {
        for path in paths {
            if let Err(e) = self.make_mount_file(path) {
                log::debug!(
                    "fuse-overlay: leaving mount point {} to the container: {e:?}",
                    path.display()
                );
            }
        }
    }

    fn make_mount_file(&self, path: &Path) -> Result<()> {
        let plain = path
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)));
        let Some(parent) = path.parent().filter(|_| plain) else {
            return Ok(());
        };
        let mut view = self.view_mut();
        let layers = &mut *view;
        let Some(dir) = layers.resolve(parent).map_err(errno)? else {
            return Ok(());
        };
        if !dir.meta.is_dir() {
            return Ok(());
        }
        let had_whiteout = match self.claim_name(layers, path, &dir.dir_layers) {
            Err(Errno::EEXIST) => return Ok(()),
            claimed => claimed?,
        };
        let create = |host: &Path| {
            fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .mode(0o644)
                .custom_flags(libc::O_NOFOLLOW)
                .open(host)
                .map(drop)
        };
        self.make_at(layers, Caller::ROOT, path, had_whiteout, create, false)
    }

    /// Owner of a new file: the caller, with the group of a set-group-ID parent.
    fn chown_new(&self, layers: &Layers, caller: Caller, path: &Path, is_dir: bool) -> Result<()> {
        let parent = layers.path(UPPER, path.parent().unwrap_or(Path::new("")));
        let parent_meta = fs::metadata(parent).map_err(errno)?;
        let setgid = parent_meta.mode() & libc::S_ISGID != 0;
        let gid = if setgid {
            parent_meta.gid()
        } else {
            self.ids.gid_to_server(caller.gid)
        };
        let host = layers.path(UPPER, path);
        let uid = self.ids.uid_to_server(caller.uid);
        std::os::unix::fs::lchown(&host, Some(uid), Some(gid)).map_err(errno)?;
        if setgid && is_dir {
            let mode = fs::metadata(&host).map_err(errno)?.mode();
            fs::set_permissions(
                &host,
                fs::Permissions::from_mode((mode | libc::S_ISGID) & 0o7777),
            )
            .map_err(errno)?;
        }
        Ok(())
    }

    /// Answers a created name: its node and attributes.
    fn entry_for(&self, layers: &Layers, path: PathBuf) -> Result<(u64, FileAttr)> {
        let found = layers.resolve(&path).map_err(errno)?.ok_or(Errno::ENOENT)?;
        let attr = self.found_attr(&found, false);
        Ok((self.remember(path, &found), attr))
    }

    fn make_node(
        &self,
        caller: Caller,
        parent: INodeNo,
        name: &OsStr,
        make: impl FnOnce(&Path) -> io::Result<()>,
        is_dir: bool,
    ) -> Result<(u64, FileAttr)> {
        let mut view = self.view_mut();
        let layers = &mut *view;
        let (path, had_whiteout) = self.new_name(layers, parent, name)?;
        self.make_at(layers, caller, &path, had_whiteout, make, is_dir)?;
        self.entry_for(layers, path)
    }

    /// Finds `name` in `parent` for the kernel, which then holds its node.
    fn look_up(&self, parent: INodeNo, name: &OsStr) -> Result<(u64, FileAttr)> {
        let layers = self.view();
        let (path, dir_layers) = self.child(parent, name)?;
        let found = layers
            .locate(&path, &dir_layers)
            .map_err(errno)?
            .ok_or(Errno::ENOENT)?;
        let attr = self.found_attr(&found, false);
        Ok((self.remember(path, &found), attr))
    }

    fn make_dir(
        &self,
        caller: Caller,
        parent: INodeNo,
        name: &OsStr,
        perm: u32,
    ) -> Result<(u64, FileAttr)> {
        let make = |host: &Path| {
            fs::create_dir(host)?;
            fs::set_permissions(host, fs::Permissions::from_mode(perm))
        };
        self.make_node(caller, parent, name, make, true)
    }

    /// Makes the new name `path` in the upper dir with `make`, owned by
    /// `caller`; undone (the whiteout put back) when that fails.
    fn make_at(
        &self,
        layers: &mut Layers,
        caller: Caller,
        path: &Path,
        had_whiteout: bool,
        make: impl FnOnce(&Path) -> io::Result<()>,
        is_dir: bool,
    ) -> Result<()> {
        let host = layers.path(UPPER, path);
        make(&host).map_err(errno)?;
        let mut finish = || -> Result<()> {
            if is_dir && had_whiteout {
                // Whatever a lower layer has under this name must stay hidden.
                layers.set_opaque(path).map_err(errno)?;
            }
            self.chown_new(layers, caller, path, is_dir)
        };
        if let Err(e) = finish() {
            let _ = if is_dir {
                fs::remove_dir(&host)
            } else {
                fs::remove_file(&host)
            };
            if had_whiteout {
                let _ = layers.whiteout(path);
            }
            return Err(e);
        }
        Ok(())
    }

    /// Removes `name` from `parent` (a directory only when `dir`).
    fn remove(&self, parent: INodeNo, name: &OsStr, dir: bool) -> Result<()> {
        let mut view = self.view_mut();
        let layers = &mut *view;
        let (path, dir_layers) = self.child(parent, name)?;
        let found = layers
            .locate(&path, &dir_layers)
            .map_err(errno)?
            .ok_or(Errno::ENOENT)?;
        match (dir, found.meta.is_dir()) {
            (true, false) => return Err(Errno::ENOTDIR),
            (false, true) => return Err(Errno::EISDIR),
            _ => {}
        }
        if dir
            && !layers
                .list(&path, &found.dir_layers)
                .map_err(errno)?
                .is_empty()
        {
            return Err(Errno::ENOTEMPTY);
        }
        let below = layers.below(&path, &dir_layers).map_err(errno)?;
        let upper = layers.path(UPPER, &path);
        if found.layer == UPPER {
            if dir {
                // Only whiteouts can be left in it.
                fs::remove_dir_all(&upper).map_err(errno)?;
            } else {
                fs::remove_file(&upper).map_err(errno)?;
            }
            self.retire_ident(&found.meta);
        }
        if below {
            self.parent_up(layers, &path)?;
            layers.whiteout(&path).map_err(errno)?;
        }
        self.drop_name(&path);
        Ok(())
    }

    /// Copies a whole directory up (every name the view shows in it), marks
    /// it opaque, so it no longer depends on the layers below: then it can
    /// be renamed like any upper directory.
    fn copy_up_tree(&self, layers: &mut Layers, path: &Path, found: &Found) -> Result<()> {
        self.copy_up(layers, path, found)?;
        if found.dir_layers.iter().all(|&l| l == UPPER) {
            return Ok(());
        }
        for entry in layers.list(path, &found.dir_layers).map_err(errno)? {
            let child = path.join(&entry.name);
            let child_found = layers
                .locate(&child, &found.dir_layers)
                .map_err(errno)?
                .ok_or(Errno::ENOENT)?;
            if child_found.meta.is_dir() {
                self.copy_up_tree(layers, &child, &child_found)?;
            } else {
                self.copy_up(layers, &child, &child_found)?;
            }
        }
        layers.set_opaque(path).map_err(errno)?;
        self.refresh(path, UPPER, vec![UPPER]);
        Ok(())
    }

    fn rename_inner(
        &self,
        parent: INodeNo,
        name: &OsStr,
        newparent: INodeNo,
        newname: &OsStr,
        flags: RenameFlags,
    ) -> Result<()> {
        let exchange = flags.bits() == libc::RENAME_EXCHANGE;
        if !exchange && flags.bits() & !libc::RENAME_NOREPLACE != 0 {
            return Err(Errno::EINVAL);
        }
        let mut view = self.view_mut();
        let layers = &mut *view;
        let (from, from_layers) = self.child(parent, name)?;
        let (to, to_layers) = self.child(newparent, newname)?;
        if from == to {
            return Ok(());
        }
        if exchange {
            return self.exchange(layers, (&from, &from_layers), (&to, &to_layers));
        }
        let source = layers
            .locate(&from, &from_layers)
            .map_err(errno)?
            .ok_or(Errno::ENOENT)?;
        if source.meta.is_dir() && to.starts_with(&from) {
            return Err(Errno::EINVAL);
        }
        let target = layers.locate(&to, &to_layers).map_err(errno)?;
        if let Some(target) = &target {
            if flags.bits() & libc::RENAME_NOREPLACE != 0 {
                return Err(Errno::EEXIST);
            }
            match (source.meta.is_dir(), target.meta.is_dir()) {
                (true, false) => return Err(Errno::ENOTDIR),
                (false, true) => return Err(Errno::EISDIR),
                (true, true)
                    if !layers
                        .list(&to, &target.dir_layers)
                        .map_err(errno)?
                        .is_empty() =>
                {
                    return Err(Errno::ENOTEMPTY);
                }
                _ => {}
            }
        }
        if source.meta.is_dir() {
            self.copy_up_tree(layers, &from, &source)?;
        } else {
            self.copy_up(layers, &from, &source)?;
        }
        self.parent_up(layers, &to)?;
        let upper_to = layers.path(UPPER, &to);
        // What is in the upper dir under the new name goes: a whiteout, a
        // file, or a directory holding only whiteouts.
        if let Ok(meta) = fs::symlink_metadata(&upper_to) {
            if meta.is_dir() {
                fs::remove_dir_all(&upper_to).map_err(errno)?;
            } else {
                fs::remove_file(&upper_to).map_err(errno)?;
            }
            self.retire_ident(&meta);
        }
        let to_below = layers.below(&to, &to_layers).map_err(errno)?;
        fs::rename(layers.path(UPPER, &from), &upper_to).map_err(errno)?;
        if source.meta.is_dir() && to_below {
            layers.set_opaque(&to).map_err(errno)?;
        }
        if layers.below(&from, &from_layers).map_err(errno)? {
            layers.whiteout(&from).map_err(errno)?;
        }
        self.drop_name(&to);
        self.moved(&from, &to);
        Ok(())
    }

    /// `RENAME_EXCHANGE`: both names exist; each is copied up (a directory
    /// whole, as for a rename), made opaque when it lands on a directory
    /// name that has content below, and the two upper entries swap.
    fn exchange(
        &self,
        layers: &mut Layers,
        a: (&Path, &[usize]),
        b: (&Path, &[usize]),
    ) -> Result<()> {
        if a.0.starts_with(b.0) || b.0.starts_with(a.0) {
            return Err(Errno::EINVAL);
        }
        let mut found = Vec::with_capacity(2);
        for (path, dir_layers) in [a, b] {
            let item = layers
                .locate(path, dir_layers)
                .map_err(errno)?
                .ok_or(Errno::ENOENT)?;
            if item.meta.is_dir() {
                self.copy_up_tree(layers, path, &item)?;
            } else {
                self.copy_up(layers, path, &item)?;
            }
            let below = layers.below(path, dir_layers).map_err(errno)?;
            found.push((item.meta.is_dir(), below));
        }
        nix::fcntl::renameat2(
            nix::fcntl::AT_FDCWD,
            &layers.path(UPPER, a.0),
            nix::fcntl::AT_FDCWD,
            &layers.path(UPPER, b.0),
            nix::fcntl::RenameFlags::RENAME_EXCHANGE,
        )
        .map_err(|e| errno(e.into()))?;
        // What landed on a name with content below must not merge with it.
        let [(a_dir, a_below), (b_dir, b_below)] = [found[0], found[1]];
        if b_dir && a_below {
            layers.set_opaque(a.0).map_err(errno)?;
        }
        if a_dir && b_below {
            layers.set_opaque(b.0).map_err(errno)?;
        }
        // A name no file can have keeps the swap's middle step apart.
        let aside = Path::new("\0exchange");
        self.moved(a.0, aside);
        self.moved(b.0, a.0);
        self.moved(aside, b.0);
        Ok(())
    }

    /// Renames the names at and under `from`; they are all in the upper dir now.
    fn moved(&self, from: &Path, to: &Path) {
        let mut tree = self.tree();
        let moved: Vec<(PathBuf, u64)> = tree
            .by_path
            .iter()
            .filter(|(p, _)| p.starts_with(from))
            .map(|(p, &id)| (p.clone(), id))
            .collect();
        for (old, id) in moved {
            tree.by_path.remove(&old);
            let rest = old.strip_prefix(from).unwrap_or(Path::new(""));
            let new = if rest.as_os_str().is_empty() {
                to.to_path_buf()
            } else {
                to.join(rest)
            };
            if let Some(node) = tree.nodes.get_mut(&id) {
                for name in node.names.iter_mut().filter(|n| **n == old) {
                    *name = new.clone();
                }
                if node.path == old {
                    node.path = new.clone();
                }
                node.layer = UPPER;
                if !node.dir_layers.is_empty() {
                    node.dir_layers = vec![UPPER];
                }
            }
            tree.by_path.insert(new, id);
        }
    }

    /// Pushes a program's pages into the kernel's cache on its first exec,
    /// before the open is answered: the exec then faults them in from
    /// memory instead of one READ round trip per 128 KiB (the kernel's
    /// readahead window), which is most of a container's start on this
    /// driver. Best effort: whatever is not pushed is read on demand.
    fn preload(&self, ino: INodeNo, file: &File) {
        let Some(notifier) = self.notifier.get() else {
            return;
        };
        let first = self
            .tree()
            .nodes
            .get_mut(&ino.0)
            .is_some_and(|node| !std::mem::replace(&mut node.preloaded, true));
        if !first {
            return;
        }
        let size = file.metadata().map_or(u64::MAX, |m| m.len());
        if size > PRELOAD_MAX
            || self
                .preloading
                .compare_exchange(false, true, Ordering::Acquire, Ordering::Relaxed)
                .is_err()
        {
            return;
        }
        if let Some(length) = std::num::NonZeroUsize::new(size as usize) {
            // SAFETY: a private read-only mapping of a whole open file, only
            // handed to the kernel (which copies from it into the mount's
            // cache; a file shrunk meanwhile fails that copy, it faults
            // nothing here) and unmapped below.
            if let Ok(map) = unsafe {
                mmap(
                    None,
                    length,
                    ProtFlags::PROT_READ,
                    MapFlags::MAP_PRIVATE,
                    file,
                    0,
                )
            } {
                // SAFETY: the mapping is `length` readable bytes until the munmap below.
                let bytes =
                    unsafe { std::slice::from_raw_parts(map.as_ptr().cast::<u8>(), length.get()) };
                // Halves pushed side by side: the copy into the cache is
                // the cost, and the opener and rcon wait meanwhile.
                let half = (bytes.len() / 2) & !0xfff;
                let (low, high) = bytes.split_at(half);
                std::thread::scope(|scope| {
                    if !low.is_empty() {
                        scope.spawn(|| notifier.store(ino, 0, low));
                    }
                    let _ = notifier.store(ino, half as u64, high);
                });
                // SAFETY: nothing refers to the mapping any more.
                let _ = unsafe { munmap(map, length.get()) };
            }
        }
        self.preloading.store(false, Ordering::Release);
    }

    /// The entries `opendir` listed for handle `fh`.
    fn listing(&self, fh: FileHandle) -> Option<Arc<Vec<DirEntry>>> {
        self.dirs
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get(&fh.0)
            .cloned()
    }

    fn file(&self, fh: FileHandle) -> Result<Arc<File>> {
        self.files
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .get(&fh.0)
            .cloned()
            .ok_or(Errno::EBADF)
    }

    fn add_file(&self, file: File) -> FileHandle {
        let fh = self.next_handle.fetch_add(1, Ordering::Relaxed);
        self.files
            .write()
            .unwrap_or_else(|p| p.into_inner())
            .insert(fh, Arc::new(file));
        FileHandle(fh)
    }

    fn setattr_inner(&self, ino: INodeNo, changes: Changes) -> Result<FileAttr> {
        let Changes {
            mode,
            uid,
            gid,
            size,
            atime,
            mtime,
        } = changes;
        let mut view = self.view_mut();
        let (path, found) = self.current_up(&mut view, ino)?;
        let host = view.path(UPPER, &path);
        if uid.is_some() || gid.is_some() {
            let uid = uid.map(|id| self.ids.uid_to_server(id));
            let gid = gid.map(|id| self.ids.gid_to_server(id));
            std::os::unix::fs::lchown(&host, uid, gid).map_err(errno)?;
        }
        if let Some(mode) = mode {
            fs::set_permissions(&host, fs::Permissions::from_mode(mode & 0o7777)).map_err(errno)?;
        }
        if let Some(size) = size {
            fs::OpenOptions::new()
                .write(true)
                .custom_flags(libc::O_NOFOLLOW)
                .open(&host)
                .and_then(|f| f.set_len(size))
                .map_err(errno)?;
        }
        if atime.is_some() || mtime.is_some() {
            let spec = |t: Option<TimeOrNow>| match t {
                None => libc::timespec {
                    tv_sec: 0,
                    tv_nsec: libc::UTIME_OMIT,
                },
                Some(TimeOrNow::Now) => libc::timespec {
                    tv_sec: 0,
                    tv_nsec: libc::UTIME_NOW,
                },
                Some(TimeOrNow::SpecificTime(t)) => {
                    let d = t.duration_since(UNIX_EPOCH).unwrap_or_default();
                    libc::timespec {
                        tv_sec: d.as_secs() as i64,
                        tv_nsec: i64::from(d.subsec_nanos()),
                    }
                }
            };
            let times = [spec(atime), spec(mtime)];
            let c = std::ffi::CString::new(host.as_os_str().as_encoded_bytes())
                .map_err(|_| Errno::EINVAL)?;
            // SAFETY: a NUL-terminated path and two timespecs, as utimensat(2) takes.
            let r = unsafe {
                libc::utimensat(
                    libc::AT_FDCWD,
                    c.as_ptr(),
                    times.as_ptr(),
                    libc::AT_SYMLINK_NOFOLLOW,
                )
            };
            if r != 0 {
                return Err(errno(io::Error::last_os_error()));
            }
        }
        let meta = fs::symlink_metadata(&host).map_err(errno)?;
        Ok(self.attr(&meta, found.dir_layers.len() > 1, ino.0 == ROOT))
    }
}

/// Logs a failure that is not an ordinary answer (ENOENT, EEXIST...).
fn logged(op: &str, what: &dyn std::fmt::Debug, e: Errno) -> Errno {
    if e.code() == libc::EIO || e.code() == libc::ESTALE {
        log::error!("fuse-overlay: {op} {what:?}: errno {}", e.code());
    }
    e
}

impl Filesystem for Overlay {
    fn init(&mut self, _req: &Request, config: &mut KernelConfig) -> io::Result<()> {
        let _ = config.add_capabilities(
            fuser::InitFlags::FUSE_PARALLEL_DIROPS
                | fuser::InitFlags::FUSE_DO_READDIRPLUS
                | fuser::InitFlags::FUSE_READDIRPLUS_AUTO,
        );
        let _ = config.set_max_readahead(1 << 20);
        Ok(())
    }

    fn lookup(&self, _req: &Request, parent: INodeNo, name: &OsStr, reply: ReplyEntry) {
        match self.look_up(parent, name) {
            Ok((_, attr)) => reply.entry(&TTL, &attr, Generation(0)),
            // Node ID 0: the kernel keeps the name as missing for the TTL
            // (a name appears only by a create through this mount, which
            // replaces that entry), instead of asking again on every probe.
            Err(Errno::ENOENT) => reply.entry(&TTL, &MISSING, Generation(0)),
            Err(e) => reply.error(logged("lookup", &name, e)),
        }
    }

    fn forget(&self, _req: &Request, ino: INodeNo, nlookup: u64) {
        if ino.0 == ROOT {
            return;
        }
        let mut tree = self.tree();
        let gone = match tree.nodes.get_mut(&ino.0) {
            Some(node) => {
                node.lookups = node.lookups.saturating_sub(nlookup);
                node.lookups == 0
            }
            None => false,
        };
        if gone {
            if let Some(node) = tree.nodes.remove(&ino.0) {
                for name in node.names {
                    if tree.by_path.get(&name) == Some(&ino.0) {
                        tree.by_path.remove(&name);
                    }
                }
            }
        }
    }

    fn getattr(&self, _req: &Request, ino: INodeNo, fh: Option<FileHandle>, reply: ReplyAttr) {
        let outcome = || -> Result<FileAttr> {
            if let Some(fh) = fh {
                if let Ok(file) = self.file(fh) {
                    let meta = file.metadata().map_err(errno)?;
                    // The node's own number, also for a file whose last
                    // name is gone (its number retired).
                    let mut attr = self.attr(&meta, false, ino.0 == ROOT);
                    attr.ino = ino;
                    return Ok(attr);
                }
            }
            let (_, found) = self.current(&self.view(), ino)?;
            Ok(self.found_attr(&found, ino.0 == ROOT))
        };
        match outcome() {
            Ok(attr) => reply.attr(&TTL, &attr),
            Err(e) => reply.error(logged("getattr", &ino, e)),
        }
    }

    fn setattr(
        &self,
        _req: &Request,
        ino: INodeNo,
        mode: Option<u32>,
        uid: Option<u32>,
        gid: Option<u32>,
        size: Option<u64>,
        atime: Option<TimeOrNow>,
        mtime: Option<TimeOrNow>,
        _ctime: Option<SystemTime>,
        _fh: Option<FileHandle>,
        _crtime: Option<SystemTime>,
        _chgtime: Option<SystemTime>,
        _bkuptime: Option<SystemTime>,
        _flags: Option<fuser::BsdFileFlags>,
        reply: ReplyAttr,
    ) {
        let changes = Changes {
            mode,
            uid,
            gid,
            size,
            atime,
            mtime,
        };
        match self.setattr_inner(ino, changes) {
            Ok(attr) => reply.attr(&TTL, &attr),
            Err(e) => reply.error(logged("setattr", &ino, e)),
        }
    }

    fn readlink(&self, _req: &Request, ino: INodeNo, reply: ReplyData) {
        let outcome = || -> Result<PathBuf> {
            let layers = self.view();
            let (path, found) = self.current(&layers, ino)?;
            fs::read_link(layers.path(found.layer, &path)).map_err(errno)
        };
        match outcome() {
            Ok(target) => reply.data(target.as_os_str().as_encoded_bytes()),
            Err(e) => reply.error(logged("readlink", &ino, e)),
        }
    }

    fn mknod(
        &self,
        req: &Request,
        parent: INodeNo,
        name: &OsStr,
        mode: u32,
        umask: u32,
        rdev: u32,
        reply: ReplyEntry,
    ) {
        let kind = SFlag::from_bits_truncate(mode & libc::S_IFMT);
        let perm = Mode::from_bits_truncate(mode & !umask & 0o7777);
        let made = self.make_node(
            Caller::of(req),
            parent,
            name,
            |host| {
                nix::sys::stat::mknod(host, kind, perm, u64::from(rdev)).map_err(io::Error::from)
            },
            false,
        );
        match made {
            Ok((_, attr)) => reply.entry(&TTL, &attr, Generation(0)),
            Err(e) => reply.error(logged("mknod", &name, e)),
        }
    }

    fn mkdir(
        &self,
        req: &Request,
        parent: INodeNo,
        name: &OsStr,
        mode: u32,
        umask: u32,
        reply: ReplyEntry,
    ) {
        let perm = mode & !umask & 0o7777;
        match self.make_dir(Caller::of(req), parent, name, perm) {
            Ok((_, attr)) => reply.entry(&TTL, &attr, Generation(0)),
            Err(e) => reply.error(logged("mkdir", &name, e)),
        }
    }

    fn unlink(&self, _req: &Request, parent: INodeNo, name: &OsStr, reply: ReplyEmpty) {
        match self.remove(parent, name, false) {
            Ok(()) => reply.ok(),
            Err(e) => reply.error(logged("unlink", &name, e)),
        }
    }

    fn rmdir(&self, _req: &Request, parent: INodeNo, name: &OsStr, reply: ReplyEmpty) {
        match self.remove(parent, name, true) {
            Ok(()) => reply.ok(),
            Err(e) => reply.error(logged("rmdir", &name, e)),
        }
    }

    fn symlink(
        &self,
        req: &Request,
        parent: INodeNo,
        link_name: &OsStr,
        target: &Path,
        reply: ReplyEntry,
    ) {
        let made = self.make_node(
            Caller::of(req),
            parent,
            link_name,
            |host| std::os::unix::fs::symlink(target, host),
            false,
        );
        match made {
            Ok((_, attr)) => reply.entry(&TTL, &attr, Generation(0)),
            Err(e) => reply.error(logged("symlink", &link_name, e)),
        }
    }

    fn rename(
        &self,
        _req: &Request,
        parent: INodeNo,
        name: &OsStr,
        newparent: INodeNo,
        newname: &OsStr,
        flags: RenameFlags,
        reply: ReplyEmpty,
    ) {
        match self.rename_inner(parent, name, newparent, newname, flags) {
            Ok(()) => reply.ok(),
            Err(e) => reply.error(logged("rename", &name, e)),
        }
    }

    fn link(
        &self,
        _req: &Request,
        ino: INodeNo,
        newparent: INodeNo,
        newname: &OsStr,
        reply: ReplyEntry,
    ) {
        let outcome = || -> Result<(u64, FileAttr)> {
            let mut view = self.view_mut();
            let layers = &mut *view;
            let (source, _) = self.current_up(layers, ino)?;
            let (path, _) = self.new_name(layers, newparent, newname)?;
            fs::hard_link(layers.path(UPPER, &source), layers.path(UPPER, &path)).map_err(errno)?;
            self.entry_for(layers, path)
        };
        match outcome() {
            Ok((_, attr)) => reply.entry(&TTL, &attr, Generation(0)),
            Err(e) => reply.error(logged("link", &newname, e)),
        }
    }

    fn open(&self, _req: &Request, ino: INodeNo, flags: OpenFlags, reply: ReplyOpen) {
        let outcome = || -> Result<FileHandle> {
            let write = flags.0 & libc::O_ACCMODE != libc::O_RDONLY || flags.0 & libc::O_TRUNC != 0;
            // Opened under the lock, so no change moves the name meanwhile;
            // released before a preload, which waits for the kernel.
            let file = if write {
                let mut view = self.view_mut();
                let (path, found) = self.current_up(&mut view, ino)?;
                open_shown(&view, &path, &found, flags)?
            } else {
                let view = self.view();
                let (path, found) = self.current(&view, ino)?;
                open_shown(&view, &path, &found, flags)?
            };
            if flags.0 & FMODE_EXEC != 0 && !write {
                self.preload(ino, &file);
            }
            Ok(self.add_file(file))
        };
        match outcome() {
            Ok(fh) => reply.opened(fh, FopenFlags::FOPEN_KEEP_CACHE),
            Err(e) => reply.error(logged("open", &ino, e)),
        }
    }

    fn read(
        &self,
        _req: &Request,
        _ino: INodeNo,
        fh: FileHandle,
        offset: u64,
        size: u32,
        _flags: OpenFlags,
        _lock_owner: Option<LockOwner>,
        reply: ReplyData,
    ) {
        let outcome = || -> Result<Vec<u8>> {
            let file = self.file(fh)?;
            let mut buffer = vec![0u8; size as usize];
            let mut filled = 0;
            while filled < buffer.len() {
                match file.read_at(&mut buffer[filled..], offset + filled as u64) {
                    Ok(0) => break,
                    Ok(n) => filled += n,
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                    Err(e) => return Err(errno(e)),
                }
            }
            buffer.truncate(filled);
            Ok(buffer)
        };
        match outcome() {
            Ok(data) => reply.data(&data),
            Err(e) => reply.error(e),
        }
    }

    fn write(
        &self,
        _req: &Request,
        _ino: INodeNo,
        fh: FileHandle,
        offset: u64,
        data: &[u8],
        _write_flags: WriteFlags,
        _flags: OpenFlags,
        _lock_owner: Option<LockOwner>,
        reply: ReplyWrite,
    ) {
        match self
            .file(fh)
            .and_then(|file| file.write_all_at(data, offset).map_err(errno))
        {
            Ok(()) => reply.written(data.len() as u32),
            Err(e) => reply.error(e),
        }
    }

    fn flush(
        &self,
        _req: &Request,
        _ino: INodeNo,
        _fh: FileHandle,
        _lock_owner: LockOwner,
        reply: ReplyEmpty,
    ) {
        reply.ok();
    }

    fn release(
        &self,
        _req: &Request,
        _ino: INodeNo,
        fh: FileHandle,
        _flags: OpenFlags,
        _lock_owner: Option<LockOwner>,
        _flush: bool,
        reply: ReplyEmpty,
    ) {
        self.files
            .write()
            .unwrap_or_else(|p| p.into_inner())
            .remove(&fh.0);
        reply.ok();
    }

    fn fsync(
        &self,
        _req: &Request,
        _ino: INodeNo,
        fh: FileHandle,
        datasync: bool,
        reply: ReplyEmpty,
    ) {
        let synced = self.file(fh).and_then(|file| {
            if datasync {
                file.sync_data()
            } else {
                file.sync_all()
            }
            .map_err(errno)
        });
        match synced {
            Ok(()) => reply.ok(),
            Err(e) => reply.error(e),
        }
    }

    fn opendir(&self, _req: &Request, ino: INodeNo, _flags: OpenFlags, reply: ReplyOpen) {
        let outcome = || -> Result<FileHandle> {
            let layers = self.view();
            let (path, found) = self.current(&layers, ino)?;
            if !found.meta.is_dir() {
                return Err(Errno::ENOTDIR);
            }
            let this = self.found_attr(&found, ino.0 == ROOT).ino.0;
            let parent = match path.parent() {
                Some(parent) => layers.resolve(parent).map_err(errno)?.map_or(ROOT, |p| {
                    self.found_attr(&p, parent.as_os_str().is_empty()).ino.0
                }),
                None => ROOT,
            };
            let mut entries = vec![
                (this, FileType::Directory, ".".into()),
                (parent, FileType::Directory, "..".into()),
            ];
            for Listed {
                name,
                layer,
                ino,
                file_type,
            } in layers.list(&path, &found.dir_layers).map_err(errno)?
            {
                let number = self.ident(layers.dev(layer), ino, false);
                entries.push((number, kind_of(file_type), name));
            }
            let fh = self.next_handle.fetch_add(1, Ordering::Relaxed);
            self.dirs
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .insert(fh, Arc::new(entries));
            Ok(FileHandle(fh))
        };
        match outcome() {
            Ok(fh) => reply.opened(fh, FopenFlags::empty()),
            Err(e) => reply.error(logged("opendir", &ino, e)),
        }
    }

    fn readdir(
        &self,
        _req: &Request,
        _ino: INodeNo,
        fh: FileHandle,
        offset: u64,
        mut reply: ReplyDirectory,
    ) {
        let Some(entries) = self.listing(fh) else {
            return reply.error(Errno::EBADF);
        };
        for (i, (number, kind, name)) in entries.iter().enumerate().skip(offset as usize) {
            if reply.add(INodeNo(*number), i as u64 + 1, *kind, name) {
                break;
            }
        }
        reply.ok();
    }

    /// Directory entries with their attributes (the kernel asks for them
    /// when it expects lookups of the names to follow, as `find` or `ls -l`
    /// make): one round trip per buffer of entries instead of one per name.
    /// Each entry the kernel gets counts as a lookup of it, "." and ".."
    /// excepted; a name gone since `opendir` goes as node ID 0 (listed, not
    /// looked up).
    fn readdirplus(
        &self,
        _req: &Request,
        ino: INodeNo,
        fh: FileHandle,
        offset: u64,
        mut reply: ReplyDirectoryPlus,
    ) {
        let Some(entries) = self.listing(fh) else {
            return reply.error(Errno::EBADF);
        };
        let layers = self.view();
        let Ok((dir, _, dir_layers)) = self.node(ino) else {
            return reply.error(Errno::ESTALE);
        };
        for (i, (number, kind, name)) in entries.iter().enumerate().skip(offset as usize) {
            let listed = FileAttr {
                ino: INodeNo(*number),
                kind: *kind,
                ..MISSING
            };
            let found = match name.to_str() {
                Some("." | "..") => None,
                _ => component(name)
                    .ok()
                    .map(|name| dir.join(name))
                    .and_then(|path| {
                        let found = layers.locate(&path, &dir_layers).ok()??;
                        Some((path, found))
                    }),
            };
            let attr = match &found {
                Some((_, found)) => self.found_attr(found, false),
                None if i < 2 => listed,
                None => FileAttr {
                    ino: INodeNo(0),
                    ..listed
                },
            };
            if reply.add(attr.ino, i as u64 + 1, name, &TTL, &attr, Generation(0)) {
                break;
            }
            if let Some((path, found)) = found {
                self.remember(path, &found);
            }
        }
        reply.ok();
    }

    fn releasedir(
        &self,
        _req: &Request,
        _ino: INodeNo,
        fh: FileHandle,
        _flags: OpenFlags,
        reply: ReplyEmpty,
    ) {
        self.dirs
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .remove(&fh.0);
        reply.ok();
    }

    fn fsyncdir(
        &self,
        _req: &Request,
        _ino: INodeNo,
        _fh: FileHandle,
        _datasync: bool,
        reply: ReplyEmpty,
    ) {
        reply.ok();
    }

    fn statfs(&self, _req: &Request, _ino: INodeNo, reply: ReplyStatfs) {
        let upper = self.view().path(UPPER, Path::new(""));
        match nix::sys::statvfs::statvfs(&upper) {
            Ok(s) => reply.statfs(
                s.blocks(),
                s.blocks_free(),
                s.blocks_available(),
                s.files(),
                s.files_free(),
                s.block_size() as u32,
                s.name_max() as u32,
                s.fragment_size() as u32,
            ),
            Err(e) => reply.error(Errno::from_i32(e as i32)),
        }
    }

    fn setxattr(
        &self,
        _req: &Request,
        ino: INodeNo,
        name: &OsStr,
        value: &[u8],
        flags: i32,
        _position: u32,
        reply: ReplyEmpty,
    ) {
        let outcome = || -> Result<()> {
            let mut view = self.view_mut();
            let (path, _) = self.current_up(&mut view, ino)?;
            set_xattr(&view.path(UPPER, &path), &stored_xattr(name), value, flags).map_err(errno)
        };
        match outcome() {
            Ok(()) => reply.ok(),
            Err(e) => reply.error(e),
        }
    }

    fn getxattr(&self, _req: &Request, ino: INodeNo, name: &OsStr, size: u32, reply: ReplyXattr) {
        let outcome = || -> Result<Vec<u8>> {
            let layers = self.view();
            let (path, found) = self.current(&layers, ino)?;
            xattr::get(layers.path(found.layer, &path), stored_xattr(name))
                .map_err(errno)?
                .ok_or(Errno::NO_XATTR)
        };
        match outcome() {
            Ok(value) => xattr_reply(reply, size, &value),
            Err(e) => reply.error(e),
        }
    }

    fn listxattr(&self, _req: &Request, ino: INodeNo, size: u32, reply: ReplyXattr) {
        let outcome = || -> Result<Vec<u8>> {
            let layers = self.view();
            let (path, found) = self.current(&layers, ino)?;
            let mut list = Vec::new();
            for name in xattr::list(layers.path(found.layer, &path)).map_err(errno)? {
                if let Some(shown) = shown_xattr(&name) {
                    list.extend_from_slice(shown.as_encoded_bytes());
                    list.push(0);
                }
            }
            Ok(list)
        };
        match outcome() {
            Ok(list) => xattr_reply(reply, size, &list),
            Err(e) => reply.error(e),
        }
    }

    fn removexattr(&self, _req: &Request, ino: INodeNo, name: &OsStr, reply: ReplyEmpty) {
        let outcome = || -> Result<()> {
            let mut view = self.view_mut();
            let (path, _) = self.current_up(&mut view, ino)?;
            xattr::remove(view.path(UPPER, &path), stored_xattr(name)).map_err(errno)
        };
        match outcome() {
            Ok(()) => reply.ok(),
            Err(e) => reply.error(e),
        }
    }

    // No `tmpfile`: an O_TMPFILE open makes the kernel send FUSE_TMPFILE
    // (opcode 51, protocol 7.37), which fuser 0.18 does not decode (its
    // opcode table ends at FUSE_COPY_FILE_RANGE, 47) and so answers with
    // ENOSYS before any `Filesystem` method runs; the kernel's fuse_tmpfile
    // then marks the connection `no_tmpfile` and fails this and every later
    // O_TMPFILE open on the mount with EOPNOTSUPP. Programs fall back to
    // named temporary files; serving it needs a fuser that dispatches the opcode.
    fn create(
        &self,
        req: &Request,
        parent: INodeNo,
        name: &OsStr,
        mode: u32,
        umask: u32,
        flags: i32,
        reply: ReplyCreate,
    ) {
        let outcome = || -> Result<(FileAttr, FileHandle)> {
            let mut opened = None;
            let perm = mode & !umask & 0o7777;
            let keep = libc::O_ACCMODE | libc::O_APPEND | libc::O_SYNC | libc::O_DSYNC;
            let (_, attr) = self.make_node(
                Caller::of(req),
                parent,
                name,
                |host| {
                    let access = OFlag::from_bits_truncate(flags & keep);
                    let fd = nix::fcntl::open(
                        host,
                        access
                            | OFlag::O_CREAT
                            | OFlag::O_EXCL
                            | OFlag::O_NOFOLLOW
                            | OFlag::O_CLOEXEC,
                        Mode::from_bits_truncate(perm),
                    )?;
                    let file = File::from(fd);
                    // The umask must not apply twice.
                    file.set_permissions(fs::Permissions::from_mode(perm))?;
                    opened = Some(file);
                    Ok(())
                },
                false,
            )?;
            let file = opened.ok_or(Errno::EIO)?;
            Ok((attr, self.add_file(file)))
        };
        match outcome() {
            Ok((attr, fh)) => reply.created(&TTL, &attr, Generation(0), fh, FopenFlags::empty()),
            Err(e) => reply.error(logged("create", &name, e)),
        }
    }

    fn fallocate(
        &self,
        _req: &Request,
        _ino: INodeNo,
        fh: FileHandle,
        offset: u64,
        length: u64,
        mode: i32,
        reply: ReplyEmpty,
    ) {
        let outcome = || -> Result<()> {
            let file = self.file(fh)?;
            use std::os::fd::AsRawFd;
            // SAFETY: fallocate(2) on a descriptor this table keeps open.
            let r =
                unsafe { libc::fallocate(file.as_raw_fd(), mode, offset as i64, length as i64) };
            if r != 0 {
                return Err(errno(io::Error::last_os_error()));
            }
            Ok(())
        };
        match outcome() {
            Ok(()) => reply.ok(),
            Err(e) => reply.error(e),
        }
    }

    fn lseek(
        &self,
        _req: &Request,
        _ino: INodeNo,
        fh: FileHandle,
        offset: i64,
        whence: i32,
        reply: ReplyLseek,
    ) {
        let outcome = || -> Result<i64> {
            let file = self.file(fh)?;
            use std::os::fd::AsRawFd;
            // SAFETY: lseek(2) on a descriptor this table keeps open; reads and
            // writes use pread/pwrite, so moving its offset changes nothing else.
            let r = unsafe { libc::lseek(file.as_raw_fd(), offset, whence) };
            if r < 0 {
                return Err(errno(io::Error::last_os_error()));
            }
            Ok(r)
        };
        match outcome() {
            Ok(position) => reply.offset(position),
            Err(e) => reply.error(e),
        }
    }
}

/// Opens the file the view shows at `path` (found as `found`) as a FUSE
/// open with `flags` asks.
fn open_shown(layers: &Layers, path: &Path, found: &Found, flags: OpenFlags) -> Result<File> {
    let keep = libc::O_APPEND
        | libc::O_TRUNC
        | libc::O_SYNC
        | libc::O_DSYNC
        | libc::O_NOATIME
        | libc::O_DIRECT;
    let access = flags.0 & libc::O_ACCMODE;
    fs::OpenOptions::new()
        .read(access != libc::O_WRONLY)
        .write(access != libc::O_RDONLY)
        .custom_flags((flags.0 & keep) | libc::O_NOFOLLOW)
        .open(layers.path(found.layer, path))
        .map_err(errno)
}

/// `lsetxattr(2)` with its flags (`XATTR_CREATE`, `XATTR_REPLACE`), which
/// the `xattr` crate does not take.
fn set_xattr(path: &Path, name: &OsStr, value: &[u8], flags: i32) -> io::Result<()> {
    let nul = |bytes: &[u8]| {
        std::ffi::CString::new(bytes).map_err(|_| io::Error::from_raw_os_error(libc::EINVAL))
    };
    let (path, name) = (
        nul(path.as_os_str().as_encoded_bytes())?,
        nul(name.as_encoded_bytes())?,
    );
    // SAFETY: two NUL-terminated strings and a buffer with its length, all
    // alive for the call, as lsetxattr(2) takes.
    let r = unsafe {
        libc::lsetxattr(
            path.as_ptr(),
            name.as_ptr(),
            value.as_ptr().cast(),
            value.len(),
            flags,
        )
    };
    if r != 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}

fn xattr_reply(reply: ReplyXattr, size: u32, value: &[u8]) {
    if size == 0 {
        reply.size(value.len() as u32);
    } else if value.len() > size as usize {
        reply.error(Errno::ERANGE);
    } else {
        reply.data(value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture::Stack;

    fn overlay(stack: &Stack) -> Overlay {
        let notifier = Arc::new(OnceLock::new());
        Overlay::new(stack.layers(), IdTranslation::default(), notifier).unwrap()
    }

    fn name(text: &str) -> &OsStr {
        OsStr::new(text)
    }

    /// The node of `path` (from the root), looked up as the kernel would.
    fn node(overlay: &Overlay, path: &str) -> Result<(INodeNo, FileAttr)> {
        let mut ino = INodeNo(ROOT);
        let mut attr = None;
        for part in path.split('/') {
            let (id, found) = overlay.look_up(ino, name(part))?;
            (ino, attr) = (INodeNo(id), Some(found));
        }
        Ok((ino, attr.expect("a path with a name")))
    }

    fn chmod(mode: u32) -> Changes {
        Changes {
            mode: Some(mode),
            uid: None,
            gid: None,
            size: None,
            atime: None,
            mtime: None,
        }
    }

    #[test]
    fn removing_a_lower_name_leaves_a_whiteout_and_a_directory_made_over_it_is_opaque() {
        let stack = Stack::new(1);
        stack.file(1, "f", "image file");
        stack.file(1, "d/old/x", "below");
        let overlay = overlay(&stack);
        let (d, _) = node(&overlay, "d").unwrap();
        assert_eq!(overlay.remove(d, name("old"), true), Err(Errno::ENOTEMPTY));
        assert_eq!(
            overlay.remove(INodeNo(ROOT), name("d"), false),
            Err(Errno::EISDIR)
        );

        overlay.remove(INodeNo(ROOT), name("f"), false).unwrap();
        assert!(stack.is_whiteout(0, "f"));
        assert_eq!(node(&overlay, "f").unwrap_err(), Errno::ENOENT);
        assert_eq!(
            stack.read(1, "f"),
            "image file",
            "the lower layer is never written"
        );

        let (old, _) = node(&overlay, "d/old").unwrap();
        overlay.remove(old, name("x"), false).unwrap();
        overlay.remove(d, name("old"), true).unwrap();
        assert!(stack.is_whiteout(0, "d/old"));
        let (_, attr) = overlay
            .make_dir(Caller::ROOT, d, name("old"), 0o750)
            .unwrap();
        assert_eq!(attr.kind, FileType::Directory);
        assert_eq!(attr.perm, 0o750);
        assert!(crate::format::is_opaque(&stack.path(0, "d/old")));
        assert_eq!(
            node(&overlay, "d/old/x").unwrap_err(),
            Errno::ENOENT,
            "the new directory does not merge the old one's content"
        );
    }

    #[test]
    fn a_node_keeps_its_inode_number_across_copy_up_and_rename() {
        let stack = Stack::new(1);
        stack.file(1, "etc/conf", "v1");
        let overlay = overlay(&stack);
        let (conf, before) = node(&overlay, "etc/conf").unwrap();
        assert_eq!(conf, before.ino, "node IDs are the inode numbers");

        let after = overlay.setattr_inner(conf, chmod(0o600)).unwrap();
        assert_eq!(after.ino, before.ino);
        assert_eq!(after.perm, 0o600);
        assert_eq!(stack.read(0, "etc/conf"), "v1", "copied up");
        let lower_mode = fs::metadata(stack.path(1, "etc/conf")).unwrap().mode();
        assert_ne!(lower_mode & 0o777, 0o600, "the lower file keeps its mode");

        let (etc, _) = node(&overlay, "etc").unwrap();
        overlay
            .rename_inner(
                etc,
                name("conf"),
                INodeNo(ROOT),
                name("moved"),
                RenameFlags::empty(),
            )
            .unwrap();
        assert!(
            stack.is_whiteout(0, "etc/conf"),
            "the lower name stays hidden"
        );
        assert_eq!(node(&overlay, "moved").unwrap().1.ino, before.ino);
        assert_eq!(node(&overlay, "etc/conf").unwrap_err(), Errno::ENOENT);
    }

    #[test]
    fn renaming_a_merged_directory_copies_it_whole_and_marks_it_opaque() {
        let stack = Stack::new(2);
        stack.file(2, "dir/a", "bottom");
        stack.file(1, "dir/b", "middle");
        stack.file(0, "dir/c", "upper");
        let overlay = overlay(&stack);
        node(&overlay, "dir").unwrap();
        let noreplace = RenameFlags::RENAME_NOREPLACE;
        overlay
            .rename_inner(
                INodeNo(ROOT),
                name("dir"),
                INodeNo(ROOT),
                name("renamed"),
                noreplace,
            )
            .unwrap();
        for (file, text) in [("a", "bottom"), ("b", "middle"), ("c", "upper")] {
            assert_eq!(stack.read(0, &format!("renamed/{file}")), text);
        }
        assert!(crate::format::is_opaque(&stack.path(0, "renamed")));
        assert!(stack.is_whiteout(0, "dir"));
        assert_eq!(node(&overlay, "dir").unwrap_err(), Errno::ENOENT);
        stack.dir(1, "taken");
        let refused = overlay.rename_inner(
            INodeNo(ROOT),
            name("renamed"),
            INodeNo(ROOT),
            name("taken"),
            noreplace,
        );
        assert_eq!(refused, Err(Errno::EEXIST));
    }

    #[test]
    fn mount_point_files_are_made_only_where_the_image_lacks_them() {
        let stack = Stack::new(1);
        stack.file(1, "etc/hosts", "the image's");
        stack.file(1, "etc/hostname", "");
        stack.whiteout(0, "etc/hostname");
        stack.dir(1, "usr");
        std::os::unix::fs::symlink("usr", stack.path(1, "link")).unwrap();
        let overlay = overlay(&stack);
        let files = [
            "etc/hosts",
            "etc/hostname",
            "etc/resolv.conf",
            "none/file",
            "link/file",
        ];
        overlay.make_mount_files(&files.map(PathBuf::from));
        assert!(!stack.exists(0, "etc/hosts"), "the image's file is used");
        assert_eq!(stack.read(0, "etc/resolv.conf"), "");
        assert_eq!(stack.read(0, "etc/hostname"), "", "made over its whiteout");
        assert!(
            !stack.exists(0, "none"),
            "a missing directory is the container's to make"
        );
        assert!(!stack.exists(1, "usr/file") && !stack.exists(0, "usr"));
        assert_eq!(node(&overlay, "etc/resolv.conf").unwrap().1.size, 0);
    }
}
